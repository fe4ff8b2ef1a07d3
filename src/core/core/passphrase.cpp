#include "securebase/core/passphrase.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"

namespace securebase {

namespace {

// Keeps the first line of `text` in place: the rest is overwritten, and nothing is copied.
void keepFirstLine(std::string& text) {
  const auto end = std::min(text.find_first_of("\r\n"), text.size());
  ::explicit_bzero(text.data() + end, text.size() - end);
  text.resize(end);
}

void requireUsable(std::string& passphrase, const std::string& from) {
  const char* problem = passphrase.empty()         ? "is empty"
                        : !isValidUtf8(passphrase) ? "is not UTF-8"
                                                   : nullptr;
  if (problem == nullptr) return;
  wipe(passphrase);
  throwBadInput("the passphrase from " + from + " " + problem);
}

// Reads `fd` up to its first line end (or its end) into `text`, through a buffer that is wiped.
// Returns false when a read failed.
bool readLine(int fd, std::string& text) {
  char buffer[256];
  bool ok = true;
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
    appendSecret(text, std::string_view(buffer, static_cast<std::size_t>(n)));
    if (text.find('\n') != std::string::npos) break;
  }
  ::explicit_bzero(buffer, sizeof buffer);
  return ok;
}

}  // namespace

void wipe(std::string& secret) {
  // Filled up to its capacity first, so that what an earlier, longer content left past the
  // current length (or a move left in a short string's own buffer) is overwritten too.
  secret.resize(secret.capacity());
  ::explicit_bzero(secret.data(), secret.size());
  secret.clear();
}

void appendSecret(std::string& secret, std::string_view more) {
  if (secret.size() + more.size() > secret.capacity()) {
    // Grown by hand: std::string would free its old buffer without overwriting it.
    std::string larger;
    larger.reserve(std::max<std::size_t>(2 * (secret.size() + more.size()), 64));
    larger.append(secret);
    wipe(secret);
    secret.swap(larger);  // `larger` now holds the wiped old buffer
  }
  secret.append(more);
}

std::string readPassphraseFile(const std::string& path) {
  // Read with read(2), not a stream: a stream's own buffer would be freed holding the text.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throwNotFound("cannot read the passphrase file " + path);
  std::string passphrase;
  const bool ok = readLine(fd, passphrase);
  ::close(fd);
  if (!ok) {
    wipe(passphrase);
    throwNotFound("cannot read the passphrase file " + path);
  }
  keepFirstLine(passphrase);
  requireUsable(passphrase, "file " + path);
  return passphrase;
}

std::string readPassphraseFd(int fd) {
  if (fd < 0 || ::fcntl(fd, F_GETFD) < 0)
    throwBadInput("--passphrase-fd " + std::to_string(fd) + " is not an open file descriptor");
  std::string passphrase;
  readLine(fd, passphrase);
  ::close(fd);
  keepFirstLine(passphrase);
  requireUsable(passphrase, "descriptor " + std::to_string(fd));
  return passphrase;
}

std::string askPassphrase(const std::string& prompt, const std::string& no_terminal_hint) {
  const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0) throwBadInput("no terminal to ask for the passphrase on; " + no_terminal_hint);
  termios saved{};
  const bool have_termios = ::tcgetattr(tty, &saved) == 0;
  if (have_termios) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(tty, TCSAFLUSH, &quiet);
  }
  if (::write(tty, prompt.data(), prompt.size()) < 0) {
    // A prompt that cannot be shown still leaves the terminal to type on.
  }
  std::string passphrase;
  readLine(tty, passphrase);
  if (have_termios) ::tcsetattr(tty, TCSAFLUSH, &saved);
  ::close(tty);
  keepFirstLine(passphrase);
  requireUsable(passphrase, "the terminal");
  return passphrase;
}

void checkNewPassphrase(const std::string& passphrase) {
  if (passphrase.rfind("x'", 0) == 0) return;  // a raw key; Database checks its form
  std::size_t characters = 0;
  for (unsigned char c : passphrase)
    if ((c & 0xC0) != 0x80) ++characters;
  if (characters < kMinimumPassphraseLength)
    throwBadInput(
        errorText("a passphrase needs at least {1} characters; a few unrelated words are "
                  "easy to remember and hard to guess",
                  kMinimumPassphraseLength));
}

}  // namespace securebase
