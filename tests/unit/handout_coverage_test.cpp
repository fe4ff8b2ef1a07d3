// Every fact of the guidance (DESIGN §2) reaches the parent in both languages, in the place it
// belongs. The map below is the contract: moving or dropping a fact must change this file.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "securebase/handout/content.h"

using securebase::handout::BlockKind;
using securebase::handout::ContentBlock;
using securebase::handout::CoverageEntry;
using securebase::handout::coverageOf;
using securebase::handout::HandoutContent;
using securebase::handout::loadHandoutContent;
using securebase::model::Language;

namespace {

struct Place {
  std::string section;
  BlockKind kind;
};

const std::map<std::string, Place> kExpected{
    {"G1", {"what-is-attachment", BlockKind::paragraph}},
    {"G2", {"what-is-attachment", BlockKind::paragraph}},
    {"G3", {"what-is-attachment", BlockKind::tip}},
    {"G4", {"how-the-bond-grows", BlockKind::paragraph}},
    {"G5", {"how-the-bond-grows", BlockKind::paragraph}},
    {"G6", {"how-the-bond-grows", BlockKind::paragraph}},
    {"G7", {"how-the-bond-grows", BlockKind::paragraph}},
    {"P1", {"things-you-can-do", BlockKind::bullets}},
    {"S2", {"things-you-can-do", BlockKind::safety}},
    {"P2", {"things-you-can-do", BlockKind::bullets}},
    {"P3", {"things-you-can-do", BlockKind::bullets}},
    {"P4", {"things-you-can-do", BlockKind::bullets}},
    {"P5", {"things-you-can-do", BlockKind::bullets}},
    {"P6", {"caring-for-you", BlockKind::paragraph}},
    {"P7", {"caring-for-you", BlockKind::bullets}},
    {"S1", {"caring-for-you", BlockKind::safety}},
    {"P8", {"caring-for-you", BlockKind::bullets}},
    {"P9", {"caring-for-you", BlockKind::bullets}},
    {"H1", {"caring-for-you", BlockKind::paragraph}},
    {"R1", {"caring-for-you", BlockKind::tip}},
    {"READ1", {"learn-more", BlockKind::reading}},
    {"READ2", {"learn-more", BlockKind::reading}},
    {"READ3", {"learn-more", BlockKind::reading}},
};

const ContentBlock& blockAt(const HandoutContent& content, const CoverageEntry& entry) {
  for (const auto& section : content.sections)
    if (section.id == entry.section_id)
      return section.blocks.at(static_cast<std::size_t>(entry.block_index));
  throw std::logic_error("no section " + entry.section_id);
}

std::string describe(const HandoutContent& content, const CoverageEntry& entry) {
  return entry.guidance_id + " in section " + entry.section_id + ", block " +
         std::to_string(entry.block_index) + " (" +
         std::string(toString(blockAt(content, entry).kind)) + ")" +
         (entry.item_index >= 0 ? ", item " + std::to_string(entry.item_index) : "");
}

// The one place `id` is covered; fails the test when it is covered nowhere or twice.
std::optional<CoverageEntry> placeOf(const HandoutContent& content, const std::string& id) {
  std::vector<CoverageEntry> found;
  for (const auto& entry : coverageOf(content))
    if (entry.guidance_id == id) found.push_back(entry);
  if (found.size() != 1) {
    std::string where;
    for (const auto& entry : found) where += "\n  " + describe(content, entry);
    ADD_FAILURE() << id << " is covered " << found.size() << " times, expected once:" << where;
    return std::nullopt;
  }
  return found.front();
}

// True when the block right before the one holding `id` covers `neighbour` (a safety note
// sits right after the advice it guards).
bool followsBlockCovering(const HandoutContent& content, const CoverageEntry& entry,
                          const std::string& neighbour) {
  if (entry.block_index == 0) return false;
  for (const auto& other : coverageOf(content))
    if (other.guidance_id == neighbour && other.section_id == entry.section_id &&
        other.block_index == entry.block_index - 1)
      return true;
  return false;
}

class HandoutCoverage : public ::testing::TestWithParam<Language> {
 protected:
  HandoutContent content_ = loadHandoutContent("infant-attachment", GetParam());
};

}  // namespace

TEST_P(HandoutCoverage, EveryGuidanceIdIsInItsPlace) {
  for (const auto& [id, place] : kExpected) {
    const auto entry = placeOf(content_, id);
    if (!entry) continue;
    EXPECT_EQ(entry->section_id, place.section) << describe(content_, *entry);
    EXPECT_EQ(blockAt(content_, *entry).kind, place.kind) << describe(content_, *entry);
  }
}

TEST_P(HandoutCoverage, CoversNothingBeyondTheGuidance) {
  for (const auto& entry : coverageOf(content_))
    EXPECT_TRUE(kExpected.contains(entry.guidance_id)) << describe(content_, entry);
}

TEST_P(HandoutCoverage, SafetyNotesSitBesideTheAdviceTheyGuard) {
  const auto crying = placeOf(content_, "S2");
  ASSERT_TRUE(crying);
  EXPECT_TRUE(followsBlockCovering(content_, *crying, "P1")) << describe(content_, *crying);
  const auto sleep = placeOf(content_, "S1");
  ASSERT_TRUE(sleep);
  EXPECT_TRUE(followsBlockCovering(content_, *sleep, "P7")) << describe(content_, *sleep);
}

TEST_P(HandoutCoverage, OffersTheClinicHelpLinesOnceBesideGettingHelp) {
  int help_lines = 0;
  for (const auto& section : content_.sections)
    for (std::size_t b = 0; b < section.blocks.size(); ++b)
      if (section.blocks[b].kind == BlockKind::help_lines) {
        ++help_lines;
        ASSERT_GT(b, 0u);
        EXPECT_EQ(section.blocks[b - 1].covers, std::vector<std::string>{"H1"});
      }
  EXPECT_EQ(help_lines, 1);
}

TEST_P(HandoutCoverage, HasTwoTipsForParents) {
  int tips = 0;
  for (const auto& section : content_.sections)
    tips += static_cast<int>(std::count_if(section.blocks.begin(), section.blocks.end(),
                                           [](const auto& b) { return b.kind == BlockKind::tip; }));
  EXPECT_EQ(tips, 2);
}

INSTANTIATE_TEST_SUITE_P(BothLanguages, HandoutCoverage,
                         ::testing::Values(Language::en, Language::es), [](const auto& param_info) {
                           return std::string(toString(param_info.param));
                         });

// Spanish is the same handout, not a different one: same sections, blocks and facts in the same
// order, so a personalised page looks the same in either language.
TEST(HandoutCoverageAcrossLanguages, SpanishMatchesEnglishBlockForBlock) {
  const auto en = loadHandoutContent("infant-attachment", Language::en);
  const auto es = loadHandoutContent("infant-attachment", Language::es);
  ASSERT_EQ(en.sections.size(), es.sections.size());
  for (std::size_t s = 0; s < en.sections.size(); ++s) {
    const auto& a = en.sections[s];
    const auto& b = es.sections[s];
    EXPECT_EQ(a.id, b.id);
    ASSERT_EQ(a.blocks.size(), b.blocks.size()) << a.id;
    for (std::size_t k = 0; k < a.blocks.size(); ++k) {
      SCOPED_TRACE(a.id + " block " + std::to_string(k));
      EXPECT_EQ(a.blocks[k].kind, b.blocks[k].kind);
      EXPECT_EQ(a.blocks[k].covers, b.blocks[k].covers);
      EXPECT_EQ(a.blocks[k].title.empty(), b.blocks[k].title.empty());
      ASSERT_EQ(a.blocks[k].items.size(), b.blocks[k].items.size());
      for (std::size_t i = 0; i < a.blocks[k].items.size(); ++i)
        EXPECT_EQ(a.blocks[k].items[i].covers, b.blocks[k].items[i].covers);
    }
  }
  std::vector<std::string> en_labels, es_labels;
  for (const auto& [key, text] : en.labels) en_labels.push_back(key);
  for (const auto& [key, text] : es.labels) es_labels.push_back(key);
  EXPECT_EQ(en_labels, es_labels);
}
