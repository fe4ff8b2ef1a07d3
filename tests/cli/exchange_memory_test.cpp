// Export and import of a large caseload in bounded memory, through the real binary: each runs
// under an address-space limit (prlimit --as) that a program holding the whole file — parsed
// for import, or built as text before writing for export — cannot meet, and still gives the
// same bytes and counts as without it.
#include <gtest/gtest.h>

#include <cstdio>

#include "cli_fixture.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

constexpr int kCopies = 50;  // of a 20-family demo: 1,000 families, a 60 MB export
// Reading the export whole took several hundred megabytes at this size; read in pieces, the
// import stays near a hundred (of which most is the program and its libraries).
const std::string kLimit = "--as=" + std::to_string(256 * 1024 * 1024);
constexpr auto kLongEnough = std::chrono::seconds(180);

// The uuid with its first eight digits replaced by the copy's number: the same record of
// another family, and references inside the family follow.
std::string copyOf(const std::string& uuid, int copy) {
  char prefix[9];
  std::snprintf(prefix, sizeof prefix, "%08x", copy);
  return prefix + uuid.substr(8);
}
void copyOf(std::optional<std::string>& uuid, int copy) {
  if (uuid) uuid = copyOf(*uuid, copy);
}

exchange::FamilyData copyOf(exchange::FamilyData f, int copy) {
  f.uuid = copyOf(f.uuid, copy);
  for (auto& c : f.caregivers) c.uuid = copyOf(c.uuid, copy);
  for (auto& c : f.children) c.uuid = copyOf(c.uuid, copy);
  for (auto& v : f.visits) {
    v.uuid = copyOf(v.uuid, copy);
    copyOf(v.amends_uuid, copy);
    copyOf(v.superseded_by_uuid, copy);
    for (auto& s : v.sets) {
      s.caregiver_uuid = copyOf(s.caregiver_uuid, copy);
      s.child_uuid = copyOf(s.child_uuid, copy);
    }
  }
  for (auto& g : f.goals) {
    g.uuid = copyOf(g.uuid, copy);
    copyOf(g.set_at_visit_uuid, copy);
    copyOf(g.closed_at_visit_uuid, copy);
  }
  for (auto& r : f.referrals) {
    r.uuid = copyOf(r.uuid, copy);
    copyOf(r.visit_uuid, copy);
  }
  return f;
}

class ExchangeMemory : public CliTest {
 protected:
  void SetUp() override {
    useKeyFile(false);  // unencrypted: the limit is about the exchange, not the cipher
    ok({"init", "--unencrypted"});
    ok({"demo", "--families", "20", "--seed", "11", "--today", "2025-06-01"});
    exchange::ExchangeData data = exchange::parseExport(cli({"export"}).out, "demo.json");
    const auto originals = std::move(data.families);
    data.families.clear();
    for (int copy = 0; copy < kCopies; ++copy)
      for (const auto& f : originals) data.families.push_back(copyOf(f, copy));
    exchange::sortCanonically(data);
    text_ = exchange::toJsonText(data);
    csv_ = exchange::toCsvFiles(data);
    writeFile(file(), text_);
  }

  std::filesystem::path file() const { return dir() / "caseload.json"; }
  std::filesystem::path other() const { return dir() / "other.db"; }

  CliResult limited(const std::vector<std::string>& args) {
    runner().setPrefix({"/usr/bin/prlimit", kLimit, "--"});
    const CliResult result = runner().run(args, {}, kLongEnough);
    runner().setPrefix({});
    return result;
  }

  std::string text_;
  std::map<std::string, std::string> csv_;
};

}  // namespace

TEST_F(ExchangeMemory, ImportReadsALargeFileInPieces) {
  ok({"init", "--unencrypted", "--db", other().string()});
  const CliResult result = limited({"import", file().string(), "--db", other().string()});
  ASSERT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_NE(result.out.find("families: 1000 added, 0 already present"), std::string::npos)
      << result.out;
  EXPECT_EQ(runner().run({"export", "--db", other().string()}, {}, kLongEnough).out, text_);
  // Again: everything is found present, family by family, in the same memory.
  const CliResult again = limited({"import", file().string(), "--db", other().string()});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_NE(again.out.find("families: 0 added, 1000 already present"), std::string::npos)
      << again.out;
}

TEST_F(ExchangeMemory, ExportWritesAsItReads) {
  ok({"init", "--unencrypted", "--db", other().string()});
  const CliResult imported =
      runner().run({"import", file().string(), "--db", other().string()}, {}, kLongEnough);
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  const auto json = dir() / "out.json";
  const CliResult exported = limited({"export", "--db", other().string(), "-o", json.string()});
  ASSERT_EQ(exported.exit_code, 0) << describe(exported);
  EXPECT_EQ(readFile(json), text_);
  const auto folder = dir() / "csv";
  const CliResult csv = limited(
      {"export", "--db", other().string(), "--format", "csv", "--out-dir", folder.string()});
  ASSERT_EQ(csv.exit_code, 0) << describe(csv);
  for (const auto& [name, content] : csv_) EXPECT_EQ(readFile(folder / name), content) << name;
}
