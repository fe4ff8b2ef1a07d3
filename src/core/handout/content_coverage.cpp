#include "securebase/handout/content.h"

namespace securebase::handout {

std::vector<CoverageEntry> coverageOf(const HandoutContent& content) {
  std::vector<CoverageEntry> entries;
  for (const ContentSection& section : content.sections) {
    for (std::size_t b = 0; b < section.blocks.size(); ++b) {
      const ContentBlock& block = section.blocks[b];
      for (const std::string& id : block.covers)
        entries.push_back({id, section.id, static_cast<int>(b), -1});
      for (std::size_t i = 0; i < block.items.size(); ++i)
        for (const std::string& id : block.items[i].covers)
          entries.push_back({id, section.id, static_cast<int>(b), static_cast<int>(i)});
    }
  }
  return entries;
}

std::set<std::string> coveredGuidanceIds(const HandoutContent& content) {
  std::set<std::string> ids;
  for (const CoverageEntry& entry : coverageOf(content)) ids.insert(entry.guidance_id);
  return ids;
}

}  // namespace securebase::handout
