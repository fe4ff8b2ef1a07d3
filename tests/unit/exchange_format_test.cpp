// The export document without a database: deterministic JSON, parse(write(x)) == x, strict
// refusal of bad files with the path of the problem, CSV quoting and deidentification rules.
#include <gtest/gtest.h>

#include "forms_fixture.h"
#include "securebase/core/error.h"
#include "securebase/core/sha256.h"
#include "securebase/exchange/deidentify.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"
#include "temp_dir.h"

using namespace securebase;
using namespace securebase::exchange;
using namespace securebase::testing;

namespace {

const std::string kFamily = "11111111-1111-4111-8111-111111111111";
const std::string kFamily2 = "22222222-2222-4222-8222-222222222222";
const std::string kMother = "33333333-3333-4333-8333-333333333333";
const std::string kBaby = "44444444-4444-4444-8444-444444444444";
const std::string kVisit1 = "55555555-5555-4555-8555-555555555555";
const std::string kVisit2 = "66666666-6666-4666-8666-666666666666";
const std::string kCounselor = "77777777-7777-4777-8777-777777777777";
const std::string kGoal = "88888888-8888-4888-8888-888888888888";
const std::string kReferral = "99999999-9999-4999-8999-999999999999";

model::Date day(const char* iso) {
  return *model::Date::parse(iso);
}

// One family with a signed visit, its signed amendment, a goal and a referral.
ExchangeData sample() {
  ExchangeData data;
  data.settings = {{"clinic.name", "Harbor Clinic"},
                   {"default.language", "es"},
                   {"paper.size", "a4"},
                   {"counselor.name", "Kim Lee"}};
  data.counselors.push_back({kCounselor, "Kim Lee", "kim@clinic.example", "555-0100"});
  data.forms.push_back({"mini", 1, sha256Hex(kMiniFormJson), kMiniFormJson});
  FamilyData f;
  f.uuid = kFamily;
  f.display_name = "Rivera, Ana";
  f.language = model::Language::es;
  f.counselor_uuid = kCounselor;
  f.address = "12 Elm St";
  f.phone = "555-1234";
  f.created_on = day("2025-01-05");
  f.caregivers.push_back({kMother, "Ana Rivera", "madre"});
  f.children.push_back({kBaby, "Sofía", day("2024-12-01"), 36, model::Sex::female});
  VisitData v;
  v.uuid = kVisit1;
  v.counselor_uuid = kCounselor;
  v.date = day("2025-02-01");
  v.place = "home";
  v.present = "Ana and Sofía";
  v.form_id = "mini";
  v.form_version = 1;
  v.status = model::VisitStatus::signed_off;
  v.notes = "Ana slept badly.";
  v.next_planned = day("2025-02-15");
  v.superseded_by_uuid = kVisit2;
  v.signed_at = "2025-02-01T17:00:00Z";
  v.signed_by = "Kim Lee";
  v.sets.push_back(
      {kMother,
       kBaby,
       {rated("a1", 2, true), notObserved("a2"), answer("b5", "Her aunt Rosa helps")}});
  v.sets.back().observations[0].note = "went at once";
  VisitData amendment = v;
  amendment.uuid = kVisit2;
  amendment.amends_uuid = kVisit1;
  amendment.superseded_by_uuid.reset();
  amendment.signed_at = "2025-02-03T09:00:00Z";
  f.visits = {v, amendment};
  f.goals.push_back({kGoal, "Hold Sofía skin to skin", model::GoalStatus::achieved, kVisit1,
                     kVisit2, day("2025-02-01")});
  f.referrals.push_back({kReferral, kVisit1, "Dr. Gómez, pediatrician", "weight check",
                         model::ReferralStatus::open, day("2025-02-01")});
  data.families.push_back(f);
  sortCanonically(data);
  return data;
}

// The sample's text with one replacement, for refusal tests.
std::string sampleWith(const std::string& from, const std::string& to) {
  std::string text = toJsonText(sample());
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Both visits share a date, so after pseudonyms their order can change: find them by role.
const VisitData& original(const FamilyData& f) {
  return f.visits[0].amends_uuid ? f.visits[1] : f.visits[0];
}
const VisitData& amendmentOf(const FamilyData& f) {
  return f.visits[0].amends_uuid ? f.visits[0] : f.visits[1];
}

std::string refusal(const std::string& text) {
  try {
    parseExport(text, "x.json");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST(ExportFormat, SameDataGivesTheSameBytesWithHeaderFirstAndNoIntegerIds) {
  const std::string text = toJsonText(sample());
  EXPECT_EQ(text, toJsonText(sample()));
  EXPECT_EQ(text.rfind("{\n  \"format\": \"securebase-export\",\n  \"version\": 2,\n  "
                       "\"deidentified\": false,\n",
                       0),
            0u)
      << text.substr(0, 200);
  EXPECT_EQ(text.find("\"id\""), std::string::npos);
  EXPECT_EQ(text.find("family_id"), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
  // One observation per line keeps files readable and diffable.
  EXPECT_NE(
      text.find("{\"item_id\":\"a1\",\"value\":\"2\",\"note\":\"went at once\",\"focus\":true}"),
      std::string::npos);
}

TEST(ExportFormat, ListOrderInTheInputDoesNotChangeTheOutput) {
  ExchangeData shuffled = sample();
  auto& f = shuffled.families[0];
  std::swap(f.visits[0], f.visits[1]);
  std::reverse(f.visits[0].sets[0].observations.begin(), f.visits[0].sets[0].observations.end());
  FamilyData other = f;
  other.uuid = kFamily2;
  other.caregivers.clear();
  other.children.clear();
  other.visits.clear();
  other.goals.clear();
  other.referrals.clear();
  shuffled.families.insert(shuffled.families.begin(), other);
  ExchangeData sorted = shuffled;
  std::swap(sorted.families[0], sorted.families[1]);
  sortCanonically(shuffled);
  sortCanonically(sorted);
  EXPECT_EQ(toJsonText(shuffled), toJsonText(sorted));
}

TEST(ExportFormat, ParsingWhatWasWrittenGivesItBackExactly) {
  const std::string text = toJsonText(sample());
  EXPECT_EQ(toJsonText(parseExport(text, "x.json")), text);
  const std::string empty = toJsonText(ExchangeData{});
  EXPECT_EQ(empty,
            "{\n  \"format\": \"securebase-export\",\n  \"version\": 2,\n  \"deidentified\": "
            "false,\n  \"settings\": {},\n  \"counselors\": [],\n  \"forms\": [],\n  "
            "\"families\": []\n}\n");
  EXPECT_EQ(toJsonText(parseExport(empty, "empty.json")), empty);
}

TEST(ExportFormat, RefusesBrokenFilesNamingWhereAndWhat) {
  EXPECT_NE(refusal("{\"format\": ").find("not valid JSON"), std::string::npos);
  EXPECT_NE(refusal(sampleWith("\"securebase-export\"", "\"something-else\""))
                .find("$.format: \"something-else\" is not a SecureBase export"),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith("\"version\": 2", "\"version\": 4")).find("newer SecureBase"),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith("\"outcome\": \"completed\"", "\"outcome\": \"postponed\""))
                .find("outcome: \"postponed\" is not completed, missed or cancelled"),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith(kCounselor + "\",\"name\"", "not-a-uuid\",\"name\""))
                .find("is not a uuid"),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith("\"2025-02-15\"", "\"2025-02-30\"")).find("is not a date"),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith("{\"item_id\":\"a1\",\"value\":\"2\"",
                               "{\"item_id\":\"a1\",\"value\":\"7\""))
                .find("$.families[0].visits[0].observation_sets[0]: "),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith("\"display_name\": \"Rivera, Ana\"",
                               "\"display_name\": \"Rivera, Ana\", \"nickname\": \"x\""))
                .find("nickname: unknown field"),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith("Rivera, Ana", "Rivera, \xC3\x28")).find("not valid UTF-8"),
            std::string::npos);
  EXPECT_NE(refusal(sampleWith("Rivera, Ana", "Rivera, \xE3\x82\xA2")).find("cannot be printed"),
            std::string::npos);
}

TEST(ExportFormat, RefusesRecordsThatDisagree) {
  // The signed amendment must be named by its original, and vice versa.
  EXPECT_NE(refusal(sampleWith("\"superseded_by_uuid\": \"" + kVisit2 + "\"",
                               "\"superseded_by_uuid\": null"))
                .find("does not name this signed amendment"),
            std::string::npos);
  // A goal pointing at a visit of another family.
  ExchangeData two = sample();
  FamilyData other = two.families[0];
  other.uuid = kFamily2;
  other.caregivers.clear();
  other.children.clear();
  other.visits.clear();
  other.referrals.clear();
  other.goals[0].uuid = "12121212-1212-4212-8212-121212121212";
  two.families.push_back(other);
  EXPECT_NE(refusal(toJsonText(two)).find("belongs to another family"), std::string::npos);
  ExchangeData twice = sample();
  twice.families[0].children.push_back(twice.families[0].children[0]);
  EXPECT_NE(refusal(toJsonText(twice)).find("appears twice"), std::string::npos);
  ExchangeData changed_form = sample();
  changed_form.forms[0].sha256 = sha256Hex("other");
  EXPECT_NE(refusal(toJsonText(changed_form)).find("does not match the text of form mini v1"),
            std::string::npos);
}

TEST(ExportFormat, RefusesADeidentifiedExport) {
  const std::string text = toJsonText(deidentify(sample(), saltFromSeed("s")));
  EXPECT_NE(refusal(text).find("deidentified export"), std::string::npos);
}

TEST(ExportCsv, OneFilePerTableWithHeadersAndQuotedFields) {
  const auto files = toCsvFiles(sample());
  ASSERT_EQ(files.size(), 8u);
  const std::string& families = files.at("families.csv");
  EXPECT_EQ(families.substr(0, families.find("\r\n")),
            "uuid,display_name,language,status,closing_reason,visit_frequency_days,"
            "counselor_uuid,address,phone,created_on");
  EXPECT_NE(families.find(kFamily + ",\"Rivera, Ana\",es,active,,14," + kCounselor),
            std::string::npos);
  const std::string& visits = files.at("visits.csv");
  EXPECT_EQ(visits.rfind("uuid,family_uuid,counselor_uuid,date,", 0), 0u);
  EXPECT_NE(files.at("observations.csv")
                .find(kVisit1 + "," + kMother + "," + kBaby + ",a1,0,2,went at once,1"),
            std::string::npos);
  // An empty table still has its header.
  EXPECT_EQ(toCsvFiles(ExchangeData{}).at("goals.csv"),
            "uuid,family_uuid,text,status,set_at_visit_uuid,closed_at_visit_uuid,created_on\r\n");
}

TEST(Deidentify, HmacMatchesTheRfc4231Vector) {
  EXPECT_EQ(hmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Deidentify, RemovesNamesContactsAndFreeText) {
  const ExchangeData out = deidentify(sample(), saltFromSeed("seed"));
  const std::string text = toJsonText(out);
  for (const char* gone : {"Rivera", "Ana", "Sof", "Kim", "kim@", "555-", "Elm", "slept",
                           "went at once", "Rosa", "skin", "Gómez", "weight", "Harbor",
                           kFamily.c_str(), kVisit1.c_str(), kMother.c_str(), kBaby.c_str()})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << " is still in\n" << text;
  EXPECT_TRUE(out.deidentified);
  EXPECT_EQ(out.settings,
            (std::map<std::string, std::string>{{"default.language", "es"}, {"paper.size", "a4"}}));
  const FamilyData& f = out.families.at(0);
  EXPECT_EQ(f.display_name, "Family " + f.uuid);
  EXPECT_EQ(f.uuid.rfind("F-", 0), 0u);
  EXPECT_EQ(f.uuid.size(), 14u);
  EXPECT_EQ(f.caregivers.at(0).name, "mother");
  EXPECT_EQ(f.caregivers.at(0).relationship, "mother");
  EXPECT_EQ(f.children.at(0).name, "Child " + f.children.at(0).uuid);
  EXPECT_EQ(original(f).notes, kRemoved);
  EXPECT_EQ(original(f).signed_by, kRemoved);
  EXPECT_EQ(f.goals.at(0).text, kRemoved);
  EXPECT_EQ(f.referrals.at(0).reason, kRemoved);
  // Ratings stay; the text answer does not.
  const auto& observations = original(f).sets.at(0).observations;
  EXPECT_EQ(observations.at(0).value, "2");
  EXPECT_EQ(observations.at(2).item_id, "b5");
  EXPECT_EQ(observations.at(2).value, kRemoved);
  // Links survive as pseudonyms.
  EXPECT_EQ(amendmentOf(f).amends_uuid, original(f).uuid);
  EXPECT_EQ(original(f).superseded_by_uuid, amendmentOf(f).uuid);
  EXPECT_EQ(f.goals.at(0).set_at_visit_uuid, original(f).uuid);
  EXPECT_EQ(original(f).sets.at(0).child_uuid, f.children.at(0).uuid);
}

TEST(Deidentify, RelationshipBecomesOneOfTheFixedChoices) {
  EXPECT_EQ(relationshipChoice("mother"), "mother");
  EXPECT_EQ(relationshipChoice("  Grand  Mother "), "other");
  EXPECT_EQ(relationshipChoice(" Grandmother "), "grandmother");
  EXPECT_EQ(relationshipChoice("Abuela"), "grandmother");
  EXPECT_EQ(relationshipChoice("tía"), "aunt");
  EXPECT_EQ(relationshipChoice("aunt Rosalind Quixotez, 555-111-2222"), "other");
  EXPECT_EQ(relationshipChoice(""), "other");
}

// Free text typed into any field stays behind, in JSON and in CSV: the relationship field
// of the issue, and a text typed where a rating belongs or under an item no form declares.
TEST(Deidentify, OnlyDeclaredFieldsLeaveTheFile) {
  ExchangeData in = sample();
  const std::string leak = "aunt Rosalind Quixotez, 555-111-2222";
  in.families[0].caregivers[0].relationship = leak;
  auto& observations = in.families[0].visits[0].sets[0].observations;
  observations.push_back(answer("Quixotez-notes", "Rosalind calls daily"));
  observations[0].value = "Rosalind 555-111-2222";
  const ExchangeData out = deidentify(in, saltFromSeed("seed"));
  std::string everything = toJsonText(out);
  for (const auto& [name, content] : toCsvFiles(out)) everything += content;
  for (const char* part : {"aunt", "Rosalind", "Quixotez", "555-111-2222", "111-2222"})
    EXPECT_EQ(everything.find(part), std::string::npos) << part << " is still in\n" << everything;
  EXPECT_EQ(out.families[0].caregivers[0].relationship, "other");
  const auto& kept = original(out.families[0]).sets[0].observations;
  EXPECT_EQ(kept.size(), 3u);  // the undeclared item is left out
  EXPECT_EQ(kept[0].value, kRemoved);
}

TEST(Deidentify, ShiftsEveryDateOfAFamilyByTheSameDays) {
  const ExchangeData in = sample();
  const ExchangeData out = deidentify(in, saltFromSeed("seed"));
  const auto& a = in.families[0];
  const auto& b = out.families[0];
  const auto shift = model::daysBetween(b.created_on, a.created_on);
  EXPECT_EQ(shift, dateOffsetDays(saltFromSeed("seed"), kFamily));
  EXPECT_GE(shift, 1);
  EXPECT_LE(shift, 365);
  EXPECT_EQ(model::daysBetween(b.children[0].birth_date, a.children[0].birth_date), shift);
  EXPECT_EQ(model::daysBetween(b.visits[0].date, a.visits[0].date), shift);
  EXPECT_EQ(model::daysBetween(*b.visits[0].next_planned, *a.visits[0].next_planned), shift);
  EXPECT_EQ(model::daysBetween(b.goals[0].created_on, a.goals[0].created_on), shift);
  EXPECT_EQ(model::daysBetween(b.referrals[0].created_on, a.referrals[0].created_on), shift);
  EXPECT_EQ(amendmentOf(b).signed_at.substr(10), "T09:00:00Z");
  EXPECT_EQ(model::daysBetween(*model::Date::parse(amendmentOf(b).signed_at.substr(0, 10)),
                               day("2025-02-03")),
            shift);
}

TEST(Deidentify, SameSaltSameOutputOtherSaltOtherPseudonyms) {
  EXPECT_EQ(toJsonText(deidentify(sample(), saltFromSeed("a"))),
            toJsonText(deidentify(sample(), saltFromSeed("a"))));
  EXPECT_NE(deidentify(sample(), saltFromSeed("a")).families[0].uuid,
            deidentify(sample(), saltFromSeed("b")).families[0].uuid);
  EXPECT_NE(randomSalt(), randomSalt());
  EXPECT_EQ(randomSalt().size(), 64u);
}

// An export read from a file in pieces (ExportReader) reads as the same text does, even when
// records and characters lie across the pieces' ends.
TEST(ExportFormat, AFileReadInPiecesReadsAsItsText) {
  ExchangeData big = sample();
  for (int i = 0; i < 40; ++i) {
    FamilyData copy = big.families[0];
    const std::string n = std::to_string(1000 + i);
    copy.uuid = "1" + n + "aaa-1111-4111-8111-111111111111";
    copy.display_name += " " + n;
    copy.address = std::string(40000 + i, 'x') + "é";  // about 1.6 MB in all
    copy.caregivers.clear();
    copy.children.clear();
    copy.visits.clear();
    copy.goals.clear();
    copy.referrals.clear();
    big.families.push_back(copy);
  }
  sortCanonically(big);
  const std::string text = toJsonText(big);
  ASSERT_GT(text.size(), std::size_t{1} << 20);
  TempDir dir;
  writeFile(dir / "big.json", text);
  ExportReader file = ExportReader::ofFile(dir / "big.json", "big.json");
  file.check();
  ExchangeData read = file.header();
  file.forEachFamily([&](FamilyData&& family) { read.families.push_back(std::move(family)); });
  EXPECT_EQ(toJsonText(read), text);
  EXPECT_EQ(toJsonText(parseExport(text, "big.json")), text);
}

// Records are checked family by family; a reference into a family further on in the file is
// still found, with the path of the record that makes it.
TEST(ExportFormat, AReferenceIntoALaterFamilyIsRefused) {
  ExchangeData two = sample();
  FamilyData later = two.families[0];
  later.uuid = "fafafafa-1111-4111-8111-111111111111";  // sorts after the sample's family
  later.caregivers = {{"fbfbfbfb-1111-4111-8111-111111111111", "Lee", "father"}};
  later.children.clear();
  later.visits.clear();
  later.goals.clear();
  later.referrals.clear();
  two.families.push_back(later);
  two.families[0].visits[0].sets[0].caregiver_uuid = later.caregivers[0].uuid;
  two.families[0].visits[1].sets[0].caregiver_uuid = later.caregivers[0].uuid;
  EXPECT_EQ(refusal(toJsonText(two)),
            "x.json: $.families[0].visits[0].observation_sets[0].caregiver_uuid: caregiver "
            "fbfbfbfb-1111-4111-8111-111111111111 belongs to another family");
}
