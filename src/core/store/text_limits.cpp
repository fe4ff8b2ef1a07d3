#include "securebase/store/text_limits.h"

#include <string>

#include "securebase/core/error.h"

namespace securebase::store {
namespace {

bool endsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

}  // namespace

std::size_t textLimit(std::string_view what) {
  if (endsWith(what, "name")) return kNameLimit;
  if (what == "relationship" || endsWith(what, "phone") || endsWith(what, "email") ||
      what == "signing time")
    return kShortTextLimit;
  if (what == "address" || what == "place" || what == "who was present" || what == "referred to" ||
      what == "item id")
    return kLineLimit;
  if (what.substr(0, 8) == "setting ") return kSettingLimit;
  return kNoteLimit;
}

std::size_t characterCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++count;
  return count;
}

void requireWithinLimit(std::string_view text, std::string_view what) {
  const std::size_t limit = textLimit(what);
  if (text.size() <= limit) return;  // never more characters than bytes
  const std::size_t count = characterCount(text);
  if (count > limit)
    throwBadInput(
        // TRANSLATORS: {1} the field ("family name"), {2} and {3} numbers of characters.
        errorText("{1} is too long ({2} characters; at most {3})", phrasePart(what), count, limit));
}

}  // namespace securebase::store
