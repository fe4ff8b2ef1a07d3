#include "cli.h"

#include <boost/json/serialize.hpp>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"
#include "securebase/core/paths.h"
#include "securebase/core/utf8.h"
#include "securebase/service/counselor.h"
#include "securebase/service/workspace.h"
#include "securebase/store/migrations.h"
#include "securebase/store/recovery.h"

namespace securebase::cli {

std::optional<po::variables_map> parseOptions(const std::string& command, const std::string& usage,
                                              po::options_description options,
                                              const std::vector<std::string>& positional,
                                              const std::vector<std::string>& args) {
  options.add_options()("help,h", "show this help");
  po::positional_options_description pos;
  for (const auto& name : positional) pos.add(name.c_str(), 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(pos).run(), vm);
    if (vm.count("help")) {
      std::cout << "Usage: securebase-cli " << command << " " << usage << "\n\n" << options;
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throwBadInput(command + ": " + e.what() + " (see securebase-cli " + command + " --help)");
  }
  return vm;
}

void addDatabaseOptions(po::options_description& options) {
  options.add_options()("db", po::value<std::string>(),
                        "database file (default: $SECUREBASE_DB, else "
                        "$XDG_DATA_HOME/securebase/securebase.db)")(
      "as", po::value<std::string>(),
      "the counselor doing this work, who signs and is named in the audit trail (default: "
      "the setting counselor.name)");
  addPassphraseOptions(options);
}

void addFormatOption(po::options_description& options) {
  options.add_options()("format", po::value<std::string>()->default_value("table"),
                        "output format: table, csv or json");
}

namespace {

// SECUREBASE_BUSY_TIMEOUT_MS: how long to wait for another program's write to finish before
// giving up with "busy" (default 3 s). Scripts that prefer to fail fast, and the tests of the
// locked-database message, set it lower.
int busyTimeoutMs() {
  const char* text = std::getenv("SECUREBASE_BUSY_TIMEOUT_MS");
  if (text == nullptr || *text == '\0') return store::DatabaseOptions{}.busy_timeout_ms;
  int ms = -1;
  const char* end = text + std::strlen(text);
  auto [ptr, ec] = std::from_chars(text, end, ms);
  if (ec != std::errc{} || ptr != end || ms < 0)
    throwBadInput("SECUREBASE_BUSY_TIMEOUT_MS must be a whole number of milliseconds, not \"" +
                  std::string(text) + "\"");
  return ms;
}

}  // namespace

namespace {

bool writable(const std::filesystem::path& path) {
  return ::access(path.c_str(), W_OK) == 0;
}

std::string listed(const std::vector<std::filesystem::path>& files) {
  std::string text;
  for (const auto& file : files) text += (text.empty() ? "" : ", ") + file.filename().string();
  return text;
}

OpenStore openStoreAs(const po::variables_map& vm, bool create, bool reading) {
  std::optional<std::string> explicit_path;
  if (vm.count("db")) explicit_path = vm["db"].as<std::string>();
  const auto path = databaseFileOf(vm);
  if (!std::filesystem::exists(path)) {
    // Files of the database without the database: creating an empty one beside them would
    // hide the user's data, so nothing is done and init is not suggested.
    const auto remains = store::remainsOf(path);
    if (!remains.empty())
      throwNotFound("database " + path.string() +
                    " is missing, but files of it remain beside it (" + listed(remains) +
                    "); nothing was done: put it back with securebase-cli restore, or move "
                    "those files away before creating a new database");
    if (!create)
      throwNotFound("database " + path.string() +
                    " does not exist; create it with: securebase-cli init --db " + path.string());
  }
  if (create && !explicit_path && !std::getenv("SECUREBASE_DB"))
    std::filesystem::create_directories(path.parent_path());
  const int busy_timeout_ms = busyTimeoutMs();
  std::string key = databaseKey(vm, path, create);
  struct WipeKey {
    std::string& key;
    ~WipeKey() { wipe(key); }
  } wipe_key{key};
  // A reading command works on a file or folder it may not write to, without migrating it.
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const bool read_only = reading && (!writable(path) || !writable(folder));
  auto workspace = service::openWorkspace(
      path, {.database = {.key = key,
                          .busy_timeout_ms = busy_timeout_ms,
                          .create_if_missing = create,
                          .read_only = read_only},
             // Who is working: --as, else the personal setting (service/counselor.h); the login is
             // only kept beside it on audit rows.
             .counselor =
                 [&](store::Store& store) {
                   const std::string wanted = vm.count("as") ? vm["as"].as<std::string>() : "";
                   return service::workingCounselorName(store, wanted);
                 },
             .os_user = "cli:" + service::systemLogin()});
  OpenStore open;
  open.db = std::move(workspace.database);
  open.store = std::move(workspace.store);
  if (read_only && open.db->schemaVersion() != store::latestSchemaVersion())
    throwDatabase("database " + path.string() +
                  " is read-only and was made by another version of SecureBase; it can only be "
                  "read once SecureBase may write to it");
  return open;
}

}  // namespace

std::filesystem::path databaseFileOf(const po::variables_map& vm) {
  std::optional<std::string> explicit_path;
  if (vm.count("db")) explicit_path = vm["db"].as<std::string>();
  const auto path = databasePath(explicit_path);
  for (const auto& done : store::finishInterruptedChange(path))
    std::cerr << "securebase-cli: " << done.english() << "\n";

  return path;
}

OpenStore openStore(const po::variables_map& vm, bool create) {
  return openStoreAs(vm, create, false);
}

OpenStore openStoreToRead(const po::variables_map& vm) {
  return openStoreAs(vm, false, true);
}

Format formatOf(const po::variables_map& vm) {
  const std::string f = vm.count("format") ? vm["format"].as<std::string>() : "table";
  if (f == "table") return Format::table;
  if (f == "csv") return Format::csv;
  if (f == "json") return Format::json;
  throwBadInput("unknown format \"" + f + "\"; use table, csv or json");
}

namespace {

// Width on a terminal: one column per code point (the names we print are not East Asian wide).
std::size_t displayWidth(const std::string& text) {
  std::size_t width = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++width;
  return width;
}

// A table cell's lines (a cell holds line breaks when a setting spans several lines).
std::vector<std::string> cellLines(const std::string& cell) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = cell.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(cell.substr(start, end - start));
  lines.push_back(cell.substr(start));
  for (auto& piece : lines)
    if (!piece.empty() && piece.back() == '\r') piece.pop_back();
  return lines;
}

std::string csvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

ColumnKind kindOf(const Table& table, std::size_t column) {
  return column < table.kinds.size() ? table.kinds[column] : ColumnKind::text;
}

boost::json::value jsonCell(const std::string& cell, ColumnKind kind) {
  if (kind == ColumnKind::optional_text && cell == kAbsent) return nullptr;
  if (kind == ColumnKind::integer) {
    std::int64_t number = 0;
    auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), number);
    if (ec == std::errc{} && ptr == cell.data() + cell.size()) return number;
  }
  return boost::json::string(cell);
}

std::string csvCell(const std::string& cell, ColumnKind kind) {
  return kind == ColumnKind::optional_text && cell == kAbsent ? std::string() : csvField(cell);
}

}  // namespace

void printTable(const Table& table, Format format) {
  std::ostringstream out;
  if (format == Format::json) {
    boost::json::array rows;
    for (const auto& row : table.rows) {
      boost::json::object object;
      for (std::size_t c = 0; c < table.keys.size(); ++c)
        object[table.keys[c]] = jsonCell(row[c], kindOf(table, c));
      rows.push_back(std::move(object));
    }
    out << boost::json::serialize(rows) << "\n";
  } else if (format == Format::csv) {
    for (std::size_t c = 0; c < table.keys.size(); ++c)
      out << (c ? "," : "") << csvField(table.keys[c]);
    out << "\r\n";
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < row.size(); ++c)
        out << (c ? "," : "") << csvCell(row[c], kindOf(table, c));
      out << "\r\n";
    }
  } else {
    // A cell of several lines (help lines) takes as many lines of the table, its first beside
    // the row's other cells and the rest under it, so every column stays aligned.
    std::vector<std::size_t> widths;
    for (const auto& h : table.headers) widths.push_back(displayWidth(h));
    for (const auto& row : table.rows)
      for (std::size_t c = 0; c < row.size(); ++c)
        for (const auto& piece : cellLines(row[c]))
          widths[c] = std::max(widths[c], displayWidth(piece));
    auto line = [&](const std::vector<std::string>& cells) {
      std::vector<std::vector<std::string>> pieces;
      std::size_t height = 1;
      for (const auto& cell : cells) {
        pieces.push_back(cellLines(cell));
        height = std::max(height, pieces.back().size());
      }
      for (std::size_t l = 0; l < height; ++l) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
          const std::string piece = l < pieces[c].size() ? pieces[c][l] : std::string();
          text += piece;
          if (c + 1 < cells.size()) text += std::string(widths[c] - displayWidth(piece) + 2, ' ');
        }
        out << text << "\n";
      }
    };
    line(table.headers);
    std::vector<std::string> rule;
    for (auto w : widths) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& row : table.rows) line(row);
  }
  std::cout << out.str();
  std::cout.flush();
  if (!std::cout) throwOutput("could not write the output");
}

std::string readTextFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throwNotFound("cannot read " + path + ": no such file");
  if (std::filesystem::is_directory(path, ec))
    throwBadInput("cannot read " + path + ": it is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throwBadInput("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (!isValidUtf8(text.str())) throwBadInput(path + " is not valid UTF-8 text");
  return text.str();
}

model::Date parseDateOption(const std::string& text, const std::string& what) {
  auto date = model::Date::parse(text);
  if (!date) throwBadInput(what + " \"" + text + "\" is not a date like 2024-05-31");
  return *date;
}

model::Id parseId(const std::string& text, const std::string& what) {
  model::Id id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || ptr != text.data() + text.size() || id <= 0)
    throwBadInput(what + " \"" + text + "\" is not a valid id");
  return id;
}

}  // namespace securebase::cli
