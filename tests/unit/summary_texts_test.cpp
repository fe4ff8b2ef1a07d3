// What sync and import say they did: every line is a wording the window can translate (so a
// counselor working in Spanish reads it in Spanish), and its English is what the CLI prints.
#include <gtest/gtest.h>

#include "securebase/exchange/import.h"
#include "securebase/sync/sync.h"

namespace securebase {
namespace {

// Renders `text` with every wording (its own and its parts') marked, as a catalog would change
// them: a line built from plain text would show unmarked.
std::string marked(const ErrorText& text) {
  return text.render([](const std::string& wording) { return "<" + wording + ">"; });
}

exchange::ImportPlan importPlan() {
  exchange::ImportPlan plan;
  plan.counts[exchange::RecordType::family] = {2, 3, 0};
  plan.counts[exchange::RecordType::visit] = {4, 0, 1};
  plan.counts[exchange::RecordType::goal] = {0, 1, 2};
  plan.clinic_settings.push_back({"clinic.name", std::nullopt, "Casa Sol"});
  plan.settings_never_imported = {"backup.keep"};
  return plan;
}

sync::SyncResult everythingHappened() {
  sync::SyncResult result;
  auto& push = result.push;
  push.sent.families = 1;
  push.sent.visits = 3;
  push.drafts_kept = 2;
  push.waiting_for_signature = 1;
  push.edited = {"caregiver c1"};
  push.conflicts = {"goal g1"};
  push.not_mine = {"f9"};
  push.clinic_settings_sent = {"clinic.phone"};
  push.merged_away = {"f8"};
  auto& pull = result.pull;
  pull.families = 2;
  pull.plan = importPlan();
  pull.clinic_settings_replaced = {"clinic.address"};
  pull.edits_taken = {"family f1"};
  pull.edits_refused = {"goal g2: too long"};
  pull.merges = {
      errorText("family {1} merged into family {2} (by {3} on the server)", "a", "b", "sol")};
  result.open_conflicts = {"12: caregiver c1 (reported by ana)"};
  result.possible_duplicates = 1;
  result.read_only = {{"f7", "García", "Bea", {}, false}, {"f6", "Ruiz", "Bea", {}, true}};
  return result;
}

TEST(SummaryTexts, EverySyncLineIsAWordingAndItsEnglishIsTheCliLine) {
  const auto result = everythingHappened();
  const auto texts = sync::summaryTexts(result);
  const auto lines = sync::summaryLines(result);
  ASSERT_EQ(texts.size(), lines.size());
  ASSERT_GE(texts.size(), 20u);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(texts[i].english(), lines[i]);
    EXPECT_TRUE(marked(texts[i]).starts_with("<")) << lines[i];
  }
  EXPECT_EQ(lines.front(), "pushed: 1 family, 3 signed visits");
  // The counts inside a line are wordings too.
  EXPECT_EQ(marked(texts.front()), "<pushed: <<1 family>, <3 signed visits>>>");
}

TEST(SummaryTexts, EveryImportLineIsAWordingAndItsEnglishIsTheCliLine) {
  exchange::ImportOptions options;
  options.with_clinic_settings = true;
  const auto plan = importPlan();
  const auto texts = exchange::summaryTexts(plan, options);
  const auto lines = exchange::summaryLines(plan, options);
  ASSERT_EQ(texts.size(), lines.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(texts[i].english(), lines[i]);
    EXPECT_TRUE(marked(texts[i]).starts_with("<")) << lines[i];
  }
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          "setting clinic.name: (unset) -> \"Casa Sol\"",
          "settings: backup.keep not imported (personal and device settings never are)",
          "families: 2 added, 3 already present", "visits: 4 added, 0 already present, 1 conflict",
          "goals: 0 added, 1 already present, 2 conflicts"}));
  // The record type's name is translated with the line.
  EXPECT_EQ(marked(texts[2]), "<<families>: 2 added, 3 already present>");
}

}  // namespace
}  // namespace securebase
