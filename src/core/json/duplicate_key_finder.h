// The handler that finds a key written twice in one object (duplicate_keys.h), for the parses
// of the json layer that need it directly (the streamed strict check).
#pragma once

#include <boost/json/basic_parser.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "securebase/json/json_path.h"

namespace securebase::json::detail {

using boost::system::error_code;
using JsonText = boost::json::string_view;

// A SAX handler that follows the path of each value and remembers the keys of every open
// object. It stops the parse at the first repeated key, or with `keep_going` notes the first and
// reads on, so that a streamed check still finds a syntax error further on (which comes first).
class DuplicateKeyFinder {
 public:
  explicit DuplicateKeyFinder(bool keep_going = false) : keep_going_(keep_going) {}

  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();

  std::optional<std::string> found;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code&) {
    beginValue();
    frames_.push_back(Frame{false, {}, 0, {}});
    return true;
  }
  bool on_array_end(std::size_t, error_code&) {
    frames_.pop_back();
    return true;
  }
  bool on_object_begin(error_code&) {
    beginValue();
    frames_.push_back(Frame{true, {}, 0, {}});
    return true;
  }
  bool on_object_end(std::size_t, error_code&) {
    frames_.pop_back();
    return true;
  }
  bool on_string_part(JsonText, std::size_t, error_code&) { return partValue(); }
  bool on_string(JsonText, std::size_t, error_code&) { return wholeValue(); }
  bool on_key_part(JsonText part, std::size_t, error_code&) {
    key_.append(part.data(), part.size());
    return true;
  }
  bool on_key(JsonText last, std::size_t, error_code& ec) {
    key_.append(last.data(), last.size());
    Frame& frame = frames_.back();
    if (!frame.keys.insert(key_).second && !found) {
      found = pathOfOpenObject() + ": field \"" + key_ + "\" appears twice";
      if (!keep_going_) {
        ec = boost::json::error::syntax;  // stops the parse; the caller reads `found`
        return false;
      }
    }
    frame.key = key_;
    key_.clear();
    return true;
  }
  bool on_number_part(JsonText, error_code&) { return partValue(); }
  bool on_int64(std::int64_t, JsonText, error_code&) { return wholeValue(); }
  bool on_uint64(std::uint64_t, JsonText, error_code&) { return wholeValue(); }
  bool on_double(double, JsonText, error_code&) { return wholeValue(); }
  bool on_bool(bool, error_code&) { return wholeValue(); }
  bool on_null(error_code&) { return wholeValue(); }
  bool on_comment_part(JsonText, error_code&) { return true; }
  bool on_comment(JsonText, error_code&) { return true; }

 private:
  struct Frame {
    bool is_object;
    std::string key;    // objects: key of the value being read
    std::size_t count;  // arrays: values started so far
    std::set<std::string> keys;
  };

  void beginValue() {
    if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().count;
  }
  bool partValue() {
    if (!in_part_) beginValue();
    in_part_ = true;
    return true;
  }
  bool wholeValue() {
    if (!in_part_) beginValue();
    in_part_ = false;
    return true;
  }
  std::string pathOfOpenObject() const {
    std::string path = "$";
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i)
      path = frames_[i].is_object ? fieldPath(path, frames_[i].key)
                                  : indexPath(path, frames_[i].count - 1);
    return path;
  }

  bool keep_going_;
  std::vector<Frame> frames_;
  std::string key_;
  bool in_part_ = false;
};

}  // namespace securebase::json::detail
