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

std::vector<std::string> summaryLines(const SyncResult& result) {
  std::vector<std::string> lines;
  const auto& push = result.push;
  lines.push_back("pushed: " + (push.sent.any() ? push.sent.text() : std::string("nothing new")));
  if (push.drafts_kept > 0)
    lines.push_back("kept on this computer: " + std::to_string(push.drafts_kept) +
                    (push.drafts_kept == 1 ? " draft visit" : " draft visits"));
  if (push.waiting_for_signature > 0)
    lines.push_back("goals and referrals waiting for a draft visit's signature: " +
                    std::to_string(push.waiting_for_signature));
  for (const auto& record : push.edited) lines.push_back("edit sent: " + record);
  for (const auto& record : push.conflicts)
    lines.push_back("conflict: " + record +
                    " was changed here and on the server since the last sync; both kept as "
                    "they are");
  for (const auto& family : push.not_mine)
    lines.push_back("not pushed: family " + family + " is assigned to someone else on the server");
  for (const auto& key : push.clinic_settings_sent) lines.push_back("clinic setting sent: " + key);
  for (const auto& family : push.merged_away)
    lines.push_back("not pushed: family " + family +
                    " was merged into another family on the server");
  const auto& pull = result.pull;
  // The pull takes the server's clinic settings as import --with-clinic-settings does.
  exchange::ImportOptions taken;
  taken.with_clinic_settings = true;
  const auto pulled = exchange::summaryLines(pull.plan, taken);
  if (pull.families == 0 && pulled.empty()) {
    lines.push_back("pulled: nothing new");
  } else {
    lines.push_back(pull.families == 0 && pull.plan.counts.empty()
                        ? std::string("pulled: the clinic settings")
                        : "pulled: " + std::to_string(pull.families) +
                              (pull.families == 1 ? " family changed on the server"
                                                  : " families changed on the server"));
    for (const auto& line : pulled) lines.push_back("  " + line);
  }
  for (const auto& key : pull.clinic_settings_replaced)
    lines.push_back("clinic setting " + key +
                    " was changed on this computer; the agency server's value is kept (clinic "
                    "settings are the supervisors')");
  for (const auto& record : pull.edits_taken) lines.push_back("edit received: " + record);
  for (const auto& refusal : pull.edits_refused)
    lines.push_back("edit not taken, left as it is here: " + refusal);
  for (const auto& merge : pull.merges) lines.push_back(merge);
  for (const auto& conflict : result.open_conflicts)
    lines.push_back("conflict on the server, until a supervisor resolves it: " + conflict);
  if (result.possible_duplicates > 0)
    lines.push_back("possible duplicate families waiting for a supervisor: " +
                    std::to_string(result.possible_duplicates) +
                    " (securebase-cli sync duplicates lists them)");
  int prunable = 0;
  for (const auto& family : result.read_only) {
    const std::string named = "family " + family.name + " (" + family.uuid + ")";
    if (family.pruned) {
      lines.push_back("pruned: " + named + ", reassigned to " + family.held_by +
                      " on the server, is no longer on this computer");
      continue;
    }
    lines.push_back("read-only here: " + named + " was reassigned to " + family.held_by +
                    " on the server");
    if (family.prunable()) ++prunable;
  }
  if (prunable > 0)
    lines.push_back("could be pruned: " + std::to_string(prunable) +
                    (prunable == 1 ? " family" : " families") +
                    " the server holds everything of (sync --prune removes " +
                    (prunable == 1 ? "it" : "them") + " here)");
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
