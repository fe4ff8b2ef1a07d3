// export and import through the real binary: byte-identical round trip, CSV files, exit codes
// and one-line messages for refused files, conflicts listed and refused unless skipped.
#include <gtest/gtest.h>

#include <algorithm>

#include "build_paths.h"
#include "cli_fixture.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

class ExchangeCli : public CliTest {
 protected:
  void SetUp() override {
    init();
    ok({"demo", "--families", "4", "--seed", "5", "--today", "2025-06-01"});
  }
  std::filesystem::path other() const { return dir() / "other.db"; }
  // A copy of db() made by export and import.
  void makeCopy() const {
    const auto file = dir() / "copy.json";
    ok({"export", "-o", file.string()});
    ok({"init", "--db", other().string()});
    ok({"import", file.string(), "--db", other().string()});
  }
};

}  // namespace

TEST_F(ExchangeCli, ExportImportExportGivesTheSameBytes) {
  const std::string to_stdout = cli({"export"}).out;
  const auto file = dir() / "all.json";
  EXPECT_EQ(ok({"export", "-o", file.string()}), "Exported to " + file.string());
  EXPECT_EQ(readFile(file), to_stdout);
  EXPECT_EQ(cli({"export", "--format", "json"}).out, to_stdout);

  ok({"init", "--db", other().string()});
  const std::string summary = ok({"import", file.string(), "--db", other().string()});
  EXPECT_NE(summary.find("families: 4 added, 0 already present"), std::string::npos) << summary;
  EXPECT_EQ(cli({"export", "--db", other().string()}).out, to_stdout);
  // Importing again adds nothing.
  const std::string again = ok({"import", file.string(), "--db", other().string()});
  EXPECT_NE(again.find("families: 0 added, 4 already present"), std::string::npos) << again;
  EXPECT_NE(again.find("visits: 0 added, "), std::string::npos) << again;
}

TEST_F(ExchangeCli, RefusedFilesGetOneLineAndChangeNothing) {
  const std::string before = dump();
  const auto broken = dir() / "broken.json";
  writeFile(broken, "{\"format\": \"securebase-export\", \"version\": 1,");
  EXPECT_TRUE(refused(cli({"import", broken.string()}), 1, "not valid JSON"));
  const auto enumeration = dir() / "enum.json";
  std::string text = cli({"export"}).out;
  text.replace(text.find("\"status\": \"signed\""), 18, "\"status\": \"sealed\"");
  writeFile(enumeration, text);
  EXPECT_TRUE(
      refused(cli({"import", enumeration.string()}), 1, "\"sealed\" is not draft or signed"));
  const auto deidentified = dir() / "deid.json";
  ok({"export", "--deidentify", "-o", deidentified.string()});
  EXPECT_TRUE(refused(cli({"import", deidentified.string()}), 1, "deidentified export"));
  EXPECT_TRUE(refused(cli({"import", (dir() / "missing.json").string()}), 2, "no such file"));
  EXPECT_EQ(dump(), before);
}

TEST_F(ExchangeCli, ConflictsAreListedAndRefuseTheImportUnlessSkipped) {
  makeCopy();
  std::string uuid;
  {
    // The copy changes a family's phone number (the command line has no family edit).
    store::Database database(other(), testKeyOptions(other()));
    store::Store copy(database, "test");
    model::Family family = copy.listFamilies().front().family;
    family.phone = "555-7777";
    copy.updateFamily(family);
    uuid = family.uuid;
  }
  const auto file = dir() / "copy-changed.json";
  ok({"export", "-o", file.string(), "--db", other().string()});
  const std::string before = dump();
  const auto result = cli({"import", file.string()});
  EXPECT_EQ(result.exit_code, 1) << describe(result);
  const auto lines = result.errLines();
  ASSERT_EQ(lines.size(), 2u) << describe(result);
  EXPECT_EQ(lines[0], "conflict: family " + uuid + ": differs in phone");
  EXPECT_EQ(lines[1].rfind("securebase-cli: import refused: 1 conflict", 0), 0u) << lines[1];
  EXPECT_EQ(dump(), before);

  const auto skipped = cli({"import", file.string(), "--skip-conflicts"});
  EXPECT_EQ(skipped.exit_code, 0) << describe(skipped);
  EXPECT_EQ(skipped.errLines(),
            std::vector<std::string>{"conflict: family " + uuid + ": differs in phone"});
  EXPECT_NE(skipped.out.find("families: 0 added, 3 already present, 1 conflict"), std::string::npos)
      << skipped.out;
}

TEST_F(ExchangeCli, CsvWritesOneFilePerTable) {
  const auto folder = dir() / "csv";
  EXPECT_EQ(ok({"export", "--format", "csv", "--out-dir", folder.string()}),
            "Wrote 8 CSV files to " + folder.string());
  for (const char* name : {"counselors.csv", "families.csv", "caregivers.csv", "children.csv",
                           "visits.csv", "observations.csv", "goals.csv", "referrals.csv"})
    EXPECT_TRUE(std::filesystem::exists(folder / name)) << name;
  const std::string families = readFile(folder / "families.csv");
  EXPECT_EQ(std::count(families.begin(), families.end(), '\n'), 5);
  const auto deidentified = dir() / "deid";
  ok({"export", "--format", "csv", "--deidentify", "--out-dir", deidentified.string()});
  EXPECT_NE(readFile(deidentified / "families.csv").find("Family F-"), std::string::npos);
}

TEST_F(ExchangeCli, UsageAndOutputErrors) {
  EXPECT_TRUE(refused(cli({"export", "--format", "csv"}), 1, "--out-dir"));
  EXPECT_TRUE(refused(cli({"export", "--format", "xml"}), 1, "use json or csv"));
  EXPECT_TRUE(refused(cli({"export", "--seed", "x"}), 1, "--seed only applies with --deidentify"));
  EXPECT_TRUE(refused(cli({"export", "-o", (dir() / "no-such-folder" / "x.json").string()}), 4,
                      "cannot write"));
  EXPECT_TRUE(refused(cli({"import"}), 1, "import"));
}

// A relationship typed as free text leaves nothing of itself in a deidentified export.
TEST_F(ExchangeCli, DeidentifiedExportsKeepOnlyDeclaredFields) {
  const std::string leak = "aunt Rosalind Quixotez, 555-111-2222";
  ok({"caregiver", "add", "--family", "1", "--name", "Rosalind Quixotez", "--relationship", leak});
  const auto json = dir() / "deid.json";
  const auto csv = dir() / "deid-csv";
  ok({"export", "--deidentify", "-o", json.string()});
  ok({"export", "--format", "csv", "--deidentify", "--out-dir", csv.string()});
  std::string everything = readFile(json);
  for (const auto& entry : std::filesystem::directory_iterator(csv))
    everything += readFile(entry.path());
  for (const char* part : {"aunt", "Rosalind", "Quixotez", "555-111-2222", "111-2222"})
    EXPECT_EQ(everything.find(part), std::string::npos) << part;
  EXPECT_NE(readFile(csv / "caregivers.csv").find(",other"), std::string::npos)
      << readFile(csv / "caregivers.csv");
}

namespace {

// The uuid in the first `"uuid": "…"` of `text` after `from` (or before it, when `before`).
std::string uuidNear(const std::string& text, std::size_t from, bool before = false) {
  const std::string key = "\"uuid\": \"";
  const auto at = before ? text.rfind(key, from) : text.find(key, from);
  return at == std::string::npos ? std::string() : text.substr(at + key.size(), 36);
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

// Each conflict says why the record is left out: other content (naming the fields), a signed
// visit that differs (never changed), a person who belongs to another family here.
TEST_F(ExchangeCli, ConflictsSayWhy) {
  const std::string exported = cli({"export"}).out;

  std::string edited = exported;
  const std::string family = uuidNear(edited, edited.find("\"families\": ["));
  const std::string name_key = "\"display_name\": \"";
  edited.insert(edited.find(name_key) + name_key.size(), "Renamed ");
  const auto signed_at = edited.find("\"status\": \"signed\"");
  ASSERT_NE(signed_at, std::string::npos);
  const std::string visit = uuidNear(edited, signed_at, true);
  const std::string notes_key = "\"notes\": \"";
  edited.insert(edited.find(notes_key, signed_at) + notes_key.size(), "Edited afterwards. ");
  const auto edited_file = dir() / "edited.json";
  writeFile(edited_file, edited);
  const auto result = cli({"import", edited_file.string(), "--skip-conflicts"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_EQ(result.errLines(),
            (std::vector<std::string>{
                "conflict: family " + family + ": differs in display_name",
                "conflict: visit " + visit +
                    ": a signed visit that differs in notes (a signed visit is never changed)"}));

  // The first visits of two families trade uuids: each belongs to the other family here.
  std::string swapped = exported;
  const auto first = swapped.find("\"visits\": [\n");
  const std::string one = uuidNear(swapped, first);
  const std::string two = uuidNear(swapped, swapped.find("\"visits\": [\n", first + 1));
  ASSERT_EQ(one.size(), 36u);
  ASSERT_EQ(two.size(), 36u);
  replaceAll(swapped, one, "placeholder");
  replaceAll(swapped, two, one);
  replaceAll(swapped, "placeholder", two);
  const auto swapped_file = dir() / "swapped.json";
  writeFile(swapped_file, swapped);
  const std::string before = dump();
  const auto turned_down = cli({"import", swapped_file.string()});
  EXPECT_EQ(turned_down.exit_code, 1) << describe(turned_down);
  const auto lines = turned_down.errLines();
  for (const auto& uuid : {one, two})
    EXPECT_NE(std::find(lines.begin(), lines.end(),
                        "conflict: visit " + uuid + ": belongs to another family in this database"),
              lines.end())
        << describe(turned_down);
  EXPECT_EQ(dump(), before);
}

// Export version 2 carries why each amendment was made, and an import keeps it.
TEST_F(ExchangeCli, AmendmentReasonsTravel) {
  std::string draft;
  for (int id = 1; id < 60 && draft.empty(); ++id) {
    const auto amended =
        cli({"visit", "amend", std::to_string(id), "--reason", "Rated the wrong caregiver"});
    if (amended.exit_code == 0) draft = amended.out.substr(0, amended.out.find('\n'));
  }
  ASSERT_FALSE(draft.empty()) << "no signed visit to amend";
  const auto file = dir() / "amended.json";
  ok({"export", "-o", file.string()});
  const std::string text = readFile(file);
  EXPECT_EQ(text.find("\"version\": 2,"), text.find("\"version\""));
  EXPECT_NE(text.find("\"amend_reason\": \"Rated the wrong caregiver\""), std::string::npos);

  ok({"init", "--db", other().string()});
  ok({"import", file.string(), "--db", other().string()});
  // The same bytes again: the reason was written with the amendment.
  EXPECT_EQ(cli({"export", "--db", other().string()}).out, text);
}

// A version 1 export (before amendment reasons travelled) still imports; its amendment keeps no
// reason, and importing it again finds everything already there.
TEST_F(ExchangeCli, AVersion1ExportStillImports) {
  const auto v1 = std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "tests" / "fuzz" / "corpus" /
                  "import" / "mini-export.json";
  ASSERT_NE(readFile(v1).find("\"version\": 1,"), std::string::npos);
  ASSERT_NE(readFile(v1).find("\"amends_uuid\": \"00000006"), std::string::npos);
  ok({"init", "--db", other().string()});
  const std::string summary = ok({"import", v1.string(), "--db", other().string()});
  EXPECT_NE(summary.find("families: 1 added"), std::string::npos) << summary;
  const std::string again = ok({"import", v1.string(), "--db", other().string()});
  EXPECT_NE(again.find("visits: 0 added"), std::string::npos) << again;
  const std::string exported = cli({"export", "--db", other().string()}).out;
  EXPECT_NE(exported.find("\"version\": 2,"), std::string::npos);
  EXPECT_NE(exported.find("\"amend_reason\": \"\""), std::string::npos);
}
