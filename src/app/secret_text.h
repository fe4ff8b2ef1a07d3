// A passphrase held for as long as one call needs it, overwritten when it goes out of scope
// (also when that call throws), so a typed passphrase does not linger in freed memory.
#pragma once

#include <string>

#include "securebase/core/passphrase.h"

namespace securebase::app {

struct SecretText {
  std::string text;
  SecretText() = default;
  explicit SecretText(std::string value) : text(std::move(value)) {}
  ~SecretText() { wipe(text); }
  SecretText(const SecretText&) = delete;
  SecretText& operator=(const SecretText&) = delete;
};

}  // namespace securebase::app
