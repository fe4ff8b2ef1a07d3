// Import, step 3: the file against the target database — what is new, what is already there,
// what conflicts — and references the file leaves to the target resolved (import.h).
#include <boost/json/serialize.hpp>
#include <set>

#include "import_internal.h"
#include "record_json.h"
#include "securebase/core/error.h"
#include "securebase/exchange/import.h"
#include "securebase/forms/form_loader.h"
#include "securebase/store/settings.h"

namespace securebase::exchange {
namespace json = boost::json;

namespace {

std::string formKey(const std::string& id, int version) {
  return id + " v" + std::to_string(version);
}

std::vector<std::string> differingFields(const json::object& mine, const json::object& theirs) {
  std::vector<std::string> fields;
  for (const auto& [key, value] : mine) {
    const auto* other = theirs.if_contains(key);
    if (other != nullptr && *other == value) continue;
    fields.emplace_back(key);
  }
  return fields;
}

bool isSigned(const json::object& visit) {
  const auto* status = visit.if_contains("status");
  return status != nullptr && status->is_string() &&
         status->get_string() == model::toString(model::VisitStatus::signed_off);
}

// A visit's content as compared: superseded_by follows from a signed amendment, which may
// arrive later — the same visit before and after its amendment is not a conflict. A file that
// does not carry amendment reasons (version 1) is compared without them.
json::object comparable(const VisitData& visit, bool with_reason) {
  json::object out = detail::toJson(visit);
  out.erase("superseded_by_uuid");
  if (!with_reason) out.erase("amend_reason");
  return out;
}

template <typename T>
struct Owned {
  std::string family;
  const T* record;
};

// Everything of the target database the plan compares with, by uuid: its counselors and forms,
// and the families given — all of them, or for a file read family by family the few that hold
// a uuid of the family being planned.
struct TargetIndex {
  std::map<std::string, const CounselorData*> counselors;
  std::map<std::string, const store::FormSnapshot*> forms;
  std::map<std::string, const FamilyData*> families;
  std::map<std::string, Owned<CaregiverData>> caregivers;
  std::map<std::string, Owned<ChildData>> children;
  std::map<std::string, Owned<VisitData>> visits;
  std::map<std::string, Owned<GoalData>> goals;
  std::map<std::string, Owned<ReferralData>> referrals;
  std::map<std::string, std::string> amendment_of;  // original uuid → its amendment's uuid

  explicit TargetIndex(const ExchangeData& target) {
    for (const auto& c : target.counselors) counselors[c.uuid] = &c;
    for (const auto& f : target.forms) forms[formKey(f.form_id, f.version)] = &f;
    useFamilies(target.families);
  }

  void useFamilies(const std::vector<FamilyData>& target_families) {
    families.clear();
    caregivers.clear();
    children.clear();
    visits.clear();
    goals.clear();
    referrals.clear();
    amendment_of.clear();
    for (const auto& f : target_families) {
      families[f.uuid] = &f;
      for (const auto& c : f.caregivers) caregivers[c.uuid] = {f.uuid, &c};
      for (const auto& c : f.children) children[c.uuid] = {f.uuid, &c};
      for (const auto& v : f.visits) {
        visits[v.uuid] = {f.uuid, &v};
        if (v.amends_uuid) amendment_of[*v.amends_uuid] = v.uuid;
      }
      for (const auto& g : f.goals) goals[g.uuid] = {f.uuid, &g};
      for (const auto& r : f.referrals) referrals[r.uuid] = {f.uuid, &r};
    }
  }
};

}  // namespace

namespace detail {

class Planner::Impl {
 public:
  Impl(ImportPlan& plan, const ExchangeData& target) : plan_(plan), target_(target) {}

  void head() {
    const ExchangeData& file = plan_.file;
    for (const auto& c : file.counselors) file_counselors_.insert(c.uuid);
    for (const auto& f : file.forms) file_forms_.insert(formKey(f.form_id, f.version));
    settings();
    for (const auto& c : file.counselors) counselor(c);
    for (const auto& f : file.forms) form(f);
  }

  void useTargetFamilies(std::vector<FamilyData> families) {
    target_families_ = std::move(families);
    index_.useFamilies(target_families_);
  }

  FamilyData family(const FamilyData& f) {
    // References stay inside a family (the file's check and the lookups below make sure), so
    // what was decided for another family's visits is never asked again.
    decided_.clear();
    FamilyData add = f;
    add.caregivers.clear();
    add.children.clear();
    add.visits.clear();
    add.goals.clear();
    add.referrals.clear();
    requireCounselor(f.counselor_uuid, "family " + f.uuid);
    const auto found = index_.families.find(f.uuid);
    const json::object theirs =
        found == index_.families.end() ? json::object() : detail::familyFields(*found->second);
    match(RecordType::family, f.uuid, found == index_.families.end() ? nullptr : &theirs,
          detail::familyFields(f));
    for (const auto& c : f.caregivers)
      person(RecordType::caregiver, c, f, index_.caregivers, add.caregivers);
    for (const auto& c : f.children) person(RecordType::child, c, f, index_.children, add.children);
    file_visits_.clear();
    for (const auto& v : f.visits) file_visits_[v.uuid] = &v;
    for (const auto& v : f.visits) visit(v, f, add);
    for (const auto& g : f.goals)
      linked(RecordType::goal, g, f, index_.goals, {g.set_at_visit_uuid, g.closed_at_visit_uuid},
             add.goals);
    for (const auto& r : f.referrals)
      linked(RecordType::referral, r, f, index_.referrals, {r.visit_uuid}, add.referrals);
    return add;
  }

 private:
  void count(RecordType type, int TypeCounts::*which) { ++(plan_.counts[type].*which); }

  void conflict(RecordType type, const std::string& key, ConflictReason reason,
                std::vector<std::string> names = {}) {
    plan_.conflicts.push_back({type, key, reason, std::move(names)});
    count(type, &TypeCounts::conflicts);
  }

  // Same uuid: same content is already there, different content is a conflict. Returns true
  // when the record is new.
  bool match(RecordType type, const std::string& uuid, const json::object* existing,
             const json::object& mine) {
    if (existing == nullptr) {
      count(type, &TypeCounts::added);
      return true;
    }
    if (*existing == mine)
      count(type, &TypeCounts::present);
    else
      conflict(type, uuid,
               type == RecordType::visit && (isSigned(mine) || isSigned(*existing))
                   ? ConflictReason::signed_visit_differs
                   : ConflictReason::content_differs,
               differingFields(mine, *existing));
    return false;
  }

  void settings() {
    for (const auto& [key, value] : plan_.file.settings) {
      const store::SettingSpec* spec = store::findSettingSpec(key);
      if (spec == nullptr || spec->scope != store::SettingScope::clinic) {
        plan_.settings_never_imported.push_back(key);
        continue;
      }
      const auto found = target_.settings.find(key);
      const std::optional<std::string> before =
          found == target_.settings.end() ? std::nullopt : std::optional(found->second);
      if (before != value) plan_.clinic_settings.push_back({key, before, value});
    }
  }

  void counselor(const CounselorData& c) {
    const auto found = index_.counselors.find(c.uuid);
    const json::object existing =
        found == index_.counselors.end() ? json::object() : detail::toJson(*found->second);
    if (match(RecordType::counselor, c.uuid, found == index_.counselors.end() ? nullptr : &existing,
              detail::toJson(c)))
      plan_.to_add.counselors.push_back(c);
  }

  void form(const store::FormSnapshot& f) {
    const std::string key = formKey(f.form_id, f.version);
    const auto found = index_.forms.find(key);
    if (found == index_.forms.end()) {
      plan_.to_add.forms.push_back(f);
      count(RecordType::form, &TypeCounts::added);
    } else if (found->second->sha256 == f.sha256) {
      count(RecordType::form, &TypeCounts::present);
    } else {
      conflicting_forms_.insert(key);
      conflict(RecordType::form, key, ConflictReason::form_differs);
    }
  }

  void requireCounselor(const std::optional<std::string>& uuid, const std::string& who) {
    if (uuid && !file_counselors_.count(*uuid) && !index_.counselors.count(*uuid))
      throwBadInput(who + " names counselor " + *uuid +
                    ", which is neither in the file nor in this database");
  }

  template <typename T>
  void person(RecordType type, const T& p, const FamilyData& f,
              const std::map<std::string, Owned<T>>& existing, std::vector<T>& add) {
    const auto found = existing.find(p.uuid);
    if (found != existing.end() && found->second.family != f.uuid) {
      conflicting_.insert(p.uuid);
      conflict(type, p.uuid, ConflictReason::other_family);
      return;
    }
    const json::object theirs =
        found == existing.end() ? json::object() : detail::toJson(*found->second.record);
    const std::size_t conflicts_before = plan_.conflicts.size();
    if (match(type, p.uuid, found == existing.end() ? nullptr : &theirs, detail::toJson(p)))
      add.push_back(p);
    if (plan_.conflicts.size() != conflicts_before) conflicting_.insert(p.uuid);
  }

  // A visit of the family, from the file or the target; throws when neither holds it.
  void requireVisit(const std::string& uuid, const FamilyData& f, const std::string& who) {
    if (file_visits_.count(uuid)) return;
    const auto found = index_.visits.find(uuid);
    if (found == index_.visits.end() || found->second.family != f.uuid)
      throwBadInput(who + " refers to visit " + uuid +
                    ", which is neither in the file nor in this family in this database");
  }

  template <typename T>
  void requirePerson(const std::string& uuid, const std::vector<T>& in_file,
                     const std::map<std::string, Owned<T>>& existing, const FamilyData& f,
                     const std::string& who, const char* what) {
    for (const auto& p : in_file)
      if (p.uuid == uuid) return;
    const auto found = existing.find(uuid);
    if (found == existing.end() || found->second.family != f.uuid)
      throwBadInput(who + " refers to " + what + " " + uuid +
                    ", which is neither in the file nor in this family in this database");
  }

  void visit(const VisitData& v, const FamilyData& f, FamilyData& add) {
    if (decided_.count(v.uuid)) return;
    decided_.insert(v.uuid);
    const std::string who = "visit " + v.uuid;
    const auto found = index_.visits.find(v.uuid);
    if (found != index_.visits.end()) {
      const std::size_t before = plan_.conflicts.size();
      if (found->second.family != f.uuid)
        conflict(RecordType::visit, v.uuid, ConflictReason::other_family);
      else
        match(RecordType::visit, v.uuid,
              &keep(comparable(*found->second.record, v.amend_reason.has_value())),
              comparable(v, v.amend_reason.has_value()));
      if (plan_.conflicts.size() != before) conflicting_.insert(v.uuid);
      return;
    }
    // New: everything it refers to must exist, and nothing it depends on may be in conflict.
    requireCounselor(v.counselor_uuid, who);
    const std::string key = formKey(v.form_id, v.form_version);
    if (!file_forms_.count(key)) {
      const auto target_form = index_.forms.find(key);
      if (target_form == index_.forms.end())
        throwBadInput(who + " uses form " + key +
                      ", which is neither in the file nor in this database");
      detail::checkAnswers(targetForm(*target_form->second), v, who);
    }
    std::optional<Blocked> blocked;
    if (conflicting_forms_.count(key))
      blocked = Blocked{ConflictReason::uses_conflicting_form, {key}};
    for (const auto& set : v.sets) {
      requirePerson(set.caregiver_uuid, f.caregivers, index_.caregivers, f, who, "caregiver");
      requirePerson(set.child_uuid, f.children, index_.children, f, who, "child");
      for (const auto* uuid : {&set.caregiver_uuid, &set.child_uuid})
        if (conflicting_.count(*uuid))
          blocked = Blocked{ConflictReason::observes_conflicting_person, {*uuid}};
    }
    if (v.amends_uuid) blocked = blocked ? blocked : amendmentProblem(v, f, add);
    if (v.superseded_by_uuid) requireVisit(*v.superseded_by_uuid, f, who);
    if (blocked) {
      conflicting_.insert(v.uuid);
      conflict(RecordType::visit, v.uuid, blocked->reason, std::move(blocked->names));
      return;
    }
    count(RecordType::visit, &TypeCounts::added);
    add.visits.push_back(v);
  }

  struct Blocked {
    ConflictReason reason;
    std::vector<std::string> names;
  };

  // Why an amendment cannot be added, if it cannot.
  std::optional<Blocked> amendmentProblem(const VisitData& v, const FamilyData& f,
                                          FamilyData& add) {
    const std::string& original = *v.amends_uuid;
    requireVisit(original, f, "visit " + v.uuid);
    if (const auto in_file = file_visits_.find(original); in_file != file_visits_.end())
      visit(*in_file->second, f, add);  // decide the original first
    if (conflicting_.count(original))
      return Blocked{ConflictReason::amends_conflicting_visit, {original}};
    const auto existing = index_.visits.find(original);
    if (existing == index_.visits.end()) return std::nullopt;
    if (existing->second.record->status != model::VisitStatus::signed_off)
      return Blocked{ConflictReason::amends_draft, {original}};
    if (const auto other = index_.amendment_of.find(original);
        other != index_.amendment_of.end() && other->second != v.uuid)
      return Blocked{ConflictReason::already_amended, {original, other->second}};
    return std::nullopt;
  }

  template <typename T>
  void linked(RecordType type, const T& record, const FamilyData& f,
              const std::map<std::string, Owned<T>>& existing,
              std::initializer_list<std::optional<std::string>> visits, std::vector<T>& add) {
    const auto found = existing.find(record.uuid);
    if (found != existing.end()) {
      if (found->second.family != f.uuid)
        conflict(type, record.uuid, ConflictReason::other_family);
      else
        match(type, record.uuid, &keep(detail::toJson(*found->second.record)),
              detail::toJson(record));
      return;
    }
    const std::string who = std::string(toString(type)) + " " + record.uuid;
    for (const auto& visit : visits) {
      if (!visit) continue;
      requireVisit(*visit, f, who);
      if (conflicting_.count(*visit)) {
        conflict(type, record.uuid, ConflictReason::refers_to_conflicting_visit, {*visit});
        return;
      }
    }
    count(type, &TypeCounts::added);
    add.push_back(record);
  }

  const forms::Form& targetForm(const store::FormSnapshot& snapshot) {
    const std::string key = formKey(snapshot.form_id, snapshot.version);
    auto found = parsed_forms_.find(key);
    if (found == parsed_forms_.end())
      found =
          parsed_forms_.emplace(key, forms::parseForm(snapshot.json, "stored form " + key)).first;
    return found->second;
  }

  const json::object& keep(json::object object) {
    kept_ = std::move(object);
    return kept_;
  }

  ImportPlan& plan_;
  const ExchangeData& target_;
  std::vector<FamilyData> target_families_;  // the ones given last, which index_ points into
  TargetIndex index_{target_};
  std::set<std::string> file_counselors_, file_forms_, conflicting_forms_;
  std::set<std::string> conflicting_;  // people and visits in conflict, or blocked by one
  std::set<std::string> decided_;
  std::map<std::string, const VisitData*> file_visits_;  // of the family being planned
  std::map<std::string, forms::Form> parsed_forms_;
  json::object kept_;
};

Planner::Planner(ImportPlan& plan, const ExchangeData& target)
    : impl_(std::make_unique<Impl>(plan, target)) {
  impl_->head();
}
Planner::~Planner() = default;

void Planner::useTargetFamilies(std::vector<FamilyData> families) {
  impl_->useTargetFamilies(std::move(families));
}

FamilyData Planner::family(const FamilyData& family) {
  return impl_->family(family);
}

}  // namespace detail

std::string_view toString(RecordType type) {
  switch (type) {
    case RecordType::setting:
      return "setting";
    case RecordType::counselor:
      return "counselor";
    case RecordType::form:
      return "form";
    case RecordType::family:
      return "family";
    case RecordType::caregiver:
      return "caregiver";
    case RecordType::child:
      return "child";
    case RecordType::visit:
      return "visit";
    case RecordType::goal:
      return "goal";
    case RecordType::referral:
      return "referral";
  }
  return "record";
}

std::string Conflict::reasonText() const {
  const auto name = [this](std::size_t i) { return i < names.size() ? names[i] : std::string(); };
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  switch (reason) {
    case ConflictReason::content_differs:
      return "differs in " + list;
    case ConflictReason::signed_visit_differs:
      return "a signed visit that differs in " + list + " (a signed visit is never changed)";
    case ConflictReason::other_family:
      return "belongs to another family in this database";
    case ConflictReason::form_differs:
      return "has different content under the same version";
    case ConflictReason::uses_conflicting_form:
      return "uses form " + name(0) + ", which is in conflict";
    case ConflictReason::observes_conflicting_person:
      return "observes " + name(0) + ", which is in conflict";
    case ConflictReason::amends_conflicting_visit:
      return "amends visit " + name(0) + ", which is in conflict";
    case ConflictReason::refers_to_conflicting_visit:
      return "refers to visit " + name(0) + ", which is in conflict";
    case ConflictReason::amends_draft:
      return "amends visit " + name(0) + ", which is a draft in this database";
    case ConflictReason::already_amended:
      return "amends visit " + name(0) + ", which this database already amends with visit " +
             name(1);
  }
  return "differs";
}

std::string Conflict::describe() const {
  return "conflict: " + std::string(toString(type)) + " " + key + ": " + reasonText();
}

ImportPlan planImport(ExchangeData file, const ExchangeData& target) {
  ImportPlan plan;
  std::vector<FamilyData> families = std::move(file.families);
  plan.file = std::move(file);
  detail::Planner planner(plan, target);
  for (const auto& f : families) plan.to_add.families.push_back(planner.family(f));
  plan.file.families = std::move(families);
  return plan;
}

}  // namespace securebase::exchange
