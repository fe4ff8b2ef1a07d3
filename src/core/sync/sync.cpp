#include "securebase/sync/sync.h"

#include "securebase/sync/duplicates.h"

namespace securebase::sync {

SyncResult sync(store::Store& store, server::Connection& server, const SyncOptions& options) {
  SyncResult result;
  result.push = push(store, server);
  // Before the pull: a family given back to this login takes the server's changes as usual.
  markReassigned(store, result.push);
  result.pull = pull(store, server);
  result.read_only = checkReadOnly(store, server);
  if (options.prune)
    for (auto& family : result.read_only)
      if (family.prunable()) {
        if (const auto id = store.idByUuid(store::Store::UuidTable::families, family.uuid))
          store.pruneFamily(*id);
        family.pruned = true;
      }
  auto open = server.exec(
      "SELECT id || ': ' || kind || ' ' || record_uuid || ' (reported by ' || reported_by || ')' "
      "FROM securebase.conflicts WHERE resolved_at IS NULL ORDER BY id");
  for (int i = 0; i < open.rows(); ++i) result.open_conflicts.push_back(open.text(i, 0));
  result.possible_duplicates = possibleDuplicateCount(server);
  return result;
}

std::vector<ErrorText> summaryTexts(const SyncResult& result) {
  std::vector<ErrorText> lines;
  const auto add = [&](ErrorText line) { lines.push_back(std::move(line)); };
  const auto& push = result.push;
  add(push.sent.any() ? errorText("pushed: {1}", push.sent.texts())
                      : errorText("pushed: nothing new"));
  if (push.drafts_kept == 1) add(errorText("kept on this computer: 1 draft visit"));
  if (push.drafts_kept > 1)
    add(errorText("kept on this computer: {1} draft visits", push.drafts_kept));
  if (push.waiting_for_signature > 0)
    add(errorText("goals and referrals waiting for a draft visit's signature: {1}",
                  push.waiting_for_signature));
  for (const auto& record : push.edited) add(errorText("edit sent: {1}", record));
  for (const auto& record : push.conflicts)
    add(errorText(
        "conflict: {1} was changed here and on the server since the last sync; both kept as they "
        "are",
        record));
  for (const auto& family : push.not_mine)
    add(errorText("not pushed: family {1} is assigned to someone else on the server", family));
  for (const auto& key : push.clinic_settings_sent) add(errorText("clinic setting sent: {1}", key));
  for (const auto& family : push.merged_away)
    add(errorText("not pushed: family {1} was merged into another family on the server", family));
  const auto& pull = result.pull;
  // The pull takes the server's clinic settings as import --with-clinic-settings does.
  exchange::ImportOptions taken;
  taken.with_clinic_settings = true;
  const auto pulled = exchange::summaryTexts(pull.plan, taken);
  if (pull.families == 0 && pulled.empty()) {
    add(errorText("pulled: nothing new"));
  } else {
    if (pull.families == 0 && pull.plan.counts.empty())
      add(errorText("pulled: the clinic settings"));
    else if (pull.families == 1)
      add(errorText("pulled: 1 family changed on the server"));
    else
      add(errorText("pulled: {1} families changed on the server", pull.families));
    for (const auto& line : pulled) add(errorText("  {1}", line));
  }
  for (const auto& key : pull.clinic_settings_replaced)
    add(errorText(
        "clinic setting {1} was changed on this computer; the agency server's value is kept "
        "(clinic settings are the supervisors')",
        key));
  for (const auto& record : pull.edits_taken) add(errorText("edit received: {1}", record));
  for (const auto& refusal : pull.edits_refused)
    add(errorText("edit not taken, left as it is here: {1}", refusal));
  for (const auto& merge : pull.merges) add(merge);
  for (const auto& conflict : result.open_conflicts)
    add(errorText("conflict on the server, until a supervisor resolves it: {1}", conflict));
  if (result.possible_duplicates > 0)
    add(
        errorText("possible duplicate families waiting for a supervisor: {1} (securebase-cli sync "
                  "duplicates lists them)",
                  result.possible_duplicates));
  int prunable = 0;
  for (const auto& family : result.read_only) {
    if (family.pruned) {
      add(errorText(
          "pruned: family {1} ({2}), reassigned to {3} on the server, is no longer on this "
          "computer",
          family.name, family.uuid, family.held_by));
      continue;
    }
    add(errorText("read-only here: family {1} ({2}) was reassigned to {3} on the server",
                  family.name, family.uuid, family.held_by));
    if (family.prunable()) ++prunable;
  }
  if (prunable == 1)
    add(errorText(
        "could be pruned: 1 family the server holds everything of (sync --prune removes it "
        "here)"));
  if (prunable > 1)
    add(errorText(
        "could be pruned: {1} families the server holds everything of (sync --prune removes "
        "them here)",
        prunable));
  return lines;
}

std::vector<std::string> summaryLines(const SyncResult& result) {
  std::vector<std::string> lines;
  for (const auto& text : summaryTexts(result)) lines.push_back(text.english());
  return lines;
}

std::vector<std::string> pruneRefusals(const SyncResult& result) {
  std::vector<std::string> lines;
  for (const auto& family : result.read_only) {
    if (family.prunable()) continue;
    std::string what;
    for (const auto& record : family.server_lacks) what += (what.empty() ? "" : ", ") + record;
    lines.push_back("family " + family.name + " (" + family.uuid +
                    ") was not pruned: the server lacks what this computer holds of it (" + what +
                    "); nothing of it was removed (a supervisor can reassign it back for one sync "
                    "to send it)");
  }
  return lines;
}

}  // namespace securebase::sync
