// Reading a database passphrase the ways the issue allows: from a file or an inherited file
// descriptor (scripts), or typed on the terminal without echo — never from the command line or
// the environment, which other processes can read.
#pragma once

#include <string>
#include <string_view>

namespace securebase {

// New passphrases must be at least this long; raw keys (x'<64 hex>') are exempt.
inline constexpr std::size_t kMinimumPassphraseLength = 8;

// The first line of `path` (without its line ending). Error(not_found) when missing,
// Error(bad_input) when empty or not UTF-8.
std::string readPassphraseFile(const std::string& path);

// The first line read from descriptor `fd` (which is then closed). Error(bad_input) when the
// descriptor is not open or gives nothing.
std::string readPassphraseFd(int fd);

// Asks on the controlling terminal (/dev/tty) with echo off. Error(bad_input) when there is no
// terminal, naming `no_terminal_hint` (e.g. "use --passphrase-fd or --passphrase-file").
std::string askPassphrase(const std::string& prompt, const std::string& no_terminal_hint);

// Throws Error(bad_input) unless `passphrase` is fit for a new database key.
void checkNewPassphrase(const std::string& passphrase);

// Overwrites the whole buffer of `secret` (up to its capacity, not only its length) and
// empties it. Every holder of a passphrase or key calls it (or lets SecretText or
// DatabaseOptions call it) once done: freed memory would otherwise keep the secret until reused,
// and a core dump or a swapped page could carry it.
void wipe(std::string& secret);

// Appends `more` to `secret`; when the buffer must grow, the old one is wiped before it is
// freed (std::string's own growth would free it as it is).
void appendSecret(std::string& secret, std::string_view more);

}  // namespace securebase
