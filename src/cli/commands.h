// The command groups of securebase-cli, one file each.
#pragma once

#include <vector>

#include "cli.h"

namespace securebase::cli {

std::vector<Command> setupCommands();     // init, settings get|set
std::vector<Command> familyCommands();    // family add|list|show, caregiver add, child add
std::vector<Command> visitCommands();     // visit add|show|sign|amend
std::vector<Command> formCommands();      // forms validate
std::vector<Command> caseloadCommands();  // caseload
std::vector<Command> reportCommands();    // report
std::vector<Command> handoutCommands();   // handout
std::vector<Command> demoCommands();      // demo
std::vector<Command> exchangeCommands();  // export, import
std::vector<Command> trustCommands();     // backup, restore, encrypt, passphrase, check
std::vector<Command> auditCommands();     // audit verify
std::vector<Command> serverCommands();    // server init|add-counselor|add-supervisor
std::vector<Command> syncCommands();      // sync
std::vector<Command> conflictCommands();  // sync resolve
std::vector<Command> mergeCommands();     // sync duplicates, sync merge

}  // namespace securebase::cli
