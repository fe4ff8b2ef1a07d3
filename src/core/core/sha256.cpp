// SHA-256 by OpenSSL's libcrypto, which picks the processor's SHA instructions when it has them:
// a batch hashes every record and audit row it writes.
#include "securebase/core/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace securebase {

std::string sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1 ||
      length != 32)
    throw std::runtime_error("SHA-256 is not available from libcrypto");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(64, '0');
  for (unsigned int i = 0; i < 32; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0x0f];
  }
  return hex;
}

}  // namespace securebase
