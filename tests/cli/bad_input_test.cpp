// Every bad input of DESIGN §10 through the real binary: the right exit code, one line on
// stderr that names the problem, and the database content (audit log included) unchanged.
#include <gtest/gtest.h>

#include "build_paths.h"
#include "cli_fixture.h"
#include "securebase/forms/form_loader.h"
#include "securebase/model/date.h"
#include "securebase/service/scoring.h"
#include "securebase/service/visits.h"
#include "store_fixture.h"
#include "test_key.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

const char* kOneAnswer = R"({"item_id": "responds-to-cry", "rating": 2})";

}  // namespace

class BadInput : public CliTest {
 protected:
  // A family (1) with caregiver 1 and child 1, and a draft visit 1 with one answer, written
  // through the store in this process: quicker than five runs of the binary per test.
  void SetUp() override {
    ids_ = {"1", "1", "1"};
    {
      store::Database database(db(), {.key = kTestKey});
      store::Store store(database, "test");
      // As the programs do: scores kept at hand from the start, so no command has to catch up.
      service::enableScoring(store,
                             std::make_shared<forms::FormCatalog>(forms::FormCatalog::load(
                                 std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms")));
      const auto family = addSmallFamily(store);
      const auto form = forms::loadFormFile(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) /
                                            "forms" / "attachment-practices.v1.json");
      auto visit = makeVisit(family, "2025-03-01", {});
      visit.form_id = form.id;
      visit.sets[0].observations.push_back({"responds-to-cry", false, "2", "", false});
      store.addVisit(visit, service::snapshotOf(form));
    }
    before_ = dump();
  }

  // Runs `args` and checks it is refused with `code` and `needle`, changing nothing.
  void expectRefused(const std::vector<std::string>& args, int code, const std::string& needle) {
    EXPECT_TRUE(refused(cli(args), code, needle));
    EXPECT_EQ(dump(), before_) << "the database changed";
  }
  void expectVisitFileRefused(const std::string& content, int code, const std::string& needle) {
    const auto file = dir() / "bad visit.json";
    writeFile(file, content);
    expectRefused({"visit", "add", "--from", file.string()}, code, needle);
  }
  std::string visitWith(const std::string& observations, const std::string& date = "2025-03-02") {
    return readFile(writeVisitFile(ids_, observations, date, "template.json"));
  }

  FamilyIds ids_;
  std::string before_;
};

TEST_F(BadInput, UnknownFamilyIdIsNotFound) {
  expectRefused({"family", "show", "999"}, 2, "no family with id 999");
  expectRefused({"family", "show", "999", "--format", "json"}, 2, "no family with id 999");
  expectRefused({"caregiver", "add", "--family", "999", "--name", "X"}, 2, "no family with id 999");
  expectRefused({"child", "add", "--family", "999", "--name", "X", "--born", "2025-01-01"}, 2,
                "no family with id 999");
  auto file = visitWith(kOneAnswer);
  file.replace(file.find("\"family_id\": 1"), 14, "\"family_id\": 999");
  expectVisitFileRefused(file, 2, "no family with id 999");
}

TEST_F(BadInput, UnknownVisitIdIsNotFound) {
  expectRefused({"visit", "show", "999"}, 2, "no visit with id 999");
  expectRefused({"visit", "show", "999", "--format", "json"}, 2, "no visit with id 999");
  expectRefused({"visit", "sign", "999"}, 2, "no visit with id 999");
  expectRefused({"visit", "amend", "999", "--reason", "typo"}, 2, "no visit with id 999");
}

TEST_F(BadInput, UnknownChildOrCaregiverInAVisitFileIsNotFound) {
  auto child = visitWith(kOneAnswer);
  child.replace(child.find("\"child_id\": 1"), 13, "\"child_id\": 77");
  expectVisitFileRefused(child, 2, "child 77");
  auto caregiver = visitWith(kOneAnswer);
  caregiver.replace(caregiver.find("\"caregiver_id\": 1"), 17, "\"caregiver_id\": 78");
  expectVisitFileRefused(caregiver, 2, "caregiver 78");
}

TEST_F(BadInput, AnIdThatIsNotANumberIsBadInput) {
  expectRefused({"family", "show", "abc"}, 1, "family id \"abc\" is not a valid id");
  expectRefused({"family", "show", "1x"}, 1, "not a valid id");
  expectRefused({"family", "show", "0"}, 1, "not a valid id");
  expectRefused({"visit", "show", "1.5"}, 1, "visit id \"1.5\" is not a valid id");
  expectRefused({"visit", "sign", ""}, 1, "not a valid id");
  expectRefused({"caregiver", "add", "--family", "one", "--name", "X"}, 1, "not a valid id");
}

TEST_F(BadInput, MalformedJsonVisitFile) {
  expectVisitFileRefused("{\"family_id\": 1, \"date\": ", 1, "bad visit.json");
  expectVisitFileRefused("{\"family_id\": 1,, }", 1, "not valid JSON");
  expectVisitFileRefused("", 1, "not valid JSON");
  expectVisitFileRefused("[1, 2]", 1, "$: expected an object");
}

TEST_F(BadInput, VisitFileWithUnknownItemRatingOffTheScaleOrUnknownField) {
  expectVisitFileRefused(visitWith(R"({"item_id": "responds-to-crying", "rating": 2})"), 1,
                         "responds-to-crying");
  expectVisitFileRefused(visitWith(R"({"item_id": "responds-to-cry", "rating": 3})"), 1,
                         "\"3\" is not a level of the scale \"seen\" (0 to 2)");
  expectVisitFileRefused(visitWith(R"({"item_id": "responds-to-cry", "rating": -1})"), 1,
                         "is not a level of the scale");
  expectVisitFileRefused(visitWith(R"({"item_id": "responds-to-cry", "ratng": 2})"), 1,
                         "$.observation_sets[0].observations[0].ratng: unknown field");
  auto top = visitWith(kOneAnswer);
  top.insert(1, "\"familly_id\": 1, ");
  expectVisitFileRefused(top, 1, "$.familly_id: unknown field");
}

TEST_F(BadInput, AVisitDateInTheFutureIsRefusedButTodayIsFine) {
  const auto later = model::Date::today().plusDays(2).iso();
  expectVisitFileRefused(visitWith(kOneAnswer, later), 1,
                         "visit date " + later + " is in the future");
  expectVisitFileRefused(visitWith(kOneAnswer, "2999-01-01"), 1, "in the future");
  const auto file = dir() / "today.json";
  writeFile(file, visitWith(kOneAnswer, model::Date::today().iso()));
  EXPECT_EQ(ok({"visit", "add", "--from", file.string()}), "2");
}

TEST_F(BadInput, ADateThatDoesNotExist) {
  expectVisitFileRefused(visitWith(kOneAnswer, "2025-02-30"), 1,
                         "$.date: \"2025-02-30\" is not a date like 2024-05-31");
  expectVisitFileRefused(visitWith(kOneAnswer, "2025-3-1"), 1, "is not a date");
  expectRefused({"child", "add", "--family", "1", "--name", "X", "--born", "2025-02-30"}, 1,
                "date of birth \"2025-02-30\" is not a date");
}

TEST_F(BadInput, InvalidUtf8InANameArgument) {
  expectRefused({"family", "add", "--name",
                 "Garc\xED"
                 "a family"},
                1, "not valid UTF-8");
  expectRefused({"caregiver", "add", "--family", "1", "--name", "\xC3("}, 1, "not valid UTF-8");
  expectRefused({"child", "add", "--family", "1", "--name", "\xFF", "--born", "2025-01-01"}, 1,
                "not valid UTF-8");
  expectRefused({"settings", "set", "clinic.name", "Cl\xEDnica"}, 1, "not valid UTF-8");
}

TEST_F(BadInput, InvalidUtf8InsideAVisitFile) {
  expectVisitFileRefused(visitWith(R"({"item_id": "responds-to-cry", "rating": 2,)"
                                   " \"note\": \"caf\xE9\"}"),
                         1, "not valid UTF-8");
}

TEST_F(BadInput, AMissingVisitFileIsNotFound) {
  const auto missing = (dir() / "no such visit.json").string();
  expectRefused({"visit", "add", "--from", missing}, 2, missing);
}

TEST_F(BadInput, SigningTwiceIsRefused) {
  workAsDana();
  ok({"visit", "sign", "1"});
  before_ = dump();
  expectRefused({"visit", "sign", "1"}, 1, "visit 1 is signed and cannot be edited; amend it");
}

TEST_F(BadInput, AmendingADraftIsRefused) {
  expectRefused({"visit", "amend", "1", "--reason", "typo"}, 1, "visit 1 is still a draft");
}

TEST_F(BadInput, UsageErrors) {
  expectRefused({"frobnicate"}, 1, "unknown command \"frobnicate\"");
  expectRefused({"family"}, 1, "\"family\" needs a subcommand: family add, family list");
  expectRefused({"family", "remove", "1"}, 1, "family");
  expectRefused({"family", "add"}, 1, "--name");
  expectRefused({"child", "add", "--family", "1", "--name", "X"}, 1, "--born");
  expectRefused({"family", "add", "--name", "X", "--frequency", "often"}, 1, "frequency");
  expectRefused({"family", "add", "--name", "X", "--colour", "red"}, 1, "colour");
  expectRefused({"family", "show"}, 1, "id");
  expectRefused({"visit", "add"}, 1, "--from");
  expectRefused({"forms", "validate", "--strict"}, 1, "--strict");
}

TEST_F(BadInput, UnknownFormat) {
  expectRefused({"family", "list", "--format", "xml"}, 1, "unknown format \"xml\"");
  expectRefused({"settings", "get", "--format", "yaml"}, 1, "unknown format \"yaml\"");
  expectRefused({"family", "show", "1", "--format", "csv"}, 1, "table or json");
  expectRefused({"visit", "show", "1", "--format", "csv"}, 1, "table or json");
}

TEST_F(BadInput, ValuesTheStoreRefuses) {
  expectRefused({"family", "add", "--name", ""}, 1, "family name must not be empty");
  expectRefused({"family", "add", "--name", "   "}, 1, "family name must not be empty");
  expectRefused({"family", "add", "--name", "X", "--frequency", "0"}, 1, "visit frequency");
  expectRefused({"family", "add", "--name", "X", "--language", "fr"}, 1, "language");
  expectRefused({"caregiver", "add", "--family", "1", "--name", ""}, 1, "must not be empty");
  expectRefused(
      {"child", "add", "--family", "1", "--name", "X", "--born", "2025-01-01", "--sex", "other"}, 1,
      "sex");
  expectRefused({"settings", "set", "paper.size", "tabloid"}, 1, "paper.size");
  expectRefused({"settings", "set", "clinic.colour", "red"}, 1, "unknown setting");
  expectRefused({"family", "list", "--status", "sleeping"}, 1, "status");
  expectRefused({"visit", "sign", "1", "--as", "Nobody"}, 2, "no counselor named \"Nobody\"");
}

TEST_F(BadInput, VisitFileProblemsFoundAgainstTheFormNameTheFileAndSet) {
  expectVisitFileRefused(visitWith(R"({"item_id": "next-step", "value": "zzz"})"), 1,
                         "bad visit.json: $.observation_sets[0]: item \"next-step\": \"zzz\" is "
                         "not one of its options");
  auto form = visitWith(kOneAnswer);
  form.replace(form.find("\"attachment-practices\""), 22, "\"no-such-form\"");
  expectVisitFileRefused(form, 2, "no form no-such-form version 1");
  auto missed = visitWith(kOneAnswer);
  missed.replace(missed.find("\"completed\""), 11, "\"missed\"");
  expectVisitFileRefused(missed, 1, "a missed visit cannot have observations");
  auto counselor = visitWith(kOneAnswer);
  counselor.insert(1, "\"counselor_id\": 42, ");
  expectVisitFileRefused(counselor, 2, "no counselor with id 42");
  auto planned = visitWith(kOneAnswer);
  planned.insert(1, "\"next_planned\": \"2025-01-01\", ");
  expectVisitFileRefused(planned, 1, "the next planned visit is before the visit itself");
}

TEST_F(BadInput, AVisitFileThatIsAFolderOrUnreadable) {
  expectRefused({"visit", "add", "--from", dir().path().string()}, 1, "is a folder");
}
