#include "securebase/forms/form_catalog.h"

#include <algorithm>
#include <system_error>

#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/forms/form_loader.h"

namespace securebase::forms {

namespace fs = std::filesystem;

FormCatalog FormCatalog::load(const fs::path& folder) {
  FormCatalog catalog;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  if (ec) {
    catalog.problems_.push_back(folder.string() + ": cannot read the forms folder (" +
                                ec.message() + ")");
    return catalog;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    try {
      Form form = loadFormFile(file);
      const std::string expected = form.id + ".v" + std::to_string(form.version) + ".json";
      if (file.filename() != expected) {
        catalog.problems_.push_back(file.string() + ": holds form \"" + form.id + "\" version " +
                                    std::to_string(form.version) + ", so it must be named " +
                                    expected);
        continue;
      }
      catalog.forms_.push_back(std::move(form));
    } catch (const Error& error) {
      catalog.problems_.emplace_back(error.what());
    }
  }
  return catalog;
}

FormCatalog FormCatalog::loadDefault() {
  return load(formsDir());
}

const Form* FormCatalog::find(std::string_view id, int version) const {
  for (const auto& form : forms_)
    if (form.id == id && form.version == version) return &form;
  return nullptr;
}

const Form* FormCatalog::latest(std::string_view id) const {
  const Form* best = nullptr;
  for (const auto& form : forms_)
    if (form.id == id && (best == nullptr || form.version > best->version)) best = &form;
  return best;
}

const Form& FormCatalog::get(std::string_view id, int version) const {
  if (const Form* form = find(id, version)) return *form;
  throwNotFound("form \"" + std::string(id) + "\" version " + std::to_string(version) +
                " is not in the forms folder");
}

}  // namespace securebase::forms
