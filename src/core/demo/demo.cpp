#include "securebase/demo/demo.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "names.h"
#include "random.h"
#include "securebase/service/visits.h"

namespace securebase::demo {
namespace {

using model::Date;
using model::Id;

struct Pair {
  Id caregiver;
  Id child;
};

// How a family's practices grow: each section starts somewhere and improves at its own pace,
// with good and hard weeks, so trends are uneven as in real caseloads.
struct Trajectory {
  std::vector<double> start;  // per section, 0..1 of the scale
  std::vector<double> gain;   // per visit
};

Trajectory makeTrajectory(Random& random, std::size_t sections) {
  Trajectory t;
  for (std::size_t s = 0; s < sections; ++s) {
    t.start.push_back(0.15 + 0.5 * random.unit());
    const double pace = random.chance(0.15) ? -0.004 : 0.004 + 0.03 * random.unit();
    t.gain.push_back(pace);
  }
  return t;
}

int ratingFor(Random& random, const forms::Scale& scale, double level) {
  const double noisy = std::clamp(level + (random.unit() - 0.5) * 0.5, 0.0, 1.0);
  const int steps = scale.maximum() - scale.minimum();
  return scale.minimum() + static_cast<int>(std::lround(noisy * steps));
}

model::Observation answer(Random& random, const forms::Item& item, double level, bool concern) {
  model::Observation o;
  o.item_id = item.id;
  switch (item.kind) {
    case forms::ItemKind::rating:
      if (random.chance(0.07)) {
        o.not_observed = true;
      } else {
        o.value = std::to_string(ratingFor(random, *item.scale, level));
      }
      break;
    case forms::ItemKind::yesno:
      o.value = (item.concern ? concern : random.chance(0.5)) ? "yes" : "no";
      break;
    case forms::ItemKind::single_choice:
      if (item.options.empty()) break;
      o.value = concern ? item.options.back().id : item.options.front().id;
      break;
    case forms::ItemKind::multiple_choice:
      if (!item.options.empty()) o.value = item.options.front().id;
      break;
    case forms::ItemKind::number:
      o.value = std::to_string(static_cast<int>(item.minimum.value_or(0)));
      break;
    case forms::ItemKind::text:
      break;
  }
  return o;
}

const std::vector<std::string> kPlaces = {"home", "home", "home", "clinic", "video call"};
const std::vector<std::string> kGoalsEn = {
    "Answer the baby's cries quickly, every time",
    "Hold the baby skin to skin once a day",
    "Talk or sing during diaper changes",
    "Take a short walk alone twice a week",
    "Ask a friend or relative to help with meals",
    "Nap when the baby naps",
    "Notice when the baby looks away and wait for them to come back"};
const std::vector<std::string> kGoalsEs = {"Responder al llanto del bebé cada vez",
                                           "Cargar al bebé piel con piel una vez al día",
                                           "Hablarle o cantarle al cambiar el pañal",
                                           "Salir a caminar sola dos veces por semana",
                                           "Pedir ayuda con las comidas a familiares",
                                           "Dormir cuando el bebé duerme",
                                           "Esperar a que el bebé vuelva a mirar cuando se voltea"};
const std::vector<std::string> kReferralPlaces = {
    "Family doctor",        "Perinatal mental health counselor",
    "Lactation consultant", "Community food bank",
    "Parent support group", "Pediatrician"};

class Generator {
 public:
  Generator(store::Store& store, const forms::Form& form, const DemoOptions& options)
      : store_(store), form_(form), options_(options), random_(options.seed) {}

  void counselors() {
    const int count = std::max(3, options_.families / 200);
    for (int i = 0; i < count; ++i) {
      model::Counselor c;
      const auto& pool = i % 2 == 0 ? spanishNames() : englishNames();
      do {
        c.name = random_.pick(pool.mothers) + " " + random_.pick(pool.surnames);
      } while (store_.findCounselorByName(c.name));
      c.email = "counselor" + std::to_string(i + 1) + "@clinic.example";
      c.phone = "555-01" + std::to_string(10 + i % 90);
      counselor_ids_.push_back(store_.addCounselor(c));
      counselor_names_[counselor_ids_.back()] = c.name;
    }
  }

  void family(DemoResult& result) {
    const bool spanish = random_.chance(0.45);
    const auto& pool = spanish ? spanishNames() : englishNames();
    const std::string surname = random_.pick(pool.surnames);

    model::Family f;
    const std::string mother = random_.pick(pool.mothers);
    f.display_name = surname + ", " + mother;
    f.language = spanish ? model::Language::es : model::Language::en;
    f.visit_frequency_days = random_.pick(std::vector<int>{7, 14, 14, 14, 30});
    f.counselor_id = random_.pick(counselor_ids_);
    f.phone = "555-" + std::to_string(random_.between(1000, 9999));
    const int visits_wanted = random_.between(5, 40);
    const int visits_before = result.visits;
    // Enough months for the visits, with room for gaps; never starting in the future.
    const int span_days = visits_wanted * f.visit_frequency_days +
                          (random_.chance(0.2) ? random_.between(10, 60) : random_.between(0, 5));
    const Date first_visit = options_.today.plusDays(-span_days);
    f.created_on = first_visit.plusDays(-random_.between(1, 14));
    const bool closed = random_.chance(0.08);
    f.id = store_.addFamily(f);

    std::vector<Id> caregivers;
    caregivers.push_back(
        store_.addCaregiver({0, "", f.id, mother + " " + surname, spanish ? "madre" : "mother"}));
    if (random_.chance(0.45))
      caregivers.push_back(store_.addCaregiver(
          {0, "", f.id, random_.pick(pool.fathers) + " " + surname, spanish ? "padre" : "father"}));
    else if (random_.chance(0.15))
      caregivers.push_back(
          store_.addCaregiver({0, "", f.id, random_.pick(pool.mothers) + " " + surname,
                               spanish ? "abuela" : "grandmother"}));

    std::vector<model::Child> children;
    const int children_count = random_.chance(0.04) ? 2 : 1;  // twins
    const Date born = first_visit.plusDays(-random_.between(3, 180));
    const int gestation = random_.chance(0.12) ? random_.between(28, 36) : random_.between(37, 41);
    for (int c = 0; c < children_count; ++c) {
      model::Child child;
      child.family_id = f.id;
      child.sex = random_.chance(0.5) ? model::Sex::female : model::Sex::male;
      if (random_.chance(0.03)) child.sex = model::Sex::unknown;
      child.name = random_.pick(child.sex == model::Sex::male ? pool.boys : pool.girls);
      if (c == 1 && child.name == children[0].name) child.name += " " + random_.pick(pool.boys);
      child.birth_date = born;
      child.gestation_weeks = children_count == 2 ? std::min(gestation, 36) : gestation;
      child.id = store_.addChild(child);
      children.push_back(child);
    }

    std::vector<Pair> pairs;
    for (const auto& child : children) {
      pairs.push_back({caregivers[0], child.id});
      if (caregivers.size() > 1 && random_.chance(0.3)) pairs.push_back({caregivers[1], child.id});
    }

    const Trajectory trajectory = makeTrajectory(random_, form_.sections.size());
    const auto snapshot = service::snapshotOf(form_);
    Date date = first_visit;
    Id last_completed = 0;
    int completed = 0;
    for (int n = 0; n < visits_wanted && !(options_.today < date); ++n) {
      model::Visit v;
      v.family_id = f.id;
      v.counselor_id = f.counselor_id;
      v.date = date;
      v.form_id = form_.id;
      v.form_version = form_.version;
      const double roll = random_.unit();
      v.outcome = roll < 0.08   ? model::VisitOutcome::missed
                  : roll < 0.13 ? model::VisitOutcome::cancelled
                                : model::VisitOutcome::completed;
      const bool latest =
          n + 1 == visits_wanted || options_.today < date.plusDays(f.visit_frequency_days);
      if (v.outcome == model::VisitOutcome::completed) {
        v.place = random_.pick(kPlaces);
        v.present = caregivers.size() > 1 && random_.chance(0.5) ? "both parents and baby"
                                                                 : "parent and baby";
        if (random_.chance(0.4))
          v.next_planned = date.plusDays(f.visit_frequency_days + random_.between(-2, 3));
        const bool concern = random_.chance(0.05);
        for (const auto& pair : pairs) {
          model::ObservationSet set;
          set.caregiver_id = pair.caregiver;
          set.child_id = pair.child;
          for (std::size_t s = 0; s < form_.sections.size(); ++s) {
            const double level = trajectory.start[s] + trajectory.gain[s] * completed;
            for (const auto& item : form_.sections[s].items)
              set.observations.push_back(answer(random_, item, level, concern));
          }
          // Counselors pick one or two practices for the parent to try.
          for (int k = 0; k < 2 && !set.observations.empty(); ++k) {
            auto& o = set.observations[random_.next() % set.observations.size()];
            const auto* item = form_.item(o.item_id);
            if (item && !item->try_text.empty() && !o.not_observed && random_.chance(0.5))
              o.focus = true;
          }
          result.observations += static_cast<int>(set.observations.size());
          v.sets.push_back(std::move(set));
        }
        if (concern)
          v.notes = spanish ? "Se habló de cómo se siente la madre."
                            : "Talked about how the parent is feeling.";
      }
      // The visit in progress stays a draft now and then; everything older is signed.
      if (!(latest && random_.chance(0.3))) {
        v.status = model::VisitStatus::signed_off;
        v.signed_by = counselor_names_.at(*f.counselor_id);
      }
      const Id id = store_.addVisit(std::move(v), snapshot);
      ++result.visits;
      if (roll >= 0.13) {
        last_completed = id;
        ++completed;
      }
      if (n == 0 || random_.chance(0.12)) goal(f, id, date, spanish, n, visits_wanted);
      if (roll >= 0.13 && random_.chance(0.02)) referral(f.id, id, date, closed);
      date = date.plusDays(f.visit_frequency_days + random_.between(-3, 4));
    }
    (void)last_completed;
    if (closed) {
      store_.closeFamily(
          f.id, random_.pick(std::vector<std::string>{"Program completed", "Family moved away",
                                                      "Family chose to stop"}));
    }
    // Last, so the row vouches for the family as it is left.
    store_.auditGenerated(
        "family", f.id,
        "{\"demo\":true,\"visits\":" + std::to_string(result.visits - visits_before) + "}");
    ++result.families;
  }

 private:
  void goal(const model::Family& f, Id visit, Date date, bool spanish, int n, int total) {
    model::Goal g;
    g.family_id = f.id;
    g.text = random_.pick(spanish ? kGoalsEs : kGoalsEn);
    g.set_at_visit_id = visit;
    g.created_on = date;
    const Id id = store_.addGoal(g);
    if (n + 3 < total && random_.chance(0.5))
      store_.setGoalStatus(
          id, random_.chance(0.85) ? model::GoalStatus::achieved : model::GoalStatus::dropped,
          visit);
  }

  void referral(Id family, Id visit, Date date, bool closed) {
    model::Referral r;
    r.family_id = family;
    r.visit_id = visit;
    r.to_whom = random_.pick(kReferralPlaces);
    r.reason = "Follow-up agreed with the family";
    r.created_on = date;
    r.status = closed || random_.chance(0.5) ? model::ReferralStatus::completed
                                             : model::ReferralStatus::open;
    store_.addReferral(r);
  }

  store::Store& store_;
  const forms::Form& form_;
  const DemoOptions& options_;
  Random random_;
  std::vector<Id> counselor_ids_;
  std::map<Id, std::string> counselor_names_;
};

}  // namespace

DemoResult generateDemo(store::Store& store, const forms::Form& form, const DemoOptions& options,
                        const Progress& progress) {
  DemoResult result;
  Generator generator(store, form, options);
  // Sample families are audited one row each, not record by record (see Store::setGenerating).
  struct Generating {
    store::Store& store;
    explicit Generating(store::Store& s) : store(s) { store.setGenerating(true); }
    ~Generating() { store.setGenerating(false); }
  } generating(store);
  auto& db = store.database();
  db.transaction([&] { generator.counselors(); });
  const int batch = std::max(1, options.families_per_transaction);
  for (int done = 0; done < options.families;) {
    const int upto = std::min(options.families, done + batch);
    db.transaction([&] {
      for (int i = done; i < upto; ++i) generator.family(result);
    });
    done = upto;
    if (progress && !progress(done, options.families)) break;
  }
  return result;
}

}  // namespace securebase::demo
