// Ids of the program's own commands (menus, toolbar, accelerators); standard actions use wx's ids.
#pragma once

#include <wx/defs.h>

namespace securebase::app {

enum CommandId {
  kCmdNewFamily = wxID_HIGHEST + 1,
  kCmdNewVisit,
  kCmdFind,
  kCmdQuickHandout,
  kCmdLatestHandout,
  kCmdReport,
  kCmdBatchHandouts,
  kCmdLockNow,
  kCmdRefresh,
  kCmdBackUpNow,
  kCmdRestoreBackup,
  kCmdEncryptDatabase,
  kCmdChangePassphrase,
  kCmdSwitchCounselor,
  kCmdExport,
  kCmdImport,
  kCmdSyncNow,
  kCmdBackups,
  kCmdUserGuide,
  kCmdGuideInBrowser,
  kCmdShortcuts,
  kCmdRecentFirst,
  kCmdRecentLast = kCmdRecentFirst + 16,
};

}  // namespace securebase::app
