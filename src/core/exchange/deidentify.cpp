#include "securebase/exchange/deidentify.h"

#include <random>
#include <set>

#include "securebase/core/error.h"
#include "securebase/core/sha256.h"
#include "securebase/forms/form_loader.h"
#include "securebase/store/settings.h"

namespace securebase::exchange {
namespace {

std::string bytesOfHex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return bytes;
}

std::string removedIfAny(const std::string& text) {
  return text.empty() ? std::string() : std::string(kRemoved);
}

// Every date of one family moves by the same number of days.
class FamilyShift {
 public:
  explicit FamilyShift(int days) : days_(days) {}
  model::Date operator()(model::Date date) const { return date.plusDays(-days_); }
  std::optional<model::Date> operator()(const std::optional<model::Date>& date) const {
    return date ? std::optional<model::Date>((*this)(*date)) : std::nullopt;
  }
  // "2026-11-28T18:30:05Z": the date part moves, the time of day stays.
  std::string timestamp(const std::string& text) const {
    if (text.empty()) return text;
    const auto date = model::Date::parse(std::string_view(text).substr(0, 10));
    if (!date) return kRemoved;
    return (*this)(*date).iso() + text.substr(10);
  }

 private:
  int days_;
};

class Pseudonyms {
 public:
  explicit Pseudonyms(const std::string& salt) : salt_(salt) {}
  std::string operator()(const std::string& prefix, const std::string& uuid) const {
    return pseudonym(salt_, prefix, uuid);
  }
  std::optional<std::string> operator()(const std::string& prefix,
                                        const std::optional<std::string>& uuid) const {
    return uuid ? std::optional<std::string>((*this)(prefix, *uuid)) : std::nullopt;
  }

 private:
  const std::string& salt_;
};

// Item ids whose answers are free text, per form snapshot ("form-id/version").
std::map<std::string, std::set<std::string>> textItems(const ExchangeData& data) {
  std::map<std::string, std::set<std::string>> items;
  for (const auto& snapshot : data.forms) {
    const std::string key = snapshot.form_id + "/" + std::to_string(snapshot.version);
    const forms::Form form = forms::parseForm(snapshot.json, "stored form " + key);
    for (const auto& section : form.sections)
      for (const auto& item : section.items)
        if (item.kind == forms::ItemKind::text) items[key].insert(item.id);
  }
  return items;
}

void deidentifyVisit(VisitData& v, const FamilyShift& shift, const Pseudonyms& ids,
                     const std::set<std::string>& text_items) {
  v.uuid = ids("V", v.uuid);
  v.counselor_uuid = ids("K", v.counselor_uuid);
  v.date = shift(v.date);
  v.place = removedIfAny(v.place);
  v.present = removedIfAny(v.present);
  v.notes = removedIfAny(v.notes);
  v.next_planned = shift(v.next_planned);
  v.amends_uuid = ids("V", v.amends_uuid);
  v.superseded_by_uuid = ids("V", v.superseded_by_uuid);
  v.signed_at = shift.timestamp(v.signed_at);
  v.signed_by = removedIfAny(v.signed_by);
  for (auto& set : v.sets) {
    set.caregiver_uuid = ids("P", set.caregiver_uuid);
    set.child_uuid = ids("C", set.child_uuid);
    for (auto& o : set.observations) {
      o.note = removedIfAny(o.note);
      if (text_items.count(o.item_id)) o.value = removedIfAny(o.value);
    }
  }
}

void deidentifyFamily(FamilyData& f, const std::string& salt, const Pseudonyms& ids,
                      const std::map<std::string, std::set<std::string>>& text_items) {
  const FamilyShift shift(dateOffsetDays(salt, f.uuid));
  f.uuid = ids("F", f.uuid);
  f.display_name = "Family " + f.uuid;
  f.closing_reason = removedIfAny(f.closing_reason);
  f.counselor_uuid = ids("K", f.counselor_uuid);
  f.address.clear();
  f.phone.clear();
  f.created_on = shift(f.created_on);
  for (auto& c : f.caregivers) {
    c.uuid = ids("P", c.uuid);
    c.name = c.relationship.empty() ? "Caregiver" : c.relationship;
  }
  for (auto& c : f.children) {
    c.uuid = ids("C", c.uuid);
    c.name = "Child " + c.uuid;
    c.birth_date = shift(c.birth_date);
  }
  static const std::set<std::string> kNone;
  for (auto& v : f.visits) {
    const auto found = text_items.find(v.form_id + "/" + std::to_string(v.form_version));
    deidentifyVisit(v, shift, ids, found == text_items.end() ? kNone : found->second);
  }
  for (auto& g : f.goals) {
    g.uuid = ids("G", g.uuid);
    g.text = kRemoved;
    g.set_at_visit_uuid = ids("V", g.set_at_visit_uuid);
    g.closed_at_visit_uuid = ids("V", g.closed_at_visit_uuid);
    g.created_on = shift(g.created_on);
  }
  for (auto& r : f.referrals) {
    r.uuid = ids("R", r.uuid);
    r.visit_uuid = ids("V", r.visit_uuid);
    r.to_whom = kRemoved;
    r.reason = removedIfAny(r.reason);
    r.created_on = shift(r.created_on);
  }
}

}  // namespace

std::string randomSalt() {
  std::random_device device;
  std::string salt;
  static const char* kHex = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) {
    const unsigned byte = device() & 0xFFu;
    salt += kHex[byte >> 4];
    salt += kHex[byte & 0xFu];
  }
  return salt;
}

std::string saltFromSeed(const std::string& seed) {
  return sha256Hex("securebase-deidentify-seed:" + seed);
}

std::string hmacSha256Hex(const std::string& key, const std::string& message) {
  constexpr std::size_t kBlock = 64;
  std::string k = key.size() > kBlock ? bytesOfHex(sha256Hex(key)) : key;
  k.resize(kBlock, '\0');
  std::string inner(kBlock, '\0'), outer(kBlock, '\0');
  for (std::size_t i = 0; i < kBlock; ++i) {
    inner[i] = static_cast<char>(k[i] ^ 0x36);
    outer[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  return sha256Hex(outer + bytesOfHex(sha256Hex(inner + message)));
}

std::string pseudonym(const std::string& salt, const std::string& prefix, const std::string& uuid) {
  return prefix + "-" + hmacSha256Hex(salt, "id:" + uuid).substr(0, 12);
}

int dateOffsetDays(const std::string& salt, const std::string& family_uuid) {
  const std::string digest = hmacSha256Hex(salt, "date:" + family_uuid);
  return 1 + static_cast<int>(std::stoul(digest.substr(0, 8), nullptr, 16) % 365);
}

ExchangeData deidentify(ExchangeData data, const std::string& salt) {
  if (salt.empty()) throwBadInput("deidentification needs a secret salt");
  const Pseudonyms ids(salt);
  const auto text_items = textItems(data);
  data.deidentified = true;
  std::map<std::string, std::string> kept;
  for (const char* key : {store::setting::default_language, store::setting::paper_size})
    if (auto found = data.settings.find(key); found != data.settings.end()) kept.insert(*found);
  data.settings = std::move(kept);
  for (auto& c : data.counselors) {
    c.uuid = ids("K", c.uuid);
    c.name = "Counselor " + c.uuid;
    c.email.clear();
    c.phone.clear();
  }
  for (auto& f : data.families) deidentifyFamily(f, salt, ids, text_items);
  sortCanonically(data);
  return data;
}

}  // namespace securebase::exchange
