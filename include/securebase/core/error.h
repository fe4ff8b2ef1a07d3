// The error kinds every front end maps to its own way of telling the user: the CLI maps them to
// its exit codes (DESIGN §9), the desktop program to a message. `what()` is always one line that
// a counselor can act on.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace securebase {

// A message of fixed wording whose parts vary: "visit date {1} is before {2} was born ({3})".
// The CLI shows its English (what()); the desktop program looks the wording up in its catalog
// and fills in the same parts, so a counselor reads it in the interface's language. A part is
// shown as it is (a name, date, number, path) or is itself a wording to translate (a phrase
// such as "family name", or advice with parts of its own). Wordings are written at the call of
// errorText() or errorPhrase(), where assets/locale/extract-strings.sh finds them.
struct ErrorText {
  std::string wording;
  std::vector<ErrorText> parts;
  bool translated = true;  // false: shown as it is

  // The wording through `translate`, with {1}, {2}, … replaced by the parts (each rendered the
  // same way). The identity gives the English.
  template <typename Translate>
  std::string render(const Translate& translate) const {
    const std::string text = translated ? translate(wording) : wording;
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
      const std::size_t close = text.find('}', at);
      if (text[at] == '{' && close != std::string::npos && close > at + 1 && close < at + 4 &&
          text.find_first_not_of("0123456789", at + 1) == close) {
        const std::size_t n = std::stoul(text.substr(at + 1, close - at - 1));
        if (n >= 1 && n <= parts.size()) {
          out += parts[n - 1].render(translate);
          at = close;
          continue;
        }
      }
      out += text[at];
    }
    return out;
  }
  std::string english() const {
    return render([](const std::string& english_wording) { return english_wording; });
  }
};

// A phrase of the program's own that goes into messages as a part ("family name"): marked for
// translation, returned as it is.
constexpr const char* errorPhrase(const char* english) {
  return english;
}

namespace detail {
inline ErrorText errorPart(ErrorText part) {
  return part;
}
inline ErrorText errorPart(std::string text) {
  return {std::move(text), {}, false};
}
inline ErrorText errorPart(const char* text) {
  return {text, {}, false};
}
template <typename Number, typename = std::enable_if_t<std::is_arithmetic_v<Number>>>
ErrorText errorPart(Number n) {
  return {std::to_string(n), {}, false};
}
}  // namespace detail

// `wording` with its parts: text and numbers shown as they are, ErrorText parts translated too.
template <typename... Parts>
ErrorText errorText(const char* wording, Parts&&... parts) {
  return {wording, {detail::errorPart(std::forward<Parts>(parts))...}, true};
}
// A phrase (errorPhrase) as a part that the window translates.
inline ErrorText phrasePart(std::string_view phrase) {
  return {std::string(phrase), {}, true};
}

enum class ErrorKind {
  bad_input = 1,  // malformed or invalid data, usage
  not_found = 2,  // an id or file that does not exist
  database = 3,   // locked, corrupt, wrong key, read-only
  output = 4,     // cannot write the requested output
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Error(ErrorKind kind, ErrorText text)
      : std::runtime_error(text.english()), kind_(kind), text_(std::move(text)) {}
  ErrorKind kind() const { return kind_; }
  // The wording and parts when the message was made with errorText(); else empty.
  const ErrorText& text() const { return text_; }

 private:
  ErrorKind kind_;
  ErrorText text_;
};

// `error`'s message as a part of another message: translated as its own wording when it was made
// with errorText(), else shown as it is.
inline ErrorText causePart(const std::exception& error) {
  const auto* core = dynamic_cast<const Error*>(&error);
  if (core != nullptr && !core->text().wording.empty()) return core->text();
  return {error.what(), {}, false};
}

[[noreturn]] inline void throwBadInput(const std::string& m) {
  throw Error(ErrorKind::bad_input, m);
}
[[noreturn]] inline void throwNotFound(const std::string& m) {
  throw Error(ErrorKind::not_found, m);
}
[[noreturn]] inline void throwDatabase(const std::string& m) {
  throw Error(ErrorKind::database, m);
}
[[noreturn]] inline void throwOutput(const std::string& m) {
  throw Error(ErrorKind::output, m);
}
[[noreturn]] inline void throwBadInput(ErrorText m) {
  throw Error(ErrorKind::bad_input, std::move(m));
}
[[noreturn]] inline void throwNotFound(ErrorText m) {
  throw Error(ErrorKind::not_found, std::move(m));
}
[[noreturn]] inline void throwDatabase(ErrorText m) {
  throw Error(ErrorKind::database, std::move(m));
}
[[noreturn]] inline void throwOutput(ErrorText m) {
  throw Error(ErrorKind::output, std::move(m));
}

}  // namespace securebase
