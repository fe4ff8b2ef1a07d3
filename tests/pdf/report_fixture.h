// A family followed over many visits, written through the store in one transaction with the
// shipped form, for the progress report's PDF tests, samples and benchmark.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "securebase/forms/form_catalog.h"
#include "securebase/service/visits.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "test_key.h"

namespace securebase::report::testing {

struct ReportFamilyOptions {
  int visits = 30;
  model::Date first_visit{2025, 1, 6};
  model::Date birth{2024, 12, 1};
  int gestation_weeks = 32;
  model::Language language = model::Language::en;
  bool referral = true;
};

class ReportDatabase {
 public:
  explicit ReportDatabase(const std::filesystem::path& file)
      : catalog_(forms::FormCatalog::loadDefault()),
        db_(file, {.key = securebase::testing::kTestKey}),
        store_(db_, "Counselor Kim"),
        form_(*catalog_.latest("attachment-practices")) {
    store_.setSetting("clinic.name", "Riverside Family Clinic");
    store_.setSetting("clinic.phone", "(555) 013-2468");
  }

  store::Store& store() { return store_; }
  const forms::FormCatalog& catalog() const { return catalog_; }
  const forms::Form& form() const { return form_; }

  // Every 14 days: every seventh visit missed and every eleventh cancelled; ratings climb from
  // "Not yet" to "Clearly" over the visits; the wellbeing concern is raised on every fifth.
  model::Id addFamily(const std::string& name, const ReportFamilyOptions& options) {
    model::Id family_id = 0;
    db_.transaction([&] {
      model::Counselor counselor;
      counselor.name = "Dana Whitfield";
      const auto counselor_id = store_.addCounselor(counselor);
      model::Family family;
      family.display_name = name;
      family.language = options.language;
      family.counselor_id = counselor_id;
      family.created_on = options.first_visit;
      family_id = store_.addFamily(family);
      const auto caregiver = store_.addCaregiver({0, "", family_id, "Ana Rivera", "mother"});
      model::Child child;
      child.family_id = family_id;
      child.name = "Sofía";
      child.birth_date = options.birth;
      child.gestation_weeks = options.gestation_weeks;
      child.sex = model::Sex::female;
      const auto child_id = store_.addChild(child);
      const auto snapshot = service::snapshotOf(form_);
      model::Id first_visit_id = 0;
      for (int n = 0; n < options.visits; ++n) {
        model::Visit v;
        v.family_id = family_id;
        v.counselor_id = counselor_id;
        v.date = options.first_visit.plusDays(14 * n);
        v.form_id = form_.id;
        v.form_version = form_.version;
        v.status = model::VisitStatus::signed_off;
        v.signed_by = "Dana Whitfield";
        v.outcome = n % 7 == 6     ? model::VisitOutcome::missed
                    : n % 11 == 10 ? model::VisitOutcome::cancelled
                                   : model::VisitOutcome::completed;
        if (v.outcome == model::VisitOutcome::completed) {
          model::ObservationSet set;
          set.caregiver_id = caregiver;
          set.child_id = child_id;
          int k = 0;
          for (const auto& section : form_.sections)
            for (const auto& item : section.items) {
              ++k;
              model::Observation o;
              o.item_id = item.id;
              if (item.kind == forms::ItemKind::rating) {
                const int level = std::min(2, (n + k % 5) * 3 / std::max(1, options.visits));
                if ((n + k) % 13 == 0)
                  o.not_observed = true;
                else
                  o.value = std::to_string(level);
              } else if (item.kind == forms::ItemKind::yesno) {
                o.value = n % 5 == 4 ? "yes" : "no";
              } else {
                continue;
              }
              set.observations.push_back(o);
            }
          v.sets.push_back(set);
          if (n % 4 == 1) v.notes = "Visit " + std::to_string(n + 1) + ": practised soothing.";
        }
        const auto id = store_.addVisit(v, snapshot);
        if (n == 0) first_visit_id = id;
      }
      model::Goal goal;
      goal.family_id = family_id;
      goal.text = "Hold Sofía close when she cries";
      goal.created_on = options.first_visit;
      if (first_visit_id) goal.set_at_visit_id = first_visit_id;
      store_.addGoal(goal);
      if (options.referral) {
        model::Referral referral;
        referral.family_id = family_id;
        if (first_visit_id) referral.visit_id = first_visit_id;
        referral.to_whom = "Community mental health";
        referral.reason = "Low mood reported";
        referral.created_on = options.first_visit;
        store_.addReferral(referral);
      }
    });
    return family_id;
  }

 private:
  forms::FormCatalog catalog_;
  store::Database db_;
  store::Store store_;
  forms::Form form_;
};

}  // namespace securebase::report::testing
