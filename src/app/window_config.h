// Per-computer window state — sizes, the recent database files, the interface language — and
// nothing else: every setting that describes the clinic or the counselor is the core's, in the
// database (DESIGN §4).
// Kept in $XDG_CONFIG_HOME/securebase/window.ini (wx 3.2 would otherwise pick ~/.securebase).
#pragma once

#include <wx/gdicmn.h>
#include <wx/string.h>

#include <memory>
#include <vector>

class wxConfigBase;
class wxTopLevelWindow;

namespace securebase::app {

class WindowConfig {
 public:
  static WindowConfig& instance();

  // Restores the size and position saved under `name`, else applies `default_size`.
  void restore(wxTopLevelWindow& window, const wxString& name, wxSize default_size);
  void save(const wxTopLevelWindow& window, const wxString& name);

  int sash(const wxString& name, int fallback);
  void setSash(const wxString& name, int position);

  // Most recent first, at most kMaxRecent, without duplicates.
  std::vector<wxString> recentFiles();
  void addRecentFile(const wxString& path);
  static constexpr std::size_t kMaxRecent = 8;

  // The underlying file, for other per-computer choices (interface_language.h).
  wxConfigBase& config() { return *config_; }

 private:
  WindowConfig();
  std::unique_ptr<wxConfigBase> config_;
};

}  // namespace securebase::app
