// Passphrases and keys are overwritten when their holders are done with them (passphrase.h,
// secret_text.h, DatabaseOptions). Each test looks at the bytes of a buffer that is still
// allocated (or at an object's own storage after its destructor ran) and fails if any byte of
// the secret is left there.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <new>

#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"
#include "securebase/core/secret_text.h"
#include "securebase/store/database.h"
#include "temp_dir.h"

using namespace securebase;
using securebase::testing::TempDir;

namespace {

bool allZero(const unsigned char* bytes, std::size_t count) {
  return std::all_of(bytes, bytes + count, [](unsigned char b) { return b == 0; });
}
bool allZero(const char* bytes, std::size_t count) {
  return allZero(reinterpret_cast<const unsigned char*>(bytes), count);
}

bool holds(const unsigned char* bytes, std::size_t count, std::string_view text) {
  const auto* begin = reinterpret_cast<const char*>(bytes);
  return std::string_view(begin, count).find(text) != std::string_view::npos;
}

}  // namespace

TEST(SecretWipe, WipeOverwritesTheWholeBufferNotOnlyTheCurrentText) {
  std::string secret(40, 'k');
  secret.resize(5);  // the other 35 'k' stay in the buffer, past the length
  const char* buffer = secret.data();
  const std::size_t capacity = secret.capacity();
  wipe(secret);
  EXPECT_TRUE(secret.empty());
  ASSERT_EQ(secret.data(), buffer);  // the same buffer, still allocated
  EXPECT_TRUE(allZero(buffer, capacity + 1));
}

TEST(SecretWipe, WipeOverwritesAShortStringKeptInsideTheObject) {
  std::string secret = "hunter2";
  const char* buffer = secret.data();
  const std::size_t capacity = secret.capacity();
  wipe(secret);
  ASSERT_EQ(secret.data(), buffer);
  EXPECT_TRUE(allZero(buffer, capacity + 1));
}

TEST(SecretWipe, AppendSecretKeepsEveryCharacterAcrossGrowth) {
  std::string secret;
  std::string expected;
  for (int i = 0; i < 500; ++i) {
    const std::string piece = std::to_string(i) + "é";
    appendSecret(secret, piece);
    expected += piece;
  }
  EXPECT_EQ(secret, expected);
}

TEST(SecretWipe, SecretTextDestructorOverwritesItsStorage) {
  alignas(SecretText) unsigned char storage[sizeof(SecretText)];
  auto* secret = new (storage) SecretText(std::string("hunter2"));  // short: kept inline
  ASSERT_TRUE(holds(storage, sizeof storage, "hunter2"));
  secret->~SecretText();
  EXPECT_FALSE(holds(storage, sizeof storage, "unter2"));
}

TEST(SecretWipe, MovingASecretTextOverwritesWhatItLeavesBehind) {
  SecretText from(std::string("hunter2"));
  const char* left = from.text.data();
  const std::size_t capacity = from.text.capacity();
  const SecretText to(std::move(from));
  EXPECT_EQ(to.text, "hunter2");
  EXPECT_TRUE(allZero(left, capacity + 1));
}

TEST(SecretWipe, DatabaseOptionsOverwriteTheirKeyWhenDestroyed) {
  alignas(store::DatabaseOptions) unsigned char storage[sizeof(store::DatabaseOptions)];
  auto* options = new (storage) store::DatabaseOptions{.key = "pass-12"};
  ASSERT_TRUE(holds(storage, sizeof storage, "pass-12"));
  options->~DatabaseOptions();
  EXPECT_FALSE(holds(storage, sizeof storage, "ass-12"));
}

TEST(SecretWipe, PassphraseFileGivesItsFirstLineWhateverItsLength) {
  TempDir dir;
  const auto file = dir.path() / "pass.txt";
  const std::string long_line(5000, 'p');
  for (const std::string& line : {std::string("correct horse"), long_line}) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << line << "\r\nsecond line\n";
    EXPECT_EQ(readPassphraseFile(file.string()), line);
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << "\nafter an empty line\n";
  EXPECT_THROW(readPassphraseFile(file.string()), Error);
  EXPECT_THROW(readPassphraseFile((dir.path() / "missing").string()), Error);
}

TEST(SecretWipe, PassphraseDescriptorGivesItsFirstLine) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string text = "piped passphrase\nnext\n";
  ASSERT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  EXPECT_EQ(readPassphraseFd(fds[0]), "piped passphrase");
}
