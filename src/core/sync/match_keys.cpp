#include "match_keys.h"

#include "securebase/model/latin_letters.h"
#include "server_text.h"

namespace securebase::sync::detail {

std::string childMatchKey(const std::string& name, const model::Date& birth_date) {
  std::string key;
  bool gap = false;
  for (char c : model::foldAccentsAndCase(name)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == ',') {
      gap = !key.empty();
      continue;
    }
    if (gap) key += ' ';
    gap = false;
    key += c;
  }
  return key.empty() ? key : key + "|" + birth_date.iso();
}

std::string phoneMatchKey(const std::string& phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() < 7) return {};
  return digits.size() > 9 ? digits.substr(digits.size() - 9) : digits;
}

void MatchKeys::add(const exchange::FamilyData& family) {
  covered_.push_back(family.uuid);
  const auto key = [&](const char* kind, std::string value) {
    if (value.empty()) return;
    families_.push_back(family.uuid);
    kinds_.emplace_back(kind);
    keys_.push_back(std::move(value));
  };
  for (const auto& child : family.children)
    key("child", childMatchKey(child.name, child.birth_date));
  key("phone", phoneMatchKey(family.phone));
}

void MatchKeys::send(server::Connection& server) const {
  if (covered_.empty()) return;
  server.exec(
      "SELECT securebase.set_match_keys($1::uuid[], $2::uuid[], $3::text[], $4::text[])",
      {arrayLiteral(covered_), arrayLiteral(families_), arrayLiteral(kinds_), arrayLiteral(keys_)});
}

}  // namespace securebase::sync::detail
