#include "securebase/json/strict_parse.h"

#include <boost/json/error.hpp>
#include <boost/json/stream_parser.hpp>
#include <cstdlib>

#include "securebase/core/error.h"
#include "securebase/json/duplicate_keys.h"
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

}  // namespace

boost::json::value parseStrict(std::string_view text, const std::string& source,
                               std::string_view what, Thrower fail) {
  const auto refuse = [&](std::size_t offset, const std::string& problem) {
    fail(source + ": " + lineColumn(text, offset) + ": " + problem);
    std::abort();  // a thrower that returns is a programming error
  };
  if (auto bad = firstInvalidUtf8(text))
    refuse(*bad, "not valid UTF-8 text (save the file as UTF-8)");
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (ec) refuse(used, "not valid JSON" + syntaxDetail(ec));
  if (auto extra = text.substr(used).find_first_not_of(" \t\r\n"); extra != std::string_view::npos)
    refuse(used + extra, "not valid JSON (text after the end of " + std::string(what) + ")");
  parser.finish(ec);
  if (ec) refuse(text.size(), "not valid JSON (the file ends too early: a '}' or ']' is missing)");
  if (auto duplicate = findDuplicateKey(text)) {
    fail(source + ": " + *duplicate);
    std::abort();
  }
  return parser.release();
}

}  // namespace securebase::json
