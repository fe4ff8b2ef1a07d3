#include "securebase/json/document_scanner.h"

#include <boost/json/parse.hpp>

namespace securebase::json {
namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// A byte-by-byte walk over valid JSON: only strings (where brackets do not count) and the depth
// of brackets matter to find where each member and element ends.
class Scanner {
 public:
  explicit Scanner(const DocumentVisitor& visitor) : visitor_(visitor) {}

  // False when the root turns out not to be an object.
  bool feed(std::string_view piece, std::size_t offset) {
    for (std::size_t i = 0; i < piece.size(); ++i)
      if (!step(piece[i], offset + i)) return false;
    return true;
  }

 private:
  enum class State {
    before_root,
    want_key,
    in_key,
    want_colon,
    want_value,
    in_value,
    in_array,
    in_element,
    after_member,
    done
  };

  bool step(char c, std::size_t at) {
    if (in_string_) {
      if (capturing()) capture_ += c;
      if (escaped_)
        escaped_ = false;
      else if (c == '\\')
        escaped_ = true;
      else if (c == '"')
        closeString();
      return true;
    }
    switch (state_) {
      case State::before_root:
        if (isSpace(c)) return true;
        if (c != '{') return false;
        state_ = State::want_key;
        return true;
      case State::want_key:
        if (c == '"') {
          capture_ = c;
          in_string_ = true;
          state_ = State::in_key;
        } else if (c == '}') {
          state_ = State::done;
        }
        return true;
      case State::want_colon:
        if (c == ':') state_ = State::want_value;
        return true;
      case State::want_value:
        if (isSpace(c)) return true;
        if (c == '[' && visitor_.stream(key_)) {
          state_ = State::in_array;
          index_ = 0;
          return true;
        }
        state_ = State::in_value;
        begin(c, at);
        return true;
      case State::in_value:
        if (depth_ == 0 && (c == ',' || c == '}')) {
          visitor_.member(key_, capture_);
          state_ = c == ',' ? State::want_key : State::done;
        } else {
          track(c);
        }
        return true;
      case State::in_array:
        if (isSpace(c) || c == ',') return true;
        if (c == ']') {
          visitor_.member(key_, "[]");
          state_ = State::after_member;
          return true;
        }
        state_ = State::in_element;
        begin(c, at);
        return true;
      case State::in_element:
        if (depth_ == 0 && (c == ',' || c == ']')) {
          const std::size_t end = trimmedEnd();
          visitor_.element(key_, index_++, std::string_view(capture_).substr(0, end - start_),
                           start_, end);
          if (c == ',') {
            state_ = State::in_array;
          } else {
            visitor_.member(key_, "[]");
            state_ = State::after_member;
          }
        } else {
          track(c);
        }
        return true;
      case State::after_member:
        if (c == ',') state_ = State::want_key;
        if (c == '}') state_ = State::done;
        return true;
      case State::in_key:
      case State::done:
        return true;
    }
    return true;
  }

  bool capturing() const {
    return state_ == State::in_key || state_ == State::in_value || state_ == State::in_element;
  }

  void closeString() {
    in_string_ = false;
    if (state_ != State::in_key) return;
    key_ = boost::json::parse(capture_).as_string().c_str();
    state_ = State::want_colon;
  }

  void begin(char c, std::size_t at) {
    capture_.clear();
    start_ = at;
    depth_ = 0;
    track(c);
  }

  void track(char c) {
    capture_ += c;
    if (c == '{' || c == '[')
      ++depth_;
    else if (c == '}' || c == ']')
      --depth_;
    else if (c == '"')
      in_string_ = true;
  }

  // The element's end without the white space before its ',' or ']'.
  std::size_t trimmedEnd() const {
    std::size_t length = capture_.size();
    while (length > 0 && isSpace(capture_[length - 1])) --length;
    return start_ + length;
  }

  const DocumentVisitor& visitor_;
  State state_ = State::before_root;
  bool in_string_ = false;
  bool escaped_ = false;
  int depth_ = 0;
  std::string key_;
  std::string capture_;
  std::size_t start_ = 0;
  std::size_t index_ = 0;
};

}  // namespace

bool scanDocument(const ByteSource& text, const DocumentVisitor& visitor) {
  Scanner scanner(visitor);
  bool object = true;
  forEachPiece(text, 0, text.size(), [&](std::string_view piece, std::size_t offset) {
    object = scanner.feed(piece, offset);
    return object;
  });
  return object;
}

}  // namespace securebase::json
