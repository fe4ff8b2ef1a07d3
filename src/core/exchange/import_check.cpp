// Import, step 2: the records of one file agree with each other (import_internal.h).
#include <map>
#include <set>

#include "import_internal.h"
#include "securebase/core/error.h"
#include "securebase/core/sha256.h"
#include "securebase/forms/answers.h"
#include "securebase/forms/form_loader.h"

namespace securebase::exchange::detail {
namespace {

std::string formKey(const std::string& id, int version) {
  return id + " v" + std::to_string(version);
}

class Checker {
 public:
  Checker(const ExchangeData& data, const std::string& source) : data_(data), source_(source) {}

  void run() {
    unique(data_.counselors, "$.counselors", counselors_);
    forms();
    index();
    for (std::size_t i = 0; i < data_.families.size(); ++i)
      family(data_.families[i], "$.families[" + std::to_string(i) + "]");
  }

 private:
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throwBadInput(source_ + ": " + path + ": " + problem);
  }

  template <typename T>
  void unique(const std::vector<T>& list, const std::string& path, std::set<std::string>& seen) {
    for (std::size_t i = 0; i < list.size(); ++i)
      if (!seen.insert(list[i].uuid).second)
        fail(path + "[" + std::to_string(i) + "].uuid",
             "uuid " + list[i].uuid + " appears twice in the file");
  }

  void forms() {
    for (std::size_t i = 0; i < data_.forms.size(); ++i) {
      const auto& s = data_.forms[i];
      const std::string path = "$.forms[" + std::to_string(i) + "]";
      const std::string key = formKey(s.form_id, s.version);
      if (sha256Hex(s.json) != s.sha256)
        fail(path + ".sha256", "does not match the text of form " + key);
      forms::Form form = forms::parseForm(s.json, source_ + ": " + path + ".json");
      if (form.id != s.form_id || form.version != s.version)
        fail(path, "the form text is " + formKey(form.id, form.version) + ", not " + key);
      if (!forms_.emplace(key, std::move(form)).second)
        fail(path, "form " + key + " appears twice in the file");
    }
  }

  // Where each person and visit of the file lives, so references can be checked in any order.
  void index() {
    std::set<std::string> families;
    for (std::size_t i = 0; i < data_.families.size(); ++i) {
      const auto& f = data_.families[i];
      const std::string path = "$.families[" + std::to_string(i) + "]";
      if (!families.insert(f.uuid).second)
        fail(path + ".uuid", "uuid " + f.uuid + " appears twice in the file");
      for (std::size_t k = 0; k < f.caregivers.size(); ++k)
        if (!caregivers_.emplace(f.caregivers[k].uuid, f.uuid).second)
          fail(path + ".caregivers[" + std::to_string(k) + "].uuid", "uuid appears twice");
      for (std::size_t k = 0; k < f.children.size(); ++k)
        if (!children_.emplace(f.children[k].uuid, f.uuid).second)
          fail(path + ".children[" + std::to_string(k) + "].uuid", "uuid appears twice");
      for (std::size_t k = 0; k < f.visits.size(); ++k)
        if (!visits_.emplace(f.visits[k].uuid, std::make_pair(f.uuid, &f.visits[k])).second)
          fail(path + ".visits[" + std::to_string(k) + "].uuid", "uuid appears twice");
      unique(f.goals, path + ".goals", goals_);
      unique(f.referrals, path + ".referrals", referrals_);
    }
  }

  // A reference to a person or visit the file holds must stay inside the family; one the
  // file lacks is looked up in the target database later (planImport).
  template <typename Map>
  void sameFamily(const Map& map, const std::string& uuid, const std::string& family,
                  const std::string& path, const char* what) {
    const auto found = map.find(uuid);
    if (found == map.end()) return;
    const std::string& owner = [&]() -> const std::string& {
      if constexpr (std::is_same_v<typename Map::mapped_type, std::string>)
        return found->second;
      else
        return found->second.first;
    }();
    if (owner != family) fail(path, std::string(what) + " " + uuid + " belongs to another family");
  }

  const VisitData* fileVisit(const std::optional<std::string>& uuid) const {
    if (!uuid) return nullptr;
    const auto found = visits_.find(*uuid);
    return found == visits_.end() ? nullptr : found->second.second;
  }

  void family(const FamilyData& f, const std::string& path) {
    if (f.status == model::FamilyStatus::closed && f.closing_reason.empty())
      fail(path + ".closing_reason", "a closed family needs a closing reason");
    // An original has at most one amendment: once that is signed, corrections amend it.
    std::set<std::string> amended;
    for (std::size_t k = 0; k < f.visits.size(); ++k) {
      const auto& v = f.visits[k];
      const std::string vpath = path + ".visits[" + std::to_string(k) + "]";
      visit(f, v, vpath);
      noAmendmentLoop(v, vpath);
      if (v.amends_uuid && !amended.insert(*v.amends_uuid).second)
        fail(vpath + ".amends_uuid", "visit " + *v.amends_uuid + " has two amendments");
    }
    for (std::size_t k = 0; k < f.goals.size(); ++k) {
      const std::string gpath = path + ".goals[" + std::to_string(k) + "]";
      if (f.goals[k].set_at_visit_uuid)
        sameFamily(visits_, *f.goals[k].set_at_visit_uuid, f.uuid, gpath + ".set_at_visit_uuid",
                   "visit");
      if (f.goals[k].closed_at_visit_uuid)
        sameFamily(visits_, *f.goals[k].closed_at_visit_uuid, f.uuid,
                   gpath + ".closed_at_visit_uuid", "visit");
    }
    for (std::size_t k = 0; k < f.referrals.size(); ++k)
      if (f.referrals[k].visit_uuid)
        sameFamily(visits_, *f.referrals[k].visit_uuid, f.uuid,
                   path + ".referrals[" + std::to_string(k) + "].visit_uuid", "visit");
  }

  // Visits that amend each other in a circle pass every check between two of them, but the
  // database cannot hold them: a chain of amendments must end at an original.
  void noAmendmentLoop(const VisitData& start, const std::string& path) const {
    const VisitData* v = &start;
    for (std::size_t steps = 0; v != nullptr && v->amends_uuid; ++steps) {
      v = fileVisit(v->amends_uuid);
      if (v == &start || steps > visits_.size())
        fail(path + ".amends_uuid",
             "visit " + start.uuid + " is in a loop of visits amending each other");
    }
  }

  void visit(const FamilyData& f, const VisitData& v, const std::string& path) {
    const bool is_signed = v.status == model::VisitStatus::signed_off;
    if (is_signed) {
      if (v.signed_by.empty()) fail(path + ".signed_by", "a signed visit names its signer");
      if (!model::Date::parse(std::string_view(v.signed_at).substr(0, 10)))
        fail(path + ".signed_at",
             "a signed visit needs the time it was signed, like "
             "2026-11-28T18:30:05Z");
    } else {
      if (!v.signed_at.empty() || !v.signed_by.empty())
        fail(path + ".status", "a draft visit cannot carry a signature");
      if (v.superseded_by_uuid)
        fail(path + ".superseded_by_uuid", "only a signed visit is replaced");
    }
    if (v.next_planned && *v.next_planned < v.date)
      fail(path + ".next_planned", "the next planned visit is before the visit itself");
    std::set<std::pair<std::string, std::string>> pairs;
    for (std::size_t s = 0; s < v.sets.size(); ++s) {
      const auto& set = v.sets[s];
      const std::string spath = path + ".observation_sets[" + std::to_string(s) + "]";
      if (v.outcome != model::VisitOutcome::completed && !set.observations.empty())
        fail(spath, std::string("a ") + std::string(model::toString(v.outcome)) +
                        " visit cannot have observations");
      if (!pairs.insert({set.caregiver_uuid, set.child_uuid}).second)
        fail(spath, "this caregiver and child are observed twice in the visit");
      sameFamily(caregivers_, set.caregiver_uuid, f.uuid, spath + ".caregiver_uuid", "caregiver");
      sameFamily(children_, set.child_uuid, f.uuid, spath + ".child_uuid", "child");
      std::set<std::string> items;
      for (std::size_t o = 0; o < set.observations.size(); ++o)
        if (!items.insert(set.observations[o].item_id).second)
          fail(spath + ".observations[" + std::to_string(o) + "]",
               "item \"" + set.observations[o].item_id + "\" is answered twice");
    }
    if (const auto form = forms_.find(formKey(v.form_id, v.form_version)); form != forms_.end())
      checkAnswers(form->second, v, source_ + ": " + path);
    if (v.amends_uuid) {
      if (*v.amends_uuid == v.uuid) fail(path + ".amends_uuid", "a visit cannot amend itself");
      sameFamily(visits_, *v.amends_uuid, f.uuid, path + ".amends_uuid", "visit");
      const VisitData* original = fileVisit(v.amends_uuid);
      if (original && original->status != model::VisitStatus::signed_off)
        fail(path + ".amends_uuid", "visit " + original->uuid +
                                        " is a draft; only signed "
                                        "visits are amended");
      if (original && is_signed && original->superseded_by_uuid != v.uuid)
        fail(path + ".amends_uuid", "visit " + original->uuid +
                                        " does not name this signed amendment in "
                                        "superseded_by_uuid");
    }
    if (v.superseded_by_uuid) {
      sameFamily(visits_, *v.superseded_by_uuid, f.uuid, path + ".superseded_by_uuid", "visit");
      const VisitData* amendment = fileVisit(v.superseded_by_uuid);
      if (amendment &&
          (amendment->amends_uuid != v.uuid || amendment->status != model::VisitStatus::signed_off))
        fail(path + ".superseded_by_uuid",
             "visit " + amendment->uuid + " is not a signed amendment of this visit");
    }
  }

  const ExchangeData& data_;
  const std::string& source_;
  std::map<std::string, forms::Form> forms_;
  std::set<std::string> counselors_, goals_, referrals_;
  std::map<std::string, std::string> caregivers_, children_;  // uuid → family uuid
  std::map<std::string, std::pair<std::string, const VisitData*>> visits_;
};

}  // namespace

void checkAnswers(const forms::Form& form, const VisitData& visit, const std::string& where) {
  for (std::size_t s = 0; s < visit.sets.size(); ++s) {
    model::ObservationSet set;
    set.observations = visit.sets[s].observations;
    try {
      forms::validateObservationSet(form, set);
    } catch (const Error& e) {
      throwBadInput(where + ".observation_sets[" + std::to_string(s) + "]: " + e.what());
    }
  }
}

void checkConsistency(const ExchangeData& data, const std::string& source) {
  Checker(data, source).run();
}

}  // namespace securebase::exchange::detail
