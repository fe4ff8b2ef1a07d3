#include "securebase/handout/readability.h"

#include <string>
#include <vector>

namespace securebase::handout {

namespace {

enum class Letter { consonant, strong, weak, accented_weak, other };

// Decodes the few two-byte letters Spanish uses (á é í ó ú ü ñ and capitals); anything else
// outside ASCII is "other" and ends a word.
std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out.push_back(byte);
    } else if ((byte & 0xE0) == 0xC0 && i + 1 < text.size()) {
      out.push_back(static_cast<char32_t>(((byte & 0x1F) << 6) |
                                          (static_cast<unsigned char>(text[i + 1]) & 0x3F)));
      ++i;
    } else {
      std::size_t extra = (byte & 0xF0) == 0xE0 ? 2 : (byte & 0xF8) == 0xF0 ? 3 : 0;
      char32_t cp = 0;
      if (extra == 2) cp = byte & 0x0F;
      if (extra == 3) cp = byte & 0x07;
      for (std::size_t k = 0; k < extra && i + 1 < text.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
      out.push_back(cp);
    }
  }
  return out;
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // Latin-1 capitals
  return c;
}

bool isLetter(char32_t c) {
  c = lower(c);
  return (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7);
}

Letter classify(char32_t c) {
  switch (lower(c)) {
    case 'a':
    case 'e':
    case 'o':
    case U'á':
    case U'é':
    case U'ó':
      return Letter::strong;
    case 'i':
    case 'u':
    case U'ü':
      return Letter::weak;
    case U'í':
    case U'ú':
      return Letter::accented_weak;
    default:
      return isLetter(c) ? Letter::consonant : Letter::other;
  }
}

bool isVowel(Letter letter) {
  return letter == Letter::strong || letter == Letter::weak || letter == Letter::accented_weak;
}

int syllablesOf(const std::vector<char32_t>& word) {
  int count = 0;
  Letter previous = Letter::consonant;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char32_t c = lower(word[i]);
    Letter letter = classify(c);
    const char32_t before = i > 0 ? lower(word[i - 1]) : 0;
    const char32_t after = i + 1 < word.size() ? lower(word[i + 1]) : 0;
    // The u of que, qui, gue, gui is not spoken.
    if (c == 'u' && (before == 'q' || (before == 'g' && (after == 'e' || after == 'i' ||
                                                         after == U'é' || after == U'í'))))
      letter = Letter::consonant;
    // A final y after a vowel ends a diphthong ("hoy", "muy"); elsewhere it is a consonant.
    if (c == 'y' && i + 1 == word.size() && isVowel(previous)) letter = Letter::weak;
    if (isVowel(letter)) {
      const bool hiatus =
          (letter == Letter::strong && previous == Letter::strong) ||
          (letter == Letter::accented_weak && previous == Letter::strong) ||
          (letter == Letter::strong && previous == Letter::accented_weak) ||
          (letter == Letter::accented_weak && isVowel(previous) && previous != Letter::strong);
      if (!isVowel(previous) || hiatus) ++count;
    }
    previous = letter;
  }
  return count;
}

}  // namespace

int spanishSyllables(std::string_view word) {
  return syllablesOf(decode(word));
}

SpanishReadability spanishReadability(std::string_view text) {
  SpanishReadability result;
  const std::vector<char32_t> chars = decode(text);
  std::vector<char32_t> word;
  bool words_since_stop = false;
  const auto endWord = [&] {
    if (word.empty()) return;
    ++result.words;
    result.syllables += std::max(1, syllablesOf(word));
    word.clear();
    words_since_stop = true;
  };
  for (const char32_t c : chars) {
    if (isLetter(c)) {
      word.push_back(c);
      continue;
    }
    endWord();
    if ((c == '.' || c == '!' || c == '?' || c == U'…' || c == '\n') && words_since_stop) {
      ++result.sentences;
      words_since_stop = false;
    }
  }
  endWord();
  if (words_since_stop) ++result.sentences;
  if (result.words == 0) return result;
  const double words = result.words;
  const double per_word = result.syllables / words;
  result.fernandez_huerta =
      206.84 - 0.60 * (per_word * 100) - 1.02 * (result.sentences * 100 / words);
  result.inflesz = 206.835 - 62.3 * per_word - words / result.sentences;
  return result;
}

}  // namespace securebase::handout
