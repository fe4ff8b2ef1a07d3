#include "securebase/exchange/deidentify.h"

#include <cctype>
#include <random>

#include "securebase/core/error.h"
#include "securebase/core/sha256.h"
#include "securebase/forms/answers.h"
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

// An answer leaves the file only when its item is known and its kind is a closed one (a
// rating, yes/no, a choice, a number) and the value is valid for it: never a text answer, and
// never a value no form explains.
std::optional<std::string> safeValue(const forms::Form* form, const model::Observation& o) {
  if (form == nullptr || o.not_observed || o.value.empty()) return std::nullopt;
  const forms::Item* item = form->item(o.item_id);
  if (item == nullptr || item->kind == forms::ItemKind::text) return std::nullopt;
  try {
    model::Observation bare{o.item_id, false, o.value, "", false};
    forms::validateObservation(*item, bare);
  } catch (const Error&) {
    return std::nullopt;
  }
  return o.value;
}

}  // namespace

std::string relationshipChoice(std::string_view relationship) {
  std::string word;
  for (const char c : relationship) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!word.empty() && word.back() != ' ') word += ' ';
      continue;
    }
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!word.empty() && word.back() == ' ') word.pop_back();
  static const std::map<std::string, std::string> kWords = {{"mother", "mother"},
                                                            {"mom", "mother"},
                                                            {"madre", "mother"},
                                                            {"mam\u00e1", "mother"},
                                                            {"father", "father"},
                                                            {"dad", "father"},
                                                            {"padre", "father"},
                                                            {"pap\u00e1", "father"},
                                                            {"grandmother", "grandmother"},
                                                            {"abuela", "grandmother"},
                                                            {"grandfather", "grandfather"},
                                                            {"abuelo", "grandfather"},
                                                            {"aunt", "aunt"},
                                                            {"t\u00eda", "aunt"},
                                                            {"uncle", "uncle"},
                                                            {"t\u00edo", "uncle"},
                                                            {"sister", "sister"},
                                                            {"hermana", "sister"},
                                                            {"brother", "brother"},
                                                            {"hermano", "brother"},
                                                            {"foster parent", "foster parent"},
                                                            {"foster mother", "foster parent"},
                                                            {"foster father", "foster parent"},
                                                            {"guardian", "guardian"},
                                                            {"tutor", "guardian"},
                                                            {"tutora", "guardian"},
                                                            {"stepmother", "step-parent"},
                                                            {"stepfather", "step-parent"},
                                                            {"step-parent", "step-parent"},
                                                            {"partner", "partner"}};
  const auto found = kWords.find(word);
  return found == kWords.end() ? "other" : found->second;
}

Deidentifier::Deidentifier(std::string salt, const std::vector<store::FormSnapshot>& snapshots)
    : salt_(std::move(salt)) {
  if (salt_.empty()) throwBadInput("deidentification needs a secret salt");
  for (const auto& snapshot : snapshots) {
    const std::string key = snapshot.form_id + "/" + std::to_string(snapshot.version);
    forms_.emplace(key, forms::parseForm(snapshot.json, "stored form " + key));
  }
}

std::string Deidentifier::id(const std::string& prefix, const std::string& uuid) const {
  return pseudonym(salt_, prefix, uuid);
}

std::optional<std::string> Deidentifier::id(const std::string& prefix,
                                            const std::optional<std::string>& uuid) const {
  return uuid ? std::optional<std::string>(id(prefix, *uuid)) : std::nullopt;
}

std::map<std::string, std::string> Deidentifier::settings(
    const std::map<std::string, std::string>& all) const {
  std::map<std::string, std::string> kept;
  for (const char* key : {"default.language", "paper.size"})
    if (auto found = all.find(key); found != all.end()) kept.insert(*found);
  return kept;
}

CounselorData Deidentifier::counselor(const CounselorData& c) const {
  CounselorData out;
  out.uuid = id("K", c.uuid);
  out.name = "Counselor " + out.uuid;
  return out;
}

VisitData Deidentifier::visit(const VisitData& v, int shift_days) const {
  const FamilyShift shift(shift_days);
  const auto form_found = forms_.find(v.form_id + "/" + std::to_string(v.form_version));
  const forms::Form* form = form_found == forms_.end() ? nullptr : &form_found->second;
  VisitData out;
  out.uuid = id("V", v.uuid);
  out.counselor_uuid = id("K", v.counselor_uuid);
  out.date = shift(v.date);
  out.place = removedIfAny(v.place);
  out.outcome = v.outcome;
  out.present = removedIfAny(v.present);
  out.form_id = v.form_id;
  out.form_version = v.form_version;
  out.status = v.status;
  out.notes = removedIfAny(v.notes);
  out.next_planned = shift(v.next_planned);
  out.amends_uuid = id("V", v.amends_uuid);
  out.superseded_by_uuid = id("V", v.superseded_by_uuid);
  if (v.amend_reason) out.amend_reason = removedIfAny(*v.amend_reason);
  out.signed_at = shift.timestamp(v.signed_at);
  out.signed_by = removedIfAny(v.signed_by);
  for (const auto& set : v.sets) {
    ObservationSetData safe_set;
    safe_set.caregiver_uuid = id("P", set.caregiver_uuid);
    safe_set.child_uuid = id("C", set.child_uuid);
    for (const auto& o : set.observations) {
      // Item ids come from the form; an id no form declares could carry anything.
      if (form == nullptr || form->item(o.item_id) == nullptr) continue;
      model::Observation safe;
      safe.item_id = o.item_id;
      safe.not_observed = o.not_observed;
      if (const auto value = safeValue(form, o))
        safe.value = *value;
      else if (!o.value.empty())
        safe.value = kRemoved;
      safe.note = removedIfAny(o.note);
      safe.focus = o.focus;
      safe_set.observations.push_back(std::move(safe));
    }
    out.sets.push_back(std::move(safe_set));
  }
  return out;
}

FamilyData Deidentifier::family(const FamilyData& f) const {
  const int days = dateOffsetDays(salt_, f.uuid);
  const FamilyShift shift(days);
  FamilyData out;
  out.uuid = id("F", f.uuid);
  out.display_name = "Family " + out.uuid;
  out.language = f.language;
  out.status = f.status;
  out.closing_reason = removedIfAny(f.closing_reason);
  out.visit_frequency_days = f.visit_frequency_days;
  out.counselor_uuid = id("K", f.counselor_uuid);
  out.created_on = shift(f.created_on);
  for (const auto& c : f.caregivers) {
    CaregiverData safe;
    safe.uuid = id("P", c.uuid);
    safe.relationship = relationshipChoice(c.relationship);
    safe.name = safe.relationship;  // known by relationship only
    out.caregivers.push_back(std::move(safe));
  }
  for (const auto& c : f.children) {
    ChildData safe;
    safe.uuid = id("C", c.uuid);
    safe.name = "Child " + safe.uuid;
    safe.birth_date = shift(c.birth_date);
    safe.gestation_weeks = c.gestation_weeks;
    safe.sex = c.sex;
    out.children.push_back(std::move(safe));
  }
  for (const auto& v : f.visits) out.visits.push_back(visit(v, days));
  for (const auto& g : f.goals) {
    GoalData safe;
    safe.uuid = id("G", g.uuid);
    safe.text = kRemoved;
    safe.status = g.status;
    safe.set_at_visit_uuid = id("V", g.set_at_visit_uuid);
    safe.closed_at_visit_uuid = id("V", g.closed_at_visit_uuid);
    safe.created_on = shift(g.created_on);
    out.goals.push_back(std::move(safe));
  }
  for (const auto& r : f.referrals) {
    ReferralData safe;
    safe.uuid = id("R", r.uuid);
    safe.visit_uuid = id("V", r.visit_uuid);
    safe.to_whom = kRemoved;
    safe.reason = removedIfAny(r.reason);
    safe.status = r.status;
    safe.created_on = shift(r.created_on);
    safe.kind = r.kind;
    safe.concern_item = r.concern_item;  // a form item's id, not a person's words
    if (r.kind == model::ReferralKind::no_referral) safe.to_whom.clear();
    safe.recorded_by = removedIfAny(r.recorded_by);
    out.referrals.push_back(std::move(safe));
  }
  return out;
}

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

ExchangeData deidentify(const ExchangeData& data, const std::string& salt) {
  const Deidentifier safe(salt, data.forms);
  ExchangeData out;
  out.deidentified = true;
  out.settings = safe.settings(data.settings);
  out.forms = data.forms;
  for (const auto& c : data.counselors) out.counselors.push_back(safe.counselor(c));
  for (const auto& f : data.families) out.families.push_back(safe.family(f));
  sortCanonically(out);
  return out;
}

}  // namespace securebase::exchange
