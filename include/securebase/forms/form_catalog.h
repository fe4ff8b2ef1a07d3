// All the forms in a folder. A malformed file is recorded as a problem (one line, naming the
// file) and skipped, so one bad file never keeps the others from loading.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/forms/form.h"

namespace securebase::forms {

class FormCatalog {
 public:
  // Loads every *.json file in `folder`, in file-name order. A file must be named
  // <id>.v<version>.json and no two files may hold the same id and version.
  static FormCatalog load(const std::filesystem::path& folder);
  // The installed forms folder (securebase::formsDir()).
  static FormCatalog loadDefault();

  const std::vector<Form>& forms() const { return forms_; }
  const std::vector<std::string>& problems() const { return problems_; }

  const Form* find(std::string_view id, int version) const;
  const Form* latest(std::string_view id) const;
  // Like find() but throws Error(not_found) with a message naming id and version.
  const Form& get(std::string_view id, int version) const;

 private:
  std::vector<Form> forms_;
  std::vector<std::string> problems_;
};

}  // namespace securebase::forms
