// Push: what this database holds that the server lacks, in one server transaction.
#include <map>
#include <set>

#include "clinic_settings.h"
#include "match_keys.h"
#include "securebase/core/error.h"
#include "securebase/exchange/exchange_data.h"
#include "securebase/exchange/record_seal.h"
#include "securebase/sync/sync.h"
#include "server_text.h"
#include "synced_seals.h"

namespace securebase::sync {
namespace {

using exchange::FamilyData;
using exchange::VisitData;
using server::Param;

bool isSigned(const VisitData& visit) {
  return visit.status == model::VisitStatus::signed_off;
}

Param optionalDate(const std::optional<model::Date>& date) {
  return date ? Param(date->iso()) : std::nullopt;
}

class Pusher {
 public:
  Pusher(server::Connection& db, detail::Seals synced) : db_(db), synced_(std::move(synced)) {
    for (const auto& row : rowsOf("SELECT visit_uuid FROM securebase.signatures"))
      visits_on_server_.insert(row);
    // Asked once, so that what is there already costs no statement: an insert that meets an
    // existing row is checked against the read policy, a whole caseload's worth each time.
    auto held = db_.exec(
        "SELECT uuid, content_sha256 FROM securebase.families UNION ALL "
        "SELECT uuid, content_sha256 FROM securebase.people UNION ALL "
        "SELECT uuid, content_sha256 FROM securebase.goals UNION ALL "
        "SELECT uuid, content_sha256 FROM securebase.referrals");
    for (int i = 0; i < held.rows(); ++i) server_seals_[held.text(i, 0)] = held.text(i, 1);
    auto resolved = db_.exec(
        "SELECT record_uuid, server_sha256, laptop_sha256, kept FROM securebase.conflicts "
        "WHERE resolved_at IS NOT NULL");
    for (int i = 0; i < resolved.rows(); ++i)
      resolutions_.emplace(resolved.text(i, 0), Resolution{resolved.text(i, 1), resolved.text(i, 2),
                                                           resolved.text(i, 3) == "server"});
  }

  // The seals both sides hold once the push commits: the agreement to record then.
  const detail::Seals& agreed() const { return agreed_; }

  PushResult run(const exchange::ExchangeData& local) {
    for (const auto& c : local.counselors)
      result_.sent.counselors += inserted(
          "INSERT INTO securebase.counselors (uuid, name, email, phone) VALUES ($1, $2, $3, $4) "
          "ON CONFLICT (uuid) DO NOTHING",
          {c.uuid, c.name, c.email, c.phone});
    for (const auto& form : local.forms) pushForm(form);
    // Whose each family is, asked once for all: a supervisor's laptop holds thousands.
    std::vector<std::string> uuids;
    for (const auto& family : local.families) uuids.push_back(family.uuid);
    const auto states = db_.exec(
        "SELECT securebase.family_state(f) FROM unnest($1::uuid[]) WITH ORDINALITY AS u(f, n) "
        "ORDER BY n",
        {detail::arrayLiteral(uuids)});
    for (std::size_t i = 0; i < local.families.size(); ++i)
      pushFamily(local.families[i], states.text(static_cast<int>(i), 0));
    match_keys_.send(db_);
    return result_;
  }

 private:
  std::vector<std::string> rowsOf(const std::string& sql, const std::vector<Param>& params = {}) {
    auto rows = db_.exec(sql, params);
    std::vector<std::string> out;
    for (int i = 0; i < rows.rows(); ++i) out.push_back(rows.text(i, 0));
    return out;
  }

  int inserted(const std::string& sql, const std::vector<Param>& params) {
    return static_cast<int>(db_.exec(sql, params).affected());
  }

  // Sends the family, person, goal or referral `uuid` whose `seal` is the last parameter of
  // both statements: inserted when the server lacks it, updated when only this laptop changed
  // it since the last sync. Changed on both sides, it is a conflict: named and recorded on the
  // server, neither side written. Returns 1 when inserted.
  int sent(const char* kind, const std::string& uuid, const std::string& family_uuid,
           const std::string& seal, const std::string& insert_sql, const std::string& update_sql,
           std::vector<Param> params) {
    params.emplace_back(seal);
    const auto held = server_seals_.find(uuid);
    if (held == server_seals_.end()) {
      server_seals_[uuid] = seal;
      agreed_[uuid] = seal;
      return inserted(insert_sql, params);
    }
    // Rows sent before the server kept seals have none: nothing to compare them with.
    if (held->second.empty()) return 0;
    const auto synced = synced_.find(uuid);
    std::string agreed = synced == synced_.end() ? std::string() : synced->second;
    // A conflict between these two versions that a supervisor resolved: the version not kept
    // counts as the agreed one, so the kept one travels like any one-sided change.
    const auto [first, last] = resolutions_.equal_range(uuid);
    for (auto it = first; it != last; ++it)
      if (const Resolution& r = it->second;
          r.server_seal == held->second && r.laptop_seal == seal) {
        agreed = r.kept_server ? seal : held->second;
        agreed_[uuid] = agreed;
      }
    switch (detail::whoChanged(seal, held->second, agreed)) {
      case detail::Changed::neither:
        agreed_[uuid] = seal;
        break;
      case detail::Changed::here:
        db_.exec(update_sql, params);
        held->second = seal;
        agreed_[uuid] = seal;
        result_.edited.push_back(std::string(kind) + " " + uuid);
        break;
      case detail::Changed::server:  // the pull brings it
        break;
      case detail::Changed::both:
        result_.conflicts.push_back(std::string(kind) + " " + uuid);
        db_.exec(
            "INSERT INTO securebase.conflicts (record_uuid, family_uuid, kind, server_sha256, "
            "laptop_sha256) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            {uuid, family_uuid, kind, held->second, seal});
        break;
    }
    return 0;
  }

  void pushForm(const store::FormSnapshot& form) {
    const std::string version = std::to_string(form.version);
    result_.sent.forms += inserted(
        "INSERT INTO securebase.form_snapshots (form_id, version, sha256, json) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (form_id, version) DO NOTHING",
        {form.form_id, version, form.sha256, form.json});
    const auto held =
        rowsOf("SELECT sha256 FROM securebase.form_snapshots WHERE form_id = $1 AND version = $2",
               {form.form_id, version});
    if (held.empty() || held.front() != form.sha256)
      throwBadInput(errorText(
          "form {1} version {2} differs from the one the server holds; nothing was pushed",
          form.form_id, form.version));
  }

  // `state`: securebase.family_state() of the family.
  void pushFamily(const FamilyData& f, const std::string& state) {
    if (state == "other") {
      result_.not_mine.push_back(f.uuid);
      result_.held_by[f.uuid] =
          db_.exec("SELECT coalesce(securebase.family_holder($1), 'another counselor')", {f.uuid})
              .text(0, 0);
      return;
    }
    if (state == "merged") {  // the pull files its records under the family kept
      result_.merged_away.push_back(f.uuid);
      return;
    }
    match_keys_.add(f);
    if (state == "mine" && !server_seals_.count(f.uuid)) server_seals_[f.uuid] = "";
    sent("family", f.uuid, f.uuid, exchange::recordSeal(f),
         "INSERT INTO securebase.families (uuid, display_name, language, status, "
         "closing_reason, visit_frequency_days, counselor_uuid, address, phone, created_on, "
         "content_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
         "UPDATE securebase.families SET display_name = $2, language = $3, status = $4, "
         "closing_reason = $5, visit_frequency_days = $6, counselor_uuid = $7, address = $8, "
         "phone = $9, created_on = $10, content_sha256 = $11, revision = revision + 1 "
         "WHERE uuid = $1",
         {f.uuid, f.display_name, std::string(model::toString(f.language)),
          std::string(model::toString(f.status)), f.closing_reason,
          std::to_string(f.visit_frequency_days), detail::optionalText(f.counselor_uuid), f.address,
          f.phone, f.created_on.iso()});
    if (state == "new") {
      // Whoever brings a family in holds it until a supervisor reassigns it.
      db_.exec(
          "INSERT INTO securebase.assignments (family_uuid, counselor_uuid) "
          "VALUES ($1, securebase.my_counselor_uuid())",
          {f.uuid});
      ++result_.sent.families;
    }
    const std::string person =
        "INSERT INTO securebase.people (uuid, family_uuid, kind, name, relationship, "
        "birth_date, gestation_weeks, sex, content_sha256) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    const std::string person_update =
        "UPDATE securebase.people SET kind = $3, name = $4, relationship = $5, birth_date = $6, "
        "gestation_weeks = $7, sex = $8, content_sha256 = $9, revision = revision + 1 "
        "WHERE uuid = $1 AND family_uuid = $2";
    for (const auto& c : f.caregivers)
      result_.sent.people +=
          sent("caregiver", c.uuid, f.uuid, exchange::recordSeal(c), person, person_update,
               {c.uuid, f.uuid, "caregiver", c.name, c.relationship, std::nullopt, std::nullopt,
                std::string()});
    for (const auto& c : f.children)
      result_.sent.people +=
          sent("child", c.uuid, f.uuid, exchange::recordSeal(c), person, person_update,
               {c.uuid, f.uuid, "child", c.name, std::string(), c.birth_date.iso(),
                std::to_string(c.gestation_weeks), std::string(model::toString(c.sex))});
    pushVisits(f);
    pushGoalsAndReferrals(f);
  }

  // Originals before their amendments (the server checks each reference as it is written).
  void pushVisits(const FamilyData& f) {
    std::vector<const VisitData*> waiting;
    for (const auto& v : f.visits) {
      if (!isSigned(v))
        ++result_.drafts_kept;
      else if (!visits_on_server_.count(v.uuid))
        waiting.push_back(&v);
    }
    while (!waiting.empty()) {
      std::vector<const VisitData*> later;
      for (const VisitData* v : waiting) {
        if (v->amends_uuid && !visits_on_server_.count(*v->amends_uuid))
          later.push_back(v);
        else
          pushVisit(f, *v);
      }
      if (later.size() == waiting.size())
        throwBadInput(errorText("visit {1} amends a visit this database does not hold signed",
                                later.front()->uuid));
      waiting = std::move(later);
    }
  }

  void pushVisit(const FamilyData& f, const VisitData& v) {
    db_.exec(
        "INSERT INTO securebase.visits (uuid, family_uuid, counselor_uuid, visit_date, place, "
        "outcome, present, form_id, form_version, notes, next_planned, amends_visit_uuid, "
        "amend_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        {v.uuid, f.uuid, detail::optionalText(v.counselor_uuid), v.date.iso(), v.place,
         std::string(model::toString(v.outcome)), v.present, v.form_id,
         std::to_string(v.form_version), v.notes, optionalDate(v.next_planned),
         detail::optionalText(v.amends_uuid), v.amend_reason.value_or("")});
    std::vector<std::string> caregivers, children, items, not_observed, values, notes, focus;
    for (const auto& set : v.sets)
      for (const auto& o : set.observations) {
        caregivers.push_back(set.caregiver_uuid);
        children.push_back(set.child_uuid);
        items.push_back(o.item_id);
        not_observed.push_back(detail::boolText(o.not_observed));
        values.push_back(o.value);
        notes.push_back(o.note);
        focus.push_back(detail::boolText(o.focus));
      }
    // One statement for all of a visit's observations: a visit holds dozens.
    db_.exec(
        "SELECT securebase.add_observations($1, $2::uuid[], $3::uuid[], $4::text[], "
        "$5::boolean[], $6::text[], $7::text[], $8::boolean[])",
        {v.uuid, detail::arrayLiteral(caregivers), detail::arrayLiteral(children),
         detail::arrayLiteral(items), detail::arrayLiteral(not_observed),
         detail::arrayLiteral(values), detail::arrayLiteral(notes), detail::arrayLiteral(focus)});
    // The signature last: it seals the visit and its observations on the server.
    db_.exec(
        "INSERT INTO securebase.signatures (visit_uuid, counselor_uuid, signed_by, signed_at, "
        "signed_at_text, content_sha256) VALUES ($1, $2, $3, $4::text::timestamptz, $4::text, $5)",
        {v.uuid, detail::optionalText(v.counselor_uuid), v.signed_by, v.signed_at,
         exchange::visitSeal(v)});
    visits_on_server_.insert(v.uuid);
    result_.signed_visits.push_back(v.uuid);
    ++result_.sent.visits;
  }

  bool onServer(const std::optional<std::string>& visit) const {
    return !visit || visits_on_server_.count(*visit) > 0;
  }

  void pushGoalsAndReferrals(const FamilyData& f) {
    for (const auto& g : f.goals) {
      if (!onServer(g.set_at_visit_uuid) || !onServer(g.closed_at_visit_uuid)) {
        ++result_.waiting_for_signature;
        continue;
      }
      result_.sent.goals +=
          sent("goal", g.uuid, f.uuid, exchange::recordSeal(g),
               "INSERT INTO securebase.goals (uuid, family_uuid, text, status, set_at_visit_uuid, "
               "closed_at_visit_uuid, created_on, content_sha256) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
               "UPDATE securebase.goals SET text = $3, status = $4, set_at_visit_uuid = $5, "
               "closed_at_visit_uuid = $6, created_on = $7, content_sha256 = $8, "
               "revision = revision + 1 WHERE uuid = $1 AND family_uuid = $2",
               {g.uuid, f.uuid, g.text, std::string(model::toString(g.status)),
                detail::optionalText(g.set_at_visit_uuid),
                detail::optionalText(g.closed_at_visit_uuid), g.created_on.iso()});
    }
    for (const auto& r : f.referrals) {
      if (!onServer(r.visit_uuid)) {
        ++result_.waiting_for_signature;
        continue;
      }
      result_.sent.referrals +=
          sent("referral", r.uuid, f.uuid, exchange::recordSeal(r),
               "INSERT INTO securebase.referrals (uuid, family_uuid, visit_uuid, to_whom, reason, "
               "status, created_on, kind, concern_item, recorded_by, content_sha256) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
               "UPDATE securebase.referrals SET visit_uuid = $3, to_whom = $4, reason = $5, "
               "status = $6, created_on = $7, kind = $8, concern_item = $9, recorded_by = $10, "
               "content_sha256 = $11, revision = revision + 1 "
               "WHERE uuid = $1 AND family_uuid = $2",
               {r.uuid, f.uuid, detail::optionalText(r.visit_uuid), r.to_whom, r.reason,
                std::string(model::toString(r.status)), r.created_on.iso(),
                std::string(model::toString(r.kind)), r.concern_item, r.recorded_by});
    }
  }

  server::Connection& db_;
  std::set<std::string> visits_on_server_;
  std::map<std::string, std::string> server_seals_;  // families, people, goals, referrals
  const detail::Seals synced_;                       // as agreed at the last sync
  struct Resolution {
    std::string server_seal, laptop_seal;
    bool kept_server = false;
  };
  // Conflicts a supervisor resolved, by record: each record sent looks up its own.
  std::multimap<std::string, Resolution> resolutions_;
  PushResult result_;
  detail::MatchKeys match_keys_;  // of the families this push brings, for the duplicate check
  detail::Seals agreed_;          // what both sides hold once this push commits
};

}  // namespace

bool PushCounts::any() const {
  return counselors + forms + families + people + visits + goals + referrals > 0;
}

ErrorText PushCounts::texts() const {
  const PushCounts& c = *this;
  std::vector<ErrorText> parts;
  auto part = [&](int n, const char* one, const char* many) {
    if (n > 0) parts.push_back(errorText(n == 1 ? one : many, n));
  };
  part(c.families, errorPhrase("{1} family"), errorPhrase("{1} families"));
  part(c.people, errorPhrase("{1} person"), errorPhrase("{1} people"));
  part(c.visits, errorPhrase("{1} signed visit"), errorPhrase("{1} signed visits"));
  part(c.goals, errorPhrase("{1} goal"), errorPhrase("{1} goals"));
  part(c.referrals, errorPhrase("{1} referral"), errorPhrase("{1} referrals"));
  part(c.counselors, errorPhrase("{1} counselor"), errorPhrase("{1} counselors"));
  part(c.forms, errorPhrase("{1} form"), errorPhrase("{1} forms"));
  if (parts.empty()) return errorText("nothing");
  // "a, b, c": each pair joined by the list's own separator, from the end.
  ErrorText joined = parts.back();
  for (auto it = parts.rbegin() + 1; it != parts.rend(); ++it)
    joined = errorText("{1}, {2}", *it, joined);
  return joined;
}

std::string PushCounts::text() const {
  return texts().english();
}

PushResult push(store::Store& store, server::Connection& server) {
  const auto local = exchange::readDatabase(store);
  detail::useIsoDates(server);
  detail::requireStaffLogin(server);
  server::Transaction transaction(server);
  server.exec(detail::pushLockCall("pg_advisory_xact_lock"));
  const auto synced = detail::readSyncedSeals(store.database());
  Pusher pusher(server, synced);
  PushResult result = pusher.run(local);
  detail::Seals agreed = pusher.agreed();
  // The clinic's settings are the supervisors': a counselor's laptop never sends them.
  if (server.exec("SELECT securebase.is_supervisor()").text(0, 0) == "t")
    result.clinic_settings_sent =
        detail::pushClinicSettings(server, detail::localClinicSettings(store), synced, agreed);
  // A push that brings nothing leaves no trace: running sync again changes nothing.
  if (result.sent.any() || !result.edited.empty() || !result.clinic_settings_sent.empty()) {
    std::string what = "push: " + (result.sent.any() ? result.sent.text() : "no new records");
    for (std::size_t i = 0; i < result.edited.size(); ++i)
      what += (i == 0 ? "; edited " : " ") + result.edited[i];
    for (std::size_t i = 0; i < result.signed_visits.size(); ++i)
      what += (i == 0 ? "; signed visits " : " ") + result.signed_visits[i];
    for (std::size_t i = 0; i < result.clinic_settings_sent.size(); ++i)
      what += (i == 0 ? "; clinic settings " : " ") + result.clinic_settings_sent[i];
    server.exec("INSERT INTO securebase.push_audit (what) VALUES ($1)", {what});
  }
  transaction.commit();
  detail::writeSyncedSeals(store.database(), agreed);
  return result;
}

}  // namespace securebase::sync
