// The error kinds every front end maps to its own way of telling the user: the CLI maps them to
// its exit codes (DESIGN §9), the desktop program to a message. `what()` is always one line that
// a counselor can act on.
#pragma once

#include <stdexcept>
#include <string>

namespace securebase {

enum class ErrorKind {
  bad_input = 1,  // malformed or invalid data, usage
  not_found = 2,  // an id or file that does not exist
  database = 3,   // locked, corrupt, wrong key, read-only
  output = 4,     // cannot write the requested output
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

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

}  // namespace securebase
