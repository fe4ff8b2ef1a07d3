// Small text helpers of the handout: dates in the reader's language, help lines, the logo file.
#include <array>
#include <fstream>
#include <sstream>

#include "securebase/core/error.h"
#include "securebase/handout/builder.h"

namespace securebase::handout {

namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string longDate(model::Date date, model::Language language) {
  static const std::array<const char*, 12> english = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  static const std::array<const char*, 12> spanish = {
      "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
      "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  const auto month = static_cast<std::size_t>(date.month - 1);
  if (language == model::Language::es)
    return std::to_string(date.day) + " de " + spanish.at(month) + " de " +
           std::to_string(date.year);
  return std::string(english.at(month)) + " " + std::to_string(date.day) + ", " +
         std::to_string(date.year);
}

std::string monthAndYear(model::Date date, model::Language language) {
  const std::string day_month_year = longDate({date.year, date.month, 1}, language);
  // Drop the day: "December 1, 2026" -> "December 2026", "1 de diciembre de 2026" -> "diciembre de
  // 2026".
  if (language == model::Language::es) return day_month_year.substr(day_month_year.find("de ") + 3);
  const auto space = day_month_year.find(' ');
  return day_month_year.substr(0, space) + " " + std::to_string(date.year);
}

std::vector<std::pair<std::string, std::string>> parseHelpLines(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty()) continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos)
      lines.emplace_back(line, "");
    else
      lines.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
  }
  return lines;
}

std::string readLogo(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throwNotFound("cannot read the clinic logo " + path + ": no such file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string png = bytes.str();
  if (png.rfind("\x89PNG\r\n\x1a\n", 0) != 0)
    throwBadInput("the clinic logo " + path + " is not a PNG image");
  return png;
}

}  // namespace securebase::handout
