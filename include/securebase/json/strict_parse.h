// The one strict parse of every JSON text SecureBase reads — forms, visit files, exports, the
// handout and report texts, pictures, fields given on the command line: invalid UTF-8, syntax
// errors, text after the end and a field written twice are all refused with the line and column
// of the first problem, in the same words whatever the file.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "securebase/json/byte_source.h"

namespace securebase::json {

// Throws the caller's error type for a one-line message; every reader takes one, so a form's
// problems stay FormErrors while an export's are plain bad input. Must not return.
using Thrower = void (*)(const std::string& message);

// Throws Error(bad_input); the default thrower.
[[noreturn]] void throwBadInputError(const std::string& message);

// Parses the whole of `text`. Problems are "<source>: line L, column C: <problem>"; `what` names
// the document in the message about trailing text ("the form", "the visit", "the export").
boost::json::value parseStrict(std::string_view text, const std::string& source,
                               std::string_view what, Thrower fail = &throwBadInputError);

// The same checks and words for a text too large to hold, read in pieces of kPieceSize: after
// it returns, the text is valid JSON and any part of it parses without surprises.
void checkStrict(const ByteSource& text, const std::string& source, std::string_view what,
                 Thrower fail = &throwBadInputError);

}  // namespace securebase::json
