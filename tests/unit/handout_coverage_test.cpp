// Every fact of the guidance (DESIGN §2) reaches the parent in both languages, in the place it
// belongs. The map below is the contract: moving or dropping a fact must change this file.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "securebase/handout/content.h"
#include "securebase/handout/picture.h"

using securebase::handout::AgeBand;
using securebase::handout::BlockKind;
using securebase::handout::ContentBlock;
using securebase::handout::CoverageEntry;
using securebase::handout::coverageOf;
using securebase::handout::HandoutContent;
using securebase::handout::loadHandoutContent;
using securebase::handout::Picture;
using securebase::handout::pictureById;
using securebase::model::Language;

namespace {

struct Place {
  std::string section;
  BlockKind kind;
};

// DESIGN §2's guidance (G, P, H1, R1, S1, S2, READ) and the safety points added with it:
// S3 firm flat empty crib, S4 room-sharing without bed-sharing, S5 never asleep with the baby on
// a sofa or armchair, S6 rest while another adult watches the baby, S7 never shake (why),
// S8 crying peaks near 2 months, S9 check on the baby every 5-10 minutes, S10 call someone;
// D1-D4 when to call the doctor or for help (fever or a different cry, not feeding, low mood for
// over 2 weeks, thoughts of harm and the crisis line); A0-A4 the age-matched sections.
const std::map<std::string, Place> kExpected{
    {"G1", {"your-bond", BlockKind::paragraph}},
    {"G2", {"your-bond", BlockKind::paragraph}},
    {"G3", {"your-bond", BlockKind::paragraph}},
    {"G4", {"your-bond", BlockKind::paragraph}},
    {"G5", {"your-bond", BlockKind::paragraph}},
    {"G6", {"your-bond", BlockKind::paragraph}},
    {"G7", {"your-bond", BlockKind::paragraph}},
    {"P1", {"when-your-baby-cries", BlockKind::bullets}},
    {"P4", {"when-your-baby-cries", BlockKind::bullets}},
    {"R1", {"when-your-baby-cries", BlockKind::bullets}},
    {"S2", {"when-your-baby-cries", BlockKind::plan}},
    {"S7", {"when-your-baby-cries", BlockKind::plan}},
    {"S8", {"when-your-baby-cries", BlockKind::plan}},
    {"S9", {"when-your-baby-cries", BlockKind::plan}},
    {"S10", {"when-your-baby-cries", BlockKind::plan}},
    {"P2", {"every-day", BlockKind::bullets}},
    {"P3", {"every-day", BlockKind::bullets}},
    {"P5", {"every-day", BlockKind::bullets}},
    {"A0", {"age-general", BlockKind::bullets}},
    {"A1", {"age-0-3", BlockKind::paragraph}},
    {"A2", {"age-4-6", BlockKind::bullets}},
    {"A3", {"age-7-12", BlockKind::bullets}},
    {"A4", {"age-13-24", BlockKind::bullets}},
    {"P6", {"caring-for-you", BlockKind::paragraph}},
    {"P7", {"caring-for-you", BlockKind::paragraph}},
    {"S1", {"caring-for-you", BlockKind::safety}},
    {"S3", {"caring-for-you", BlockKind::safety}},
    {"S4", {"caring-for-you", BlockKind::safety}},
    {"S5", {"caring-for-you", BlockKind::safety}},
    {"P8", {"caring-for-you", BlockKind::bullets}},
    {"P9", {"caring-for-you", BlockKind::bullets}},
    {"S6", {"caring-for-you", BlockKind::bullets}},
    {"H1", {"get-help", BlockKind::safety}},
    {"D1", {"get-help", BlockKind::safety}},
    {"D2", {"get-help", BlockKind::safety}},
    {"D3", {"get-help", BlockKind::safety}},
    {"D4", {"get-help", BlockKind::safety}},
    {"READ1", {"learn-more", BlockKind::reading}},
    {"READ2", {"learn-more", BlockKind::reading}},
    {"READ3", {"learn-more", BlockKind::reading}},
};

// Which sections draw which picture: the picture set is part of the contract too.
const std::map<std::string, std::set<std::string>> kPictures{
    {"step-away", {"when-your-baby-cries"}}, {"reading-cues", {"every-day"}},
    {"face-distance", {"age-0-3"}},          {"tummy-time", {"age-general", "age-4-6"}},
    {"safe-sleep", {"caring-for-you"}},
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

// Safe sleep sits right after "sleep when your baby sleeps", the calm-down plan right after
// "go to your baby each time they cry".
TEST_P(HandoutCoverage, SafetyNotesSitBesideTheAdviceTheyGuard) {
  const auto crying = placeOf(content_, "S2");
  ASSERT_TRUE(crying);
  EXPECT_TRUE(followsBlockCovering(content_, *crying, "P1")) << describe(content_, *crying);
  const auto sleep = placeOf(content_, "S1");
  ASSERT_TRUE(sleep);
  EXPECT_TRUE(followsBlockCovering(content_, *sleep, "P7")) << describe(content_, *sleep);
}

TEST_P(HandoutCoverage, HelpLinesFollowTheWhenToCallForHelpBox) {
  int help_lines = 0;
  for (const auto& section : content_.sections)
    for (std::size_t b = 0; b < section.blocks.size(); ++b)
      if (section.blocks[b].kind == BlockKind::help_lines) {
        ++help_lines;
        ASSERT_GT(b, 0u);
        EXPECT_EQ(section.blocks[b - 1].kind, BlockKind::safety);
        EXPECT_EQ(section.id, "get-help");
      }
  EXPECT_EQ(help_lines, 1);
}

TEST_P(HandoutCoverage, OneRememberBoxFirstAndOneCalmDownPlan) {
  ASSERT_FALSE(content_.sections.empty());
  const auto& first = content_.sections.front();
  ASSERT_EQ(first.blocks.size(), 1u);
  EXPECT_EQ(first.blocks.front().kind, BlockKind::remember);
  EXPECT_GE(first.blocks.front().items.size(), 3u);
  EXPECT_LE(first.blocks.front().items.size(), 4u);
  int plans = 0;
  for (const auto& section : content_.sections)
    for (const auto& block : section.blocks) plans += block.kind == BlockKind::plan ? 1 : 0;
  EXPECT_EQ(plans, 1);
}

// Every age band gets exactly one age-matched section, and the general version one too.
TEST_P(HandoutCoverage, EachAgeBandHasItsOwnSection) {
  for (const AgeBand band : {AgeBand::general, AgeBand::months_0_3, AgeBand::months_4_6,
                             AgeBand::months_7_12, AgeBand::months_13_24}) {
    int sections = 0;
    for (const auto& section : content_.sections)
      sections += !section.ages.empty() && section.shownFor(band) ? 1 : 0;
    EXPECT_EQ(sections, 1) << toString(band);
  }
}

TEST_P(HandoutCoverage, PicturesAreDrawnInTheirSections) {
  std::map<std::string, std::set<std::string>> found;
  for (const auto& section : content_.sections)
    for (const auto& block : section.blocks)
      if (!block.picture.empty()) found[block.picture].insert(section.id);
  EXPECT_EQ(found, kPictures);
  for (const auto& [id, sections] : kPictures) {
    const Picture& picture = pictureById(id);
    EXPECT_FALSE(picture.describe(GetParam()).empty()) << id;
    // The caption printed under it is shorter than the description kept for an accessible copy.
    EXPECT_FALSE(picture.captionIn(GetParam()).empty()) << id;
    EXPECT_LT(picture.captionIn(GetParam()).size(), picture.describe(GetParam()).size()) << id;
  }
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
