// The words of the progress report, read from assets/reports/<lang>/progress-report.json: labels
// and sentences as data, so wording can change or a language be added without a rebuild. The
// file is one JSON object: "language", "months" and "months_short" (12 names each) and "texts",
// an object of key → sentence where "{name}" marks a value filled in when the report is built.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "securebase/model/date.h"
#include "securebase/model/enums.h"

namespace securebase::report {

class ReportText {
 public:
  // Throws Error(not_found) when the file is missing, Error(bad_input) naming the file and what
  // is wrong when it is malformed (not JSON, wrong language, not 12 months, a non-text value).
  static ReportText load(const std::filesystem::path& file, model::Language language);
  // assets/reports/<lang>/progress-report.json under securebase::assetsDir().
  static ReportText loadDefault(model::Language language);

  model::Language language() const { return language_; }
  const std::map<std::string, std::string, std::less<>>& texts() const { return texts_; }

  // The text for `key`; throws Error(not_found) naming the key and the file when it is absent.
  const std::string& get(std::string_view key) const;
  // get(key) with every "{name}" replaced by its value.
  std::string format(std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string>> values) const;

  // "March 14, 2026" / "14 de marzo de 2026".
  std::string longDate(model::Date date) const;
  // "Mar 14" / "14 mar" — the year is left to the caller (chart labels, table headers).
  std::string shortDate(model::Date date) const;

 private:
  model::Language language_ = model::Language::en;
  std::string source_;
  std::vector<std::string> months_;
  std::vector<std::string> months_short_;
  std::map<std::string, std::string, std::less<>> texts_;
};

// Replaces each "{name}" in `text` by its value; unknown markers stay as they are.
std::string fillPlaceholders(
    std::string text, std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace securebase::report
