// How long each text a person enters may be, in characters (Unicode code points). One table for
// every way text arrives — the window, the command line, visit files, imports — so a pasted
// 100,000-character name is refused with a message instead of breaking lists and reports.
//
//   names (family, caregiver, child, counselor, signer)            200
//   relationship, phone, e-mail, signing time                       200
//   address, place, who was present, referred to, item ids          1,000
//   settings                                                         5,000
//   notes, goals, referral and closing reasons, answers, the rest   20,000
#pragma once

#include <cstddef>
#include <string_view>

namespace securebase::model {

inline constexpr std::size_t kNameLimit = 200;
inline constexpr std::size_t kShortTextLimit = 200;
inline constexpr std::size_t kLineLimit = 1000;
inline constexpr std::size_t kSettingLimit = 5000;
inline constexpr std::size_t kNoteLimit = 20000;

// The limit of the field a person knows as `what` ("family name", "visit notes", "setting
// clinic.name", …), by the table above.
std::size_t textLimit(std::string_view what);

// Characters in well-formed UTF-8 text (bytes that do not continue a sequence).
std::size_t characterCount(std::string_view text);

// Throws Error(bad_input) "family name is too long (100000 characters; at most 200)".
void requireWithinLimit(std::string_view text, std::string_view what);

}  // namespace securebase::model
