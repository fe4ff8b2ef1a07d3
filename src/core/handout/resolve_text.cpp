#include "securebase/handout/resolve_text.h"

#include "securebase/core/error.h"
#include "securebase/forms/personalize.h"

namespace securebase::handout {
namespace {

constexpr std::string_view kChild = "child";

std::string quoted(std::string_view marker) {
  return "\"" + std::string(marker) + "\"";
}

// The first bytes of `text` for a message, never cut inside a UTF-8 sequence.
std::string_view excerpt(std::string_view text, std::size_t max_bytes = 20) {
  if (text.size() <= max_bytes) return text;
  while (max_bytes > 0 && (static_cast<unsigned char>(text[max_bytes]) & 0xC0) == 0x80) --max_bytes;
  return text.substr(0, max_bytes);
}

std::string resolveChild(std::string_view body, const std::optional<std::string>& child_name) {
  const bool has_name = child_name && !child_name->empty();
  if (body == kChild) {
    if (!has_name)
      throwBadInput(
          "text uses {child} without a fallback and no baby name was given: write "
          "{child|your baby}");
    return *child_name;
  }
  // body is "child|fallback"
  return has_name ? *child_name : std::string(body.substr(kChild.size() + 1));
}

std::string resolveAgreement(std::string_view body, model::Sex sex) {
  std::string problem;
  const auto chosen = forms::agreementFor(body, sex, problem);
  if (!chosen) throwBadInput(problem + ", like {f:lista|m:listo|u:con ganas}");
  return std::string(*chosen);
}

bool isChildMarker(std::string_view body) {
  return body == kChild ||
         (body.size() > kChild.size() && body.starts_with(kChild) && body[kChild.size()] == '|');
}

}  // namespace

std::string resolveText(const std::string& text_template,
                        const std::optional<std::string>& child_name, model::Sex sex) {
  std::string out;
  out.reserve(text_template.size() + 16);
  std::size_t pos = 0;
  while (pos < text_template.size()) {
    const std::size_t open = text_template.find('{', pos);
    if (open == std::string::npos) {
      out.append(text_template, pos);
      break;
    }
    out.append(text_template, pos, open - pos);
    const std::size_t close = text_template.find_first_of("{}", open + 1);
    if (close == std::string::npos || text_template[close] == '{')
      throwBadInput("marker starting " +
                    quoted(excerpt(std::string_view(text_template).substr(open))) +
                    " is not closed with }");
    const std::string_view body =
        std::string_view(text_template).substr(open + 1, close - open - 1);
    if (isChildMarker(body))
      out += resolveChild(body, child_name);
    else if (forms::looksLikeAgreement(body))
      out += resolveAgreement(body, sex);
    else
      out.append(text_template, open, close - open + 1);  // someone else's placeholder
    pos = close + 1;
  }
  return out;
}

}  // namespace securebase::handout
