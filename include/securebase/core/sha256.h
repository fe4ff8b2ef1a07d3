// SHA-256 (FIPS 180-4), used to fingerprint form snapshots and, later, to chain audit rows.
#pragma once

#include <string>
#include <string_view>

namespace securebase {

// Lower-case hex digest of the bytes of `data`.
std::string sha256Hex(std::string_view data);

}  // namespace securebase
