#include "securebase/core/passphrase.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"

namespace securebase {

namespace {

std::string firstLine(std::string text) {
  const auto end = text.find_first_of("\r\n");
  std::string line = text.substr(0, end);
  wipe(text);
  return line;
}

void requireUsable(const std::string& passphrase, const std::string& from) {
  if (passphrase.empty()) throwBadInput("the passphrase from " + from + " is empty");
  if (!isValidUtf8(passphrase)) throwBadInput("the passphrase from " + from + " is not UTF-8");
}

}  // namespace

void wipe(std::string& secret) {
  ::explicit_bzero(secret.data(), secret.size());
  secret.clear();
}

std::string readPassphraseFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throwNotFound("cannot read the passphrase file " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string passphrase = firstLine(std::move(text));
  requireUsable(passphrase, "file " + path);
  return passphrase;
}

std::string readPassphraseFd(int fd) {
  if (fd < 0 || ::fcntl(fd, F_GETFD) < 0)
    throwBadInput("--passphrase-fd " + std::to_string(fd) + " is not an open file descriptor");
  std::string text;
  char buffer[256];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.find('\n') != std::string::npos) break;
  }
  ::explicit_bzero(buffer, sizeof buffer);
  ::close(fd);
  std::string passphrase = firstLine(std::move(text));
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
  std::string text;
  char c = 0;
  while (::read(tty, &c, 1) == 1 && c != '\n') text += c;
  if (have_termios) ::tcsetattr(tty, TCSAFLUSH, &saved);
  ::close(tty);
  std::string passphrase = firstLine(std::move(text));
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
