// What both programs do first: nothing they create is readable by other users (umask 077: files
// 0600, folders 0700), and no core dump can carry a passphrase or a derived key to disk
// (RLIMIT_CORE 0, and PR_SET_DUMPABLE 0, which also keeps other processes of the same user
// from reading this one's memory through ptrace or /proc).
#pragma once

namespace securebase {

void protectProcess();

}  // namespace securebase
