// audit verify through the real binary: an intact trail, an edited or deleted row named on
// stderr with exit 3, a head printed on paper checked later, and the head a signed visit shows.
#include <gtest/gtest.h>

#include "cli_fixture.h"
#include "securebase/store/database.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

const char* kAnswers = R"({"item_id": "responds-to-cry", "rating": 2},)"
                       R"({"item_id": "wellbeing-concern", "value": "no"})";

// The head line ("Audit chain head: <hash>") of a command's output, as the hash.
std::string headIn(const std::string& out) {
  const std::string label = "Audit chain head: ";
  const auto at = out.find(label);
  if (at == std::string::npos) return "";
  return out.substr(at + label.size(), 64);
}

}  // namespace

class AuditVerify : public CliTest {
 protected:
  void SetUp() override {
    init();
    ids_ = addFamily();
    ok({"settings", "set", "clinic.name", "Riverside Family Clinic"});
    visit_ = ok({"visit", "add", "--from", writeVisitFile(ids_, kAnswers).string()});
  }
  // What someone with the file and sqlite3 could do: lift the append-only triggers first.
  void tamper(const std::string& sql) const {
    store::Database database(db(), testKeyOptions(db()));
    database.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    database.exec(sql);
  }
  FamilyIds ids_;
  std::string visit_;
};

TEST_F(AuditVerify, AnIntactTrailPrintsRowsCheckedAndTheHead) {
  const auto out = ok({"audit", "verify"});
  EXPECT_NE(out.find("Audit trail intact: 5 rows checked"), std::string::npos) << out;
  const auto head = headIn(out);
  EXPECT_EQ(head.size(), 64u) << out;
  EXPECT_EQ(head.find_first_not_of("0123456789abcdef"), std::string::npos) << head;
  // The head moves on with the next action, and the trail still checks out.
  ok({"settings", "set", "clinic.phone", "555-0100"});
  const auto later = ok({"audit", "verify"});
  EXPECT_NE(later.find("6 rows checked"), std::string::npos) << later;
  EXPECT_NE(headIn(later), head);
}

TEST_F(AuditVerify, AnEditedRowIsNamedWithExit3) {
  tamper("UPDATE audit_log SET details = '{\"name\":\"Someone else\"}' WHERE id = 2");
  EXPECT_TRUE(refused(cli({"audit", "verify"}), 3, "audit row 2 was changed after it was written"));
}

TEST_F(AuditVerify, ADeletedRowIsNamedWithExit3) {
  tamper("DELETE FROM audit_log WHERE id = 4");
  EXPECT_TRUE(refused(cli({"audit", "verify"}), 3, "audit row 4 was deleted"));
}

TEST_F(AuditVerify, APrintedHeadIsFoundLaterByItsFirst16Digits) {
  const auto printed = headIn(ok({"audit", "verify"}));
  ok({"settings", "set", "clinic.phone", "555-0100"});
  ok({"settings", "set", "clinic.phone", "555-0199"});
  const auto out = ok({"audit", "verify", "--expect-head", printed.substr(0, 16)});
  EXPECT_NE(out.find("Printed head is row 5; 2 rows written since"), std::string::npos) << out;
  EXPECT_NE(ok({"audit", "verify", "--expect-head", printed}).find("row 5"), std::string::npos);
}

TEST_F(AuditVerify, DeletedLastRowsShowOnlyAgainstThePrintedHead) {
  ok({"settings", "set", "clinic.phone", "555-0100"});
  const auto printed = headIn(ok({"audit", "verify"}));
  tamper("DELETE FROM audit_log WHERE id = 6");
  ok({"audit", "verify"});  // on its own the shorter chain is consistent
  EXPECT_TRUE(refused(cli({"audit", "verify", "--expect-head", printed}), 3,
                      "the audit chain head " + printed + " is not in the audit trail"));
}

TEST_F(AuditVerify, AMalformedExpectedHeadIsBadInput) {
  EXPECT_TRUE(refused(cli({"audit", "verify", "--expect-head", "abc123"}), 1,
                      "at least 16 and at most 64 hex digits"));
  EXPECT_TRUE(
      refused(cli({"audit", "verify", "--expect-head", "not-a-hash-at-all-xyz"}), 1, "hex digits"));
}

TEST_F(AuditVerify, ASignedVisitShowsTheSameHeadAsVerify) {
  ok({"counselor", "add", "--name", "Dana Cruz"});
  const auto signing = cli({"visit", "sign", visit_, "--as", "dana"});
  ASSERT_EQ(signing.exit_code, 0) << describe(signing);
  const auto signed_head = headIn(signing.out);
  const auto shown = ok({"visit", "show", visit_});
  const auto verified = ok({"audit", "verify"});
  EXPECT_EQ(headIn(shown), headIn(verified)) << shown;
  EXPECT_EQ(signed_head, headIn(verified));
  EXPECT_EQ(headIn(ok({"visit", "show", visit_, "--format", "json"})), "");
}

TEST_F(AuditVerify, ADraftVisitShowsNoHead) {
  EXPECT_EQ(ok({"visit", "show", visit_}).find("Audit chain head"), std::string::npos);
}

// With the passphrase and SQLCipher: change a signed visit's rating and note (its triggers
// lifted and put back), hide another signed visit behind a superseded_by link (no trigger in
// the way), rename a family. Both verify and check name each record.
TEST_F(AuditVerify, RawSqlEditsOfRecordsAreNamedByVerifyAndCheck) {
  const auto second = ok({"visit", "add", "--from",
                          writeVisitFile(ids_, kAnswers, "2025-03-15", "second.json").string()});
  ok({"counselor", "add", "--name", "Dana Cruz"});
  ok({"visit", "sign", visit_, "--as", "Dana Cruz"});
  ok({"visit", "sign", second, "--as", "Dana Cruz"});
  ok({"audit", "verify"});
  {
    store::Database database(db(), testKeyOptions(db()));
    std::vector<std::string> triggers;
    auto s = database.prepare(
        "SELECT sql FROM sqlite_master WHERE name IN ('signed_visit_no_update', "
        "'signed_observation_no_update')");
    while (s.step()) triggers.push_back(s.text(0));
    ASSERT_EQ(triggers.size(), 2u);
    database.exec(
        "DROP TRIGGER signed_visit_no_update; DROP TRIGGER signed_observation_no_update;");
    database.exec(
        "UPDATE observations SET value = '0', note = 'changed later' WHERE item_id = "
        "'responds-to-cry' AND set_id IN (SELECT id FROM observation_sets WHERE "
        "visit_id = " +
        visit_ + ")");
    database.exec("UPDATE visits SET notes = 'all fine' WHERE id = " + visit_);
    for (const auto& sql : triggers) database.exec(sql);
    database.exec("UPDATE visits SET superseded_by = " + visit_ + " WHERE id = " + second);
    database.exec("UPDATE families SET display_name = 'Someone else' WHERE id = " + ids_.family);
  }
  const auto verify = cli({"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 3) << describe(verify);
  for (const auto& name : {"signed visit " + visit_ + " was changed outside SecureBase",
                           "signed visit " + second + " was changed outside SecureBase",
                           "family " + ids_.family + " was changed outside SecureBase"}) {
    EXPECT_NE(verify.err.find(name), std::string::npos) << verify.err;
    EXPECT_TRUE(refused(cli({"check"}), 3, name));
  }
}

TEST_F(AuditVerify, CheckPassesOnAnIntactDatabase) {
  ok({"counselor", "add", "--name", "Dana Cruz"});
  ok({"visit", "sign", visit_, "--as", "Dana Cruz"});
  EXPECT_NE(ok({"check"}).find("is intact"), std::string::npos);
}
