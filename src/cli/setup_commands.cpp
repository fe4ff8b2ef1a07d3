// init and settings: creating the database and describing the clinic.
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/store/migrations.h"
#include "securebase/store/settings.h"

namespace securebase::cli {
namespace {

int init(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("unencrypted", po::bool_switch(),
                        "create the database without encryption (the default asks for a "
                        "passphrase and encrypts it)");
  auto vm = parseOptions("init", "[--db FILE] [--passphrase-fd N | --passphrase-file FILE]",
                         options, {}, args);
  if (!vm) return kOk;
  auto open = openStore(*vm, /*create=*/true);
  std::cout << "Database ready: " << open.db->file().string() << " (schema "
            << open.db->schemaVersion() << ", "
            << (open.db->encrypted() ? "encrypted" : "not encrypted") << ")\n";
  return kOk;
}

int settingsGet(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addFormatOption(options);
  options.add_options()("key", po::value<std::string>(), "one setting to print (default: all)");
  auto vm = parseOptions("settings get", "[KEY] [--db FILE] [--format table|csv|json]", options,
                         {"key"}, args);
  if (!vm) return kOk;
  const Format format = formatOf(*vm);
  auto open = openStore(*vm);
  const auto values = open.store->settings();
  if (vm->count("key")) {
    const auto key = (*vm)["key"].as<std::string>();
    const auto& keys = store::Store::settingKeys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      throwBadInput("unknown setting \"" + key + "\"");
    auto it = values.find(key);
    if (it == values.end()) throwNotFound("setting " + key + " is not set");
    if (format == Format::table) {
      std::cout << it->second << "\n";
      return kOk;
    }
    printTable({{"key", "value"}, {"Setting", "Value"}, {{key, it->second}}, {}}, format);
    return kOk;
  }
  Table table{{"key", "value"}, {"Setting", "Value"}, {}, {}};
  for (const auto& key : store::Store::settingKeys()) {
    auto it = values.find(key);
    table.rows.push_back({key, it == values.end() ? "" : it->second});
  }
  printTable(table, format);
  return kOk;
}

int settingsSet(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("key", po::value<std::string>()->required(), "setting name")(
      "value", po::value<std::string>()->required(), "new value");
  std::string keys;
  for (const auto& spec : store::settingSpecs())
    keys += "\n  " + std::string(spec.key) + " (" + std::string(store::toString(spec.scope)) +
            "): " + spec.description;
  auto vm = parseOptions("settings set", "KEY VALUE [--db FILE]\n\nKeys:" + keys, options,
                         {"key", "value"}, args);
  if (!vm) return kOk;
  auto open = openStore(*vm);
  open.store->setSetting((*vm)["key"].as<std::string>(), (*vm)["value"].as<std::string>());
  return kOk;
}

int counselorAdd(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("name", po::value<std::string>()->required(), "full name")(
      "email", po::value<std::string>()->default_value(""), "e-mail")(
      "phone", po::value<std::string>()->default_value(""), "phone");
  auto vm = parseOptions("counselor add", "--name NAME [--email E] [--phone P]", options, {}, args);
  if (!vm) return kOk;
  auto open = openStore(*vm);
  model::Counselor c;
  c.name = (*vm)["name"].as<std::string>();
  c.email = (*vm)["email"].as<std::string>();
  c.phone = (*vm)["phone"].as<std::string>();
  if (open.store->findCounselorByName(c.name))
    throwBadInput("a counselor named \"" + c.name + "\" already exists");
  std::cout << open.store->addCounselor(c) << "\n";
  return kOk;
}

int counselorList(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addFormatOption(options);
  auto vm = parseOptions("counselor list", "[--format table|csv|json]", options, {}, args);
  if (!vm) return kOk;
  const Format format = formatOf(*vm);
  auto open = openStore(*vm);
  Table table{{"id", "name", "email", "phone"},
              {"ID", "Name", "E-mail", "Phone"},
              {},
              {ColumnKind::integer, ColumnKind::text, ColumnKind::text, ColumnKind::text}};
  for (const auto& c : open.store->counselors())
    table.rows.push_back({std::to_string(c.id), c.name, c.email, c.phone});
  printTable(table, format);
  return kOk;
}

}  // namespace

std::vector<Command> setupCommands() {
  return {{"init", "create the database (or bring an existing one up to date)", init},
          {"settings get", "print the clinic's settings", settingsGet},
          {"settings set", "change one setting (clinic name, phone, help lines, defaults…)",
           settingsSet},
          {"counselor add", "add a counselor (who signs visits: --as NAME)", counselorAdd},
          {"counselor list", "the counselors in this database", counselorList}};
}

}  // namespace securebase::cli
