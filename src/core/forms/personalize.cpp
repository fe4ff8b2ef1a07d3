#include "securebase/forms/personalize.h"

#include <array>
#include <cctype>

namespace securebase::forms {

namespace {

constexpr std::string_view kChild = "child";

struct Alternatives {
  std::array<std::string_view, 3> text;  // indexed like model::Sex: female, male, unknown
};

std::size_t sexIndex(char letter) {
  switch (letter) {
    case 'f':
      return 0;
    case 'm':
      return 1;
    case 'u':
      return 2;
    default:
      return 3;
  }
}

std::size_t sexIndex(model::Sex sex) {
  switch (sex) {
    case model::Sex::female:
      return 0;
    case model::Sex::male:
      return 1;
    case model::Sex::unknown:
      return 2;
  }
  return 2;
}

// Finds the '}' closing the brace at `open`, stepping over {child} inside a marker.
std::optional<std::size_t> closingBrace(std::string_view text, std::size_t open) {
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '}') return i;
    if (text[i] == '{') {
      if (text.substr(i + 1, kChild.size() + 1) != "child}") return std::nullopt;
      i += kChild.size() + 1;
    }
  }
  return std::nullopt;
}

bool looksLikeMarker(std::string_view content) {
  return content.size() >= 2 && std::islower(static_cast<unsigned char>(content[0])) &&
         content[1] == ':';
}

// Parses "f:…|m:…|u:…"; returns the problem through `problem` when malformed.
std::optional<Alternatives> parseMarker(std::string_view content, std::string& problem) {
  Alternatives result;
  std::array<bool, 3> seen{false, false, false};
  const std::string shown = "{" + std::string(content) + "}";
  std::size_t start = 0;
  while (start <= content.size()) {
    std::size_t bar = content.find('|', start);
    if (bar == std::string_view::npos) bar = content.size();
    const std::string_view part = content.substr(start, bar - start);
    if (part.size() < 2 || part[1] != ':' || sexIndex(part[0]) > 2) {
      problem = "agreement marker " + shown + " has an alternative \"" + std::string(part) +
                "\" that does not start with f:, m: or u:";
      return std::nullopt;
    }
    const std::size_t index = sexIndex(part[0]);
    if (seen[index]) {
      problem = "agreement marker " + shown + " repeats the " + part[0] + ": alternative";
      return std::nullopt;
    }
    seen[index] = true;
    result.text[index] = part.substr(2);
    start = bar + 1;
  }
  for (char letter : {'f', 'm', 'u'}) {
    if (!seen[sexIndex(letter)]) {
      problem = "agreement marker " + shown + " lacks the " + letter + ": alternative";
      return std::nullopt;
    }
  }
  return result;
}

bool startsSentence(const std::string& before) {
  std::string_view rest(before);
  for (;;) {
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    // An opening ¿ or ¡ (two bytes each in UTF-8) belongs to the sentence that follows.
    if (rest.size() >= 2 && (rest.substr(rest.size() - 2) == "\xC2\xBF" ||
                             rest.substr(rest.size() - 2) == "\xC2\xA1")) {
      rest.remove_suffix(2);
      continue;
    }
    break;
  }
  return rest.empty() || rest.back() == '.' || rest.back() == '!' || rest.back() == '?';
}

std::string replaceChild(std::string_view text, const std::string& name, bool name_is_fallback) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = text.find("{child}", start);
    out.append(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return out;
    std::string insert = name;
    if (name_is_fallback && !insert.empty() && startsSentence(out))
      insert[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(insert[0])));
    out += insert;
    start = at + kChild.size() + 2;
  }
}

bool isBlank(const std::string& text) {
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

bool looksLikeAgreement(std::string_view body) {
  return looksLikeMarker(body);
}

std::optional<std::string_view> agreementFor(std::string_view body, model::Sex sex,
                                             std::string& problem) {
  const auto marker = parseMarker(body, problem);
  if (!marker) return std::nullopt;
  return marker->text[sexIndex(sex)];
}

std::optional<std::string> checkTemplate(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') return std::string("a '}' has no matching '{'");
    if (text[i] != '{') continue;
    const auto close = closingBrace(text, i);
    if (!close)
      return "a '{' is not closed, or holds a placeholder other than {child}: \"" +
             std::string(text.substr(i, 24)) + "\"";
    const std::string_view content = text.substr(i + 1, *close - i - 1);
    if (content != kChild) {
      if (!looksLikeMarker(content))
        return "unknown placeholder \"{" + std::string(content) + "}\"";
      std::string problem;
      if (!parseMarker(content, problem)) return problem;
    }
    i = *close;
  }
  return std::nullopt;
}

std::string personalize(const LocalizedText& text, model::Language language,
                        const std::string& child_name, model::Sex sex) {
  // A text missing in the requested language falls back to English, and so does the name.
  if (!text.has(model::toString(language))) language = model::Language::en;
  const std::string& source = text.get(language);
  std::string resolved;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const auto close = source[i] == '{' ? closingBrace(source, i) : std::nullopt;
    if (!close) {
      resolved += source[i];
      continue;
    }
    const std::string_view content = std::string_view(source).substr(i + 1, *close - i - 1);
    std::string problem;
    const auto marker =
        looksLikeMarker(content) ? parseMarker(content, problem) : std::optional<Alternatives>{};
    if (marker)
      resolved += marker->text[sexIndex(sex)];
    else
      resolved.append(source, i, *close - i + 1);  // {child}: filled in below
    i = *close;
  }
  const bool fallback = isBlank(child_name);
  const std::string name =
      fallback ? (language == model::Language::es ? "tu bebé" : "your baby") : child_name;
  return replaceChild(resolved, name, fallback);
}

}  // namespace securebase::forms
