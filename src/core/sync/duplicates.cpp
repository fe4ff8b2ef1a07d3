#include "securebase/sync/duplicates.h"

#include "securebase/core/error.h"
#include "server_text.h"

namespace securebase::sync {
namespace {

bool isSupervisor(server::Connection& server) {
  return server.exec("SELECT securebase.is_supervisor()").text(0, 0) == "t";
}

// Each pair with its families as they are now: name and counselor (or "").
constexpr const char* kPairs =
    "SELECT d.id, d.family_a, fa.display_name, coalesce(ca.name, ''), d.family_b, "
    "fb.display_name, coalesce(cb.name, ''), d.reasons FROM securebase.possible_duplicates d "
    "JOIN securebase.families fa ON fa.uuid = d.family_a "
    "JOIN securebase.families fb ON fb.uuid = d.family_b "
    "LEFT JOIN securebase.assignments aa ON aa.family_uuid = d.family_a "
    "LEFT JOIN securebase.counselors ca ON ca.uuid = aa.counselor_uuid "
    "LEFT JOIN securebase.assignments ab ON ab.family_uuid = d.family_b "
    "LEFT JOIN securebase.counselors cb ON cb.uuid = ab.counselor_uuid ORDER BY d.id";

}  // namespace

std::string PossibleDuplicate::why() const {
  std::string out;
  if (same_child) out = "same child name and birth date";
  if (same_phone) out += std::string(out.empty() ? "" : "; ") + "same caregiver phone";
  return out;
}

std::vector<PossibleDuplicate> possibleDuplicates(server::Connection& server) {
  detail::requireStaffLogin(server);
  if (!isSupervisor(server))
    throwBadInput(errorText("only a supervisor lists possible duplicates"));
  auto rows = server.exec(kPairs);
  std::vector<PossibleDuplicate> out;
  for (int i = 0; i < rows.rows(); ++i) {
    PossibleDuplicate pair;
    pair.id = std::stoll(rows.text(i, 0));
    pair.first = {rows.text(i, 1), rows.text(i, 2), rows.text(i, 3)};
    pair.second = {rows.text(i, 4), rows.text(i, 5), rows.text(i, 6)};
    const std::string reasons = rows.text(i, 7);
    pair.same_child = reasons.find("child") != std::string::npos;
    pair.same_phone = reasons.find("phone") != std::string::npos;
    out.push_back(std::move(pair));
  }
  return out;
}

long long possibleDuplicateCount(server::Connection& server) {
  if (!isSupervisor(server)) return 0;
  return std::stoll(server.exec("SELECT count(*) FROM securebase.possible_duplicates").text(0, 0));
}

std::string mergeDuplicate(server::Connection& server, long long pair, const std::string& kept) {
  std::string keep = kept;  // uuids are compared as the server writes them, in lower case
  for (char& c : keep)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  detail::requireStaffLogin(server);
  if (!isSupervisor(server)) throwBadInput(errorText("only a supervisor merges families"));
  server::Transaction transaction(server);
  // Numbered like a push, under its lock (server_text.h): a laptop's pull sees all of the merge
  // or none of it.
  server.exec(detail::pushLockCall("pg_advisory_xact_lock"));
  const std::string id = std::to_string(pair);
  if (server.exec("SELECT FROM securebase.duplicate_pairs WHERE id = $1", {id}).rows() == 0)
    throwNotFound(errorText("there is no possible duplicate {1}", pair));
  const auto families = server.exec(
      "SELECT family_a::text, family_b::text FROM securebase.possible_duplicates WHERE id = $1",
      {id});
  if (families.rows() == 0)
    throwBadInput(errorText(
        "possible duplicate {1} is not one any more (its families no longer share a child's "
        "name and birth date or a phone, or one was merged); nothing was merged",
        pair));
  if (keep != families.text(0, 0) && keep != families.text(0, 1))
    throwBadInput(errorText("family {1} is not one of possible duplicate {2}; nothing was merged",
                            keep, pair));
  const auto merged =
      server.exec("SELECT securebase.merge_families($1, $2)", {id, keep}).text(0, 0);
  transaction.commit();
  return merged;
}

}  // namespace securebase::sync
