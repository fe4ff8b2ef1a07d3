// The error a malformed form file or a wrong answer raises. Its message is one line naming
// the file, the JSON path and the problem, e.g.
//   forms/x.json: $.sections[2].items[0].scale: unknown scale "seen2"
#pragma once

#include <string>

#include "securebase/core/error.h"

namespace securebase::forms {

class FormError : public Error {
 public:
  explicit FormError(const std::string& message) : Error(ErrorKind::bad_input, message) {}
};

}  // namespace securebase::forms
