// Reads and checks a form file. Everything is validated here, once: JSON syntax, UTF-8,
// required fields and their types, ids, scales, kinds, choices, languages, placeholders in
// parent texts and guidance ids. The first problem found is thrown as a FormError.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "securebase/forms/form.h"

namespace securebase::forms {

// `source_name` names the text in messages (normally the file path).
Form parseForm(std::string_view json_text, const std::string& source_name);

// Throws FormError when the file cannot be read or is not a valid form.
Form loadFormFile(const std::filesystem::path& path);

}  // namespace securebase::forms
