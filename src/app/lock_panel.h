// What the main window shows while locked: "SecureBase is locked", the passphrase field with
// Unlock, and Quick handout — the general handout holds no family data, so a clinic can still
// print it. A wrong passphrase is said under the field and the counselor types again.
#pragma once

#include <wx/panel.h>

#include <filesystem>
#include <functional>
#include <string>

class wxTextCtrl;
class wxStaticText;
class wxButton;

namespace securebase::app {

class LockPanel : public wxPanel {
 public:
  explicit LockPanel(wxWindow* parent);

  // `unlock` gets the typed passphrase (wiped after); it throws securebase::Error to refuse.
  void onUnlock(std::function<void(const std::string&)> unlock) { unlock_ = std::move(unlock); }
  void onQuickHandout(std::function<void()> quick) { quick_ = std::move(quick); }

  // Empties the field and the problem line and names the file to unlock.
  void reset(const std::filesystem::path& file);
  // Unlocks with what is typed (the Unlock button and Enter).
  void tryUnlock();

  wxTextCtrl& passphrase() { return *passphrase_; }
  wxButton& quickHandoutButton() { return *quick_button_; }
  wxString problem() const;

 private:
  std::function<void(const std::string&)> unlock_;
  std::function<void()> quick_;
  std::filesystem::path file_;
  wxStaticText* intro_ = nullptr;
  wxTextCtrl* passphrase_ = nullptr;
  wxStaticText* problem_ = nullptr;
  wxButton* quick_button_ = nullptr;
};

}  // namespace securebase::app
