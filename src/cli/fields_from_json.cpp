#include "fields_from_json.h"

#include <boost/json/value.hpp>
#include <iostream>
#include <iterator>
#include <set>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"
#include "securebase/json/strict_parse.h"

namespace securebase::cli {

void addFieldsFromOption(po::options_description& options) {
  options.add_options()("from", po::value<std::string>(),
                        "read the fields as one JSON object, e.g. {\"name\": \"…\"}, from this "
                        "file (- for standard input) instead of arguments, which other users "
                        "can see in the process list");
}

namespace {

std::string readFields(const std::string& source) {
  if (source != "-") return readTextFile(source);
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (!isValidUtf8(text)) throwBadInput("the fields on standard input are not valid UTF-8 text");
  return text;
}

}  // namespace

std::vector<std::string> withFieldsFromJson(const std::vector<std::string>& args,
                                            const po::options_description& options) {
  std::vector<std::string> rest;
  std::optional<std::string> source;
  std::set<std::string> given;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--from" && i + 1 < args.size()) {
      source = args[++i];
    } else if (args[i].rfind("--from=", 0) == 0) {
      source = args[i].substr(7);
    } else {
      if (args[i].rfind("--", 0) == 0) given.insert(args[i].substr(2, args[i].find('=') - 2));
      rest.push_back(args[i]);
    }
  }
  if (!source) return args;
  const std::string where = *source == "-" ? "standard input" : *source;
  const auto json = securebase::json::parseStrict(readFields(*source), where, "the fields");
  if (!json.is_object())
    throwBadInput("the fields in " + where + " must be one JSON object, e.g. {\"name\": \"…\"}");
  for (const auto& [key, value] : json.as_object()) {
    const std::string name(key);
    if (name == "from" || name == "help" || name == "db" || name.rfind("passphrase", 0) == 0 ||
        options.find_nothrow(name, false) == nullptr)
      throwBadInput("unknown field \"" + name + "\" in " + where);
    if (given.count(name))
      throwBadInput("\"" + name + "\" is given both in " + where + " and as --" + name);
    std::string text;
    if (value.is_string())
      text = std::string(value.as_string());
    else if (value.is_int64())
      text = std::to_string(value.as_int64());
    else
      throwBadInput("field \"" + name + "\" in " + where + " must be text or a whole number");
    rest.push_back("--" + name + "=" + text);
  }
  return rest;
}

}  // namespace securebase::cli
