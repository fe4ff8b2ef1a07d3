// Spanish readability, computed here so a test holds the Spanish handout to the same bar as the
// English one (GNU `style` has no Spanish grade). Fernández Huerta (1959), the Spanish
// adaptation of Flesch's reading ease, and Szigriszt-Pazos's INFLESZ scale; both from counts of
// syllables, words and sentences.
#pragma once

#include <string_view>

namespace securebase::handout {

// Syllables of one Spanish word (letters only; accents and ü count): vowel groups, split at a
// hiatus (two strong vowels, or an accented í/ú beside a strong one), with the silent u of
// que/qui/gue/gui and a final y ("hoy", "muy") read as in speech.
int spanishSyllables(std::string_view word);

struct SpanishReadability {
  int words = 0;
  int sentences = 0;
  int syllables = 0;
  // 206.84 - 0.60 * syllables per 100 words - 1.02 * sentences per 100 words; 80-90 "easy",
  // over 90 "very easy".
  double fernandez_huerta = 0;
  // 206.835 - 62.3 * syllables / words - words / sentences; 65-80 "bastante fácil".
  double inflesz = 0;
};

// Sentences end at . ! ? … or a line break; a word is a run of letters (digits are skipped).
SpanishReadability spanishReadability(std::string_view text);

}  // namespace securebase::handout
