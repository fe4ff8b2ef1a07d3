#include "laptop.h"

#include <gtest/gtest.h>

#include "temp_dir.h"
#include "test_key.h"

namespace securebase::testing {

namespace {
std::filesystem::path made(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  return folder;
}
}  // namespace

Laptop::Laptop(const std::filesystem::path& folder, std::string server,
               std::filesystem::path password)
    : folder_(made(folder)),
      db_(folder / "securebase.db"),
      key_file_(folder / "key.txt"),
      password_(std::move(password)),
      server_(std::move(server)),
      runner_(folder) {
  writeFile(key_file_, kTestKey + "\n");
}

std::vector<std::string> Laptop::withDatabase(std::vector<std::string> args) const {
  args.insert(args.end(), {"--db", db_.string(), "--passphrase-file", key_file_.string()});
  return args;
}

std::vector<std::string> Laptop::syncArgs() const {
  return {"sync", "--server", server_, "--server-passphrase-file", password_.string()};
}

CliResult Laptop::run(std::vector<std::string> args) const {
  return runner_.run(withDatabase(std::move(args)), {}, std::chrono::seconds(60));
}

std::string Laptop::ok(const std::vector<std::string>& args) const {
  return successOutput(run(args), args);
}

CliResult Laptop::sync(const std::vector<std::string>& extra) const {
  auto args = syncArgs();
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

CliProcess Laptop::startSync() const {
  return runner_.start(withDatabase(syncArgs()));
}

void Laptop::setUp(const std::string& counselor) const {
  ok({"init"});
  ok({"counselor", "add", "--name", counselor});
  ok({"settings", "set", "counselor.name", counselor});
}

std::vector<std::string> Laptop::addFamily(const std::string& name, const std::string& counselor,
                                           const std::string& baby) const {
  const auto family =
      ok({"family", "add", "--name", name, "--since", "2025-01-01", "--counselor", counselor});
  const auto caregiver = ok({"caregiver", "add", "--family", family, "--name", "Mamá de " + baby,
                             "--relationship", "mother"});
  const auto child = ok({"child", "add", "--family", family, "--name", baby, "--born", "2025-01-10",
                         "--sex", "female"});
  return {family, caregiver, child};
}

std::string Laptop::addVisit(const std::vector<std::string>& family,
                             const std::string& date) const {
  const auto path = folder_ / ("visit-" + family[0] + "-" + date + ".json");
  writeFile(path, "{\"family_id\": " + family[0] + ", \"date\": \"" + date +
                      "\", \"outcome\": \"completed\", \"place\": \"home\", "
                      "\"present\": \"mother, baby\", \"form_id\": \"attachment-practices\", "
                      "\"form_version\": 1, \"notes\": \"Calm visit; \\\"quoted\\\" words\", "
                      "\"observation_sets\": [{\"caregiver_id\": " +
                      family[1] + ", \"child_id\": " + family[2] +
                      ", \"observations\": [{\"item_id\": \"responds-to-cry\", \"rating\": 2, "
                      "\"note\": \"went to her at once, {braces} and \\\\ backslash\"}, "
                      "{\"item_id\": \"uses-quiet-alert-time\", \"not_observed\": true}, "
                      "{\"item_id\": \"wellbeing-concern\", \"value\": \"no\"}]}]}");
  return ok({"visit", "add", "--from", path.string()});
}

}  // namespace securebase::testing
