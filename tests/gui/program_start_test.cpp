// The real program at start: an encrypted database asks for its passphrase in a dialog (a wrong
// one is said and can be retyped), and scripts give it with --passphrase-fd instead; then who is
// working, unless this computer remembers them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "gui_support.h"
#include "temp_dir.h"
#include "window_config.h"

namespace securebase::testing {
namespace {

void sleepMs(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// `text` single-quoted for the shell (the raw test key has quotes of its own).
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void typeInto(const std::string& window, const std::string& text) {
  run("xdotool mousemove --window " + window + " 60 60 type --delay 20 " + quoted(text) +
      " 2>/dev/null");
  run("xdotool key --delay 50 Return 2>/dev/null");
}

class ProgramStartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Okafor family", "Ada", "Obi");
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "start.db";
};

TEST_F(ProgramStartTest, AsksForThePassphraseUntilItIsRight) {
  AppProcess program({"--db", file_.string(), "--no-demo-offer"});
  const std::string dialog = waitForWindow("Unlock start.db");
  ASSERT_FALSE(dialog.empty()) << "no unlock dialog";
  sleepMs(500);
  typeInto(dialog, "wrong passphrase");
  sleepMs(2000);  // the full key derivation, then the message
  screenshot("program_unlock_wrong_passphrase");
  EXPECT_TRUE(program.running());
  EXPECT_TRUE(waitForWindow("SecureBase —", 300).empty()) << "opened with a wrong passphrase";
  typeInto(dialog, kTestKey);
  EXPECT_FALSE(waitForWindow("SecureBase — start.db").empty())
      << "the right passphrase did not open it";
  screenshot("program_unlocked");
}

TEST_F(ProgramStartTest, TakesThePassphraseFromADescriptor) {
  int pipe_ends[2];
  ASSERT_EQ(pipe(pipe_ends), 0);
  const std::string line = kTestKey + "\n";
  ASSERT_EQ(write(pipe_ends[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  close(pipe_ends[1]);
  AppProcess program(
      {"--db", file_.string(), "--no-demo-offer", "--passphrase-fd", std::to_string(pipe_ends[0])});
  close(pipe_ends[0]);
  EXPECT_FALSE(waitForWindow("SecureBase — start.db").empty());
  EXPECT_TRUE(waitForWindow("Unlock", 200).empty());
}

// Who is working is asked right after the passphrase when this computer remembers nobody, and
// not when it remembers one of the database's counselors.
TEST_F(ProgramStartTest, AsksWhoIsWorkingOnceOpenUnlessSomeoneIsRemembered) {
  const auto key = writeKeyFile(dir_.path());
  const std::vector<std::string> args = {"--db", file_.string(), "--no-demo-offer",
                                         "--passphrase-file", key.string()};
  app::WindowConfig::instance().setCounselor("");
  {
    AppProcess program(args);
    EXPECT_FALSE(waitForWindow("Who Is Working").empty()) << "nobody was asked who is working";
    screenshot("program_asks_who_is_working");
  }
  app::WindowConfig::instance().setCounselor(kTestCounselor);
  AppProcess program(args);
  EXPECT_FALSE(waitForWindow("SecureBase — start.db — Test Counselor").empty());
  EXPECT_TRUE(waitForWindow("Who Is Working", 1000).empty()) << "asked although remembered";
}

}  // namespace
}  // namespace securebase::testing
