// The words of a loaded handout as a reader meets them, for tests that judge the wording itself
// (reading grade, sentence length, what a household may read).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "securebase/handout/content.h"

namespace securebase::testing {

// Running prose only: the subtitle and every paragraph, bullet, tip, safety and reading text,
// with the markers resolved. Headings, box titles and labels are not sentences and are left out.
inline std::vector<std::string> proseOf(const handout::HandoutContent& content,
                                        const std::optional<std::string>& child_name,
                                        model::Sex sex) {
  std::vector<std::string> texts;
  auto add = [&](const std::string& text) {
    if (!text.empty()) texts.push_back(handout::resolveText(text, child_name, sex));
  };
  add(content.subtitle);
  for (const auto& section : content.sections)
    for (const auto& block : section.blocks) {
      add(block.text);
      for (const auto& item : block.items) add(item.text);
    }
  return texts;
}

// Everything a household could read on the page: prose plus title, headings, box and reading
// titles and the labels.
inline std::vector<std::string> allWordsOf(const handout::HandoutContent& content,
                                           const std::optional<std::string>& child_name,
                                           model::Sex sex) {
  std::vector<std::string> texts = proseOf(content, child_name, sex);
  texts.push_back(content.title);
  for (const auto& [key, label] : content.labels)
    texts.push_back(handout::resolveText(label, child_name, sex));
  for (const auto& section : content.sections) {
    texts.push_back(section.heading);
    for (const auto& block : section.blocks) {
      texts.push_back(block.title);
      for (const auto& item : block.items) texts.push_back(item.title);
    }
  }
  return texts;
}

// Splits prose at sentence ends (. ? ! followed by a space), keeping the punctuation.
inline std::vector<std::string> sentencesOf(const std::vector<std::string>& texts) {
  std::vector<std::string> sentences;
  for (const std::string& text : texts) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool end = (text[i] == '.' || text[i] == '?' || text[i] == '!') &&
                       (i + 1 == text.size() || text[i + 1] == ' ');
      if (end) {
        sentences.push_back(text.substr(start, i + 1 - start));
        start = i + 2;
      }
    }
    if (start < text.size()) sentences.push_back(text.substr(start));
  }
  return sentences;
}

inline std::size_t wordCount(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace securebase::testing
