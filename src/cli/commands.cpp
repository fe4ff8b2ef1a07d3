#include "commands.h"

namespace securebase::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = [] {
    std::vector<Command> list;
    for (auto group :
         {setupCommands, familyCommands, visitCommands, formCommands, caseloadCommands,
          handoutCommands, reportCommands, demoCommands, exchangeCommands, trustCommands,
          auditCommands, serverCommands, syncCommands, conflictCommands, mergeCommands})
      for (auto& command : group()) list.push_back(std::move(command));
    return list;
  }();
  return all;
}

}  // namespace securebase::cli
