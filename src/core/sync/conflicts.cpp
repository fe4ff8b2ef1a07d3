#include "securebase/sync/conflicts.h"

#include "securebase/core/error.h"
#include "server_text.h"

namespace securebase::sync {

std::optional<KeptVersion> parseKeptVersion(std::string_view text) {
  if (text == "server") return KeptVersion::server;
  if (text == "laptop") return KeptVersion::laptop;
  return std::nullopt;
}

void resolveConflict(server::Connection& server, long long id, KeptVersion kept) {
  detail::requireStaffLogin(server);
  if (server.exec("SELECT securebase.is_supervisor()").text(0, 0) != "t")
    throwBadInput(errorText("only a supervisor resolves conflicts"));
  server::Transaction transaction(server);
  // Numbered like a push, under its lock (server_text.h).
  server.exec(detail::pushLockCall("pg_advisory_xact_lock"));
  const auto resolved = server.exec(
      "UPDATE securebase.conflicts SET resolved_by = session_user, resolved_at = now(), "
      "kept = $2 WHERE id = $1 AND resolved_at IS NULL RETURNING kind, record_uuid",
      {std::to_string(id), std::string(kept == KeptVersion::server ? "server" : "laptop")});
  if (resolved.rows() == 0) throwNotFound(errorText("no open conflict {1}", id));
  // The record takes a new change number, so that every laptop pulls its family again and
  // meets the resolution even when nothing else of the family changed.
  const std::string kind = resolved.text(0, 0);
  const char* table = kind == "family"                         ? "families"
                      : kind == "caregiver" || kind == "child" ? "people"
                      : kind == "goal"                         ? "goals"
                                                               : "referrals";
  server.exec(
      std::string("UPDATE securebase.") + table + " SET revision = revision WHERE uuid = $1",
      {resolved.text(0, 1)});
  transaction.commit();
}

}  // namespace securebase::sync
