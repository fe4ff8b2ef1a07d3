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

std::string familyPath(std::size_t position) {
  return "$.families[" + std::to_string(position) + "]";
}

std::optional<std::uint32_t> ownerIn(const std::unordered_map<std::string, std::uint32_t>& owners,
                                     const std::string& uuid) {
  const auto found = owners.find(uuid);
  return found == owners.end() ? std::nullopt : std::optional(found->second);
}

}  // namespace

void ConsistencyCheck::fail(const std::string& path, const std::string& problem) const {
  throwBadInput(source_ + ": " + path + ": " + problem);
}

void ConsistencyCheck::indexFailure(const std::string& path, const std::string& problem) {
  if (!index_problem_) index_problem_ = source_ + ": " + path + ": " + problem;
}

void ConsistencyCheck::familyFailure(std::uint32_t family, std::exception_ptr problem) {
  if (family_problem_ && family_problem_at_ <= family) return;
  family_problem_ = std::move(problem);
  family_problem_at_ = family;
}

template <typename T, typename Seen>
bool ConsistencyCheck::unique(const std::vector<T>& list, const std::string& path, Seen& seen) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!seen.insert(list[i].uuid).second) {
      indexFailure(path + "[" + std::to_string(i) + "].uuid",
                   "uuid " + list[i].uuid + " appears twice in the file");
      return false;
    }
  return true;
}

void ConsistencyCheck::head(const ExchangeData& head) {
  try {
    std::set<std::string> counselors;
    for (std::size_t i = 0; i < head.counselors.size(); ++i)
      if (!counselors.insert(head.counselors[i].uuid).second)
        fail("$.counselors[" + std::to_string(i) + "].uuid",
             "uuid " + head.counselors[i].uuid + " appears twice in the file");
    forms(head);
  } catch (const Error&) {
    head_problem_ = std::current_exception();
  }
}

void ConsistencyCheck::forms(const ExchangeData& head) {
  for (std::size_t i = 0; i < head.forms.size(); ++i) {
    const auto& s = head.forms[i];
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

void ConsistencyCheck::family(const FamilyData& f, std::size_t position) {
  // A problem of the head, or a repeated uuid, is told before any family's: nothing after it
  // can change which problem is told.
  if (head_problem_ || index_problem_) return;
  const auto at = static_cast<std::uint32_t>(position);
  index(f, at);
  if (index_problem_ || family_problem_) return;
  try {
    check(f, at);
  } catch (const Error&) {
    familyFailure(at, std::current_exception());
  }
}

void ConsistencyCheck::finish() const {
  if (head_problem_) std::rethrow_exception(head_problem_);
  if (index_problem_) throwBadInput(*index_problem_);
  if (family_problem_) std::rethrow_exception(family_problem_);
}

// Where each person and visit of the file lives, so references can be checked in any order.
void ConsistencyCheck::index(const FamilyData& f, std::uint32_t family) {
  const std::string path = familyPath(family);
  if (!families_.insert(f.uuid).second)
    return indexFailure(path + ".uuid", "uuid " + f.uuid + " appears twice in the file");
  for (std::size_t k = 0; k < f.caregivers.size(); ++k) {
    if (!caregivers_.emplace(f.caregivers[k].uuid, family).second)
      return indexFailure(path + ".caregivers[" + std::to_string(k) + "].uuid",
                          "uuid appears twice");
    settle(pending_caregivers_, f.caregivers[k].uuid, family);
  }
  for (std::size_t k = 0; k < f.children.size(); ++k) {
    if (!children_.emplace(f.children[k].uuid, family).second)
      return indexFailure(path + ".children[" + std::to_string(k) + "].uuid", "uuid appears twice");
    settle(pending_children_, f.children[k].uuid, family);
  }
  for (std::size_t k = 0; k < f.visits.size(); ++k) {
    const VisitData& v = f.visits[k];
    const VisitFacts facts{family, v.status == model::VisitStatus::signed_off, v.amends_uuid,
                           v.superseded_by_uuid};
    if (!visits_.emplace(v.uuid, facts).second)
      return indexFailure(path + ".visits[" + std::to_string(k) + "].uuid", "uuid appears twice");
    settle(pending_visits_, v.uuid, family);
  }
  if (unique(f.goals, path + ".goals", goals_))
    unique(f.referrals, path + ".referrals", referrals_);
}

void ConsistencyCheck::settle(PendingReferences& pending, const std::string& uuid,
                              std::uint32_t family) {
  const auto found = pending.find(uuid);
  if (found == pending.end()) return;
  const Pending reference = std::move(found->second);
  pending.erase(found);
  if (reference.family == family) return;
  try {
    fail(reference.path, std::string(reference.what) + " " + uuid + " belongs to another family");
  } catch (const Error&) {
    familyFailure(reference.family, std::current_exception());
  }
}

// A reference to a person or visit the file holds must stay inside the family; one the
// file lacks is looked up in the target database later (planImport).
void ConsistencyCheck::sameFamily(std::optional<std::uint32_t> owner, PendingReferences& pending,
                                  const std::string& uuid, std::uint32_t family,
                                  const std::string& path, const char* what) {
  if (!owner) {
    pending.emplace(uuid, Pending{family, path, what});
    return;
  }
  if (*owner != family) fail(path, std::string(what) + " " + uuid + " belongs to another family");
}

std::optional<std::uint32_t> ConsistencyCheck::visitOwner(const std::string& uuid) const {
  const auto found = visits_.find(uuid);
  return found == visits_.end() ? std::nullopt : std::optional(found->second.family);
}

const ConsistencyCheck::VisitFacts* ConsistencyCheck::fileVisit(
    const std::optional<std::string>& uuid) const {
  if (!uuid) return nullptr;
  const auto found = visits_.find(*uuid);
  return found == visits_.end() ? nullptr : &found->second;
}

void ConsistencyCheck::check(const FamilyData& f, std::uint32_t family) {
  const std::string path = familyPath(family);
  if (f.status == model::FamilyStatus::closed && f.closing_reason.empty())
    fail(path + ".closing_reason", "a closed family needs a closing reason");
  // An original has at most one amendment: once that is signed, corrections amend it.
  std::set<std::string> amended;
  for (std::size_t k = 0; k < f.visits.size(); ++k) {
    const auto& v = f.visits[k];
    const std::string vpath = path + ".visits[" + std::to_string(k) + "]";
    visit(family, v, vpath);
    noAmendmentLoop(v, vpath);
    if (v.amends_uuid && !amended.insert(*v.amends_uuid).second)
      fail(vpath + ".amends_uuid", "visit " + *v.amends_uuid + " has two amendments");
  }
  for (std::size_t k = 0; k < f.goals.size(); ++k) {
    const std::string gpath = path + ".goals[" + std::to_string(k) + "]";
    for (const auto& [uuid, field] :
         {std::pair{&f.goals[k].set_at_visit_uuid, ".set_at_visit_uuid"},
          std::pair{&f.goals[k].closed_at_visit_uuid, ".closed_at_visit_uuid"}})
      if (*uuid)
        sameFamily(visitOwner(**uuid), pending_visits_, **uuid, family, gpath + field, "visit");
  }
  for (std::size_t k = 0; k < f.referrals.size(); ++k)
    if (const auto& uuid = f.referrals[k].visit_uuid)
      sameFamily(visitOwner(*uuid), pending_visits_, *uuid, family,
                 path + ".referrals[" + std::to_string(k) + "].visit_uuid", "visit");
}

// Visits that amend each other in a circle pass every check between two of them, but the
// database cannot hold them: a chain of amendments must end at an original.
void ConsistencyCheck::noAmendmentLoop(const VisitData& start, const std::string& path) const {
  const VisitFacts* first = fileVisit(start.uuid);
  const VisitFacts* v = first;
  for (std::size_t steps = 0; v != nullptr && v->amends_uuid; ++steps) {
    v = fileVisit(v->amends_uuid);
    if (v == first || steps > visits_.size())
      fail(path + ".amends_uuid",
           "visit " + start.uuid + " is in a loop of visits amending each other");
  }
}

void ConsistencyCheck::visit(std::uint32_t family, const VisitData& v, const std::string& path) {
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
    if (v.superseded_by_uuid) fail(path + ".superseded_by_uuid", "only a signed visit is replaced");
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
    sameFamily(ownerIn(caregivers_, set.caregiver_uuid), pending_caregivers_, set.caregiver_uuid,
               family, spath + ".caregiver_uuid", "caregiver");
    sameFamily(ownerIn(children_, set.child_uuid), pending_children_, set.child_uuid, family,
               spath + ".child_uuid", "child");
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
    sameFamily(visitOwner(*v.amends_uuid), pending_visits_, *v.amends_uuid, family,
               path + ".amends_uuid", "visit");
    if (const VisitFacts* original = fileVisit(v.amends_uuid)) {
      if (!original->is_signed)
        fail(path + ".amends_uuid", "visit " + *v.amends_uuid +
                                        " is a draft; only signed "
                                        "visits are amended");
      if (is_signed && original->superseded_by_uuid != v.uuid)
        fail(path + ".amends_uuid", "visit " + *v.amends_uuid +
                                        " does not name this signed amendment in "
                                        "superseded_by_uuid");
    }
  }
  if (v.superseded_by_uuid) {
    sameFamily(visitOwner(*v.superseded_by_uuid), pending_visits_, *v.superseded_by_uuid, family,
               path + ".superseded_by_uuid", "visit");
    const VisitFacts* amendment = fileVisit(v.superseded_by_uuid);
    if (amendment && (amendment->amends_uuid != v.uuid || !amendment->is_signed))
      fail(path + ".superseded_by_uuid",
           "visit " + *v.superseded_by_uuid + " is not a signed amendment of this visit");
  }
}

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

}  // namespace securebase::exchange::detail
