#include "securebase/json/strict_parse.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <cstdlib>
#include <optional>

#include "duplicate_key_finder.h"
#include "securebase/core/error.h"
#include "securebase/json/source_position.h"

namespace securebase::json {

void throwBadInputError(const std::string& message) {
  throwBadInput(message);
}

namespace {

// Boost's message adds nothing to a plain syntax error; the others name what was expected.
std::string syntaxDetail(const boost::system::error_code& ec) {
  return ec == boost::json::error::syntax ? std::string() : " (" + ec.message() + ")";
}

// The first problem of each kind, as the text goes by; which one is told follows the order of
// importance: invalid UTF-8 anywhere, then syntax, then a key written twice.
struct Problem {
  std::size_t offset = 0;
  std::string words;
};

// Invalid UTF-8 across pieces: a sequence cut by a piece's end is finished with the next.
class Utf8Check {
 public:
  // False once the first invalid byte is found (its offset in `bad`).
  bool add(std::string_view piece, std::size_t offset, bool last) {
    carry_.append(piece);
    const std::size_t base = offset + piece.size() - carry_.size();
    const auto found = firstInvalidUtf8(carry_);
    if (found && (last || carry_.size() - *found >= 4)) {
      bad = base + *found;
      return false;
    }
    carry_ = found ? carry_.substr(*found) : std::string();
    return true;
  }
  std::optional<std::size_t> bad;

 private:
  std::string carry_;
};

}  // namespace

void checkStrict(const ByteSource& text, const std::string& source, std::string_view what,
                 Thrower fail) {
  const auto refuse = [&](std::size_t offset, const std::string& problem) {
    fail(source + ": " + lineColumn(text, offset) + ": " + problem);
    std::abort();  // a thrower that returns is a programming error
  };
  Utf8Check utf8;
  boost::json::basic_parser<detail::DuplicateKeyFinder> parser{boost::json::parse_options{}, true};
  std::optional<Problem> syntax;
  const std::size_t size = text.size();
  forEachPiece(text, 0, size, [&](std::string_view piece, std::size_t offset) {
    if (!utf8.add(piece, offset, offset + piece.size() == size)) return false;
    if (syntax) return true;
    std::size_t used = 0;
    if (!parser.done()) {
      boost::system::error_code ec;
      used = parser.write_some(true, piece.data(), piece.size(), ec);
      if (ec) {
        syntax = Problem{offset + used, "not valid JSON" + syntaxDetail(ec)};
        return true;
      }
    }
    if (parser.done())
      if (auto extra = piece.substr(used).find_first_not_of(" \t\r\n");
          extra != std::string_view::npos)
        syntax = Problem{offset + used + extra,
                         "not valid JSON (text after the end of " + std::string(what) + ")"};
    return true;
  });
  if (utf8.bad) refuse(*utf8.bad, "not valid UTF-8 text (save the file as UTF-8)");
  if (syntax) refuse(syntax->offset, syntax->words);
  if (!parser.done()) {
    boost::system::error_code ec;
    parser.write_some(false, nullptr, 0, ec);
    if (ec || !parser.done())
      refuse(size, "not valid JSON (the file ends too early: a '}' or ']' is missing)");
  }
  if (const auto& duplicate = parser.handler().found) {
    fail(source + ": " + *duplicate);
    std::abort();
  }
}

boost::json::value parseStrict(std::string_view text, const std::string& source,
                               std::string_view what, Thrower fail) {
  checkStrict(TextSource(text), source, what, fail);
  return boost::json::parse(text);
}

}  // namespace securebase::json
