// A passphrase held for as long as one call needs it, overwritten when it goes out of scope
// (also when that call throws), so a typed passphrase does not linger in freed memory. Its whole
// buffer is overwritten (wipe in passphrase.h), which also covers a short passphrase kept inside
// the object itself; a move wipes what it leaves behind.
#pragma once

#include <string>

#include "securebase/core/passphrase.h"

namespace securebase {

struct SecretText {
  std::string text;
  SecretText() = default;
  explicit SecretText(std::string value) : text(std::move(value)) { wipe(value); }
  SecretText(SecretText&& other) noexcept : text(std::move(other.text)) { wipe(other.text); }
  ~SecretText() { wipe(text); }
  SecretText(const SecretText&) = delete;
  SecretText& operator=(const SecretText&) = delete;
  SecretText& operator=(SecretText&&) = delete;
};

}  // namespace securebase
