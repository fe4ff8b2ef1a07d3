// The keys tests open encrypted databases with. A raw key (x'<64 hex>') skips SQLCipher's key
// derivation, so the hundreds of opens in the suites cost nothing extra; the tests of the
// passphrase itself use real passphrases and pay the 256,000 PBKDF2 iterations.
#pragma once

#include <string>

namespace securebase::testing {

inline const std::string kTestKey =
    "x'5ecba5e000000000000000000000000000000000000000000000000000000001'";
inline const std::string kOtherTestKey =
    "x'0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'";

}  // namespace securebase::testing
