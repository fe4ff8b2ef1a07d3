// audit verify: checks the audit trail's hash chain, and optionally a head printed on paper.
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/record_audit.h"

namespace securebase::cli {
namespace {

constexpr const char* kVerifyUsage =
    "[--expect-head HASH] [--db FILE]\n\n"
    "Reads every audit row in order and checks that each still matches its hash and links to\n"
    "the row before it, then recomputes the content of every record (families, caregivers,\n"
    "children, visits with their observations, goals, referrals, counselors) and checks that\n"
    "the newest audit row about each vouches for exactly that content. An edited, deleted or\n"
    "rewritten row, and a record changed, added or deleted outside SecureBase, is named on\n"
    "stderr (exit 3).\n"
    "Deleting the last rows, or recomputing the whole chain after an edit, leaves a chain that\n"
    "checks out on its own: only a head hash printed earlier on a signed visit summary or a\n"
    "progress report shows it. Give that hash with --expect-head: it must still be in the chain.";

int auditVerify(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("expect-head", po::value<std::string>(),
                        "a head hash printed on paper (at least its first 16 hex digits)");
  auto vm = parseOptions("audit verify", kVerifyUsage, options, {}, args);
  if (!vm) return kOk;
  auto open = openStore(*vm);
  const auto report = store::verifyAuditChain(*open.db);
  if (report.problem) throwDatabase(report.problem->message);
  const auto records = store::verifyRecordContent(*open.db);
  if (!records.ok()) throwDatabase(records.summary());
  std::optional<model::Id> printed_row;
  if (vm->count("expect-head")) {
    const auto printed = (*vm)["expect-head"].as<std::string>();
    printed_row = store::auditRowWithHash(*open.db, printed);
    if (!printed_row)
      throwDatabase("the audit chain head " + printed +
                    " is not in the audit trail: rows written before it was printed were deleted "
                    "or the trail was rewritten");
  }
  std::cout << "Audit trail intact: " << report.rows_checked << " rows checked\n"
            << "Every record matches the trail: " << records.records_checked << " checked\n"
            << "Audit chain head: " << report.head_hash << "\n";
  if (printed_row)
    std::cout << "Printed head is row " << *printed_row << "; " << report.head_row_id - *printed_row
              << " rows written since\n";
  return kOk;
}

}  // namespace

std::vector<Command> auditCommands() {
  return {{"audit verify",
           "check that no audit row or record was changed outside SecureBase; print the head hash",
           auditVerify}};
}

}  // namespace securebase::cli
