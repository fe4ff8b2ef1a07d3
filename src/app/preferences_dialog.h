// Preferences: the clinic, its help lines, the counselor and the defaults. All of them are the
// core's settings in the database, so the CLI and every printed page see the same values.
#pragma once

#include <map>
#include <string>

#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxTextCtrl;
class wxChoice;

namespace securebase::app {

class PreferencesDialog : public StandardDialog {
 public:
  PreferencesDialog(wxWindow* parent, store::Store& store);

 private:
  void apply() override;
  wxTextCtrl* addText(const std::string& key, const wxString& label, bool multiline = false);

  store::Store& store_;
  std::map<std::string, std::string> before_;
  std::map<std::string, wxTextCtrl*> texts_;
  wxChoice* language_ = nullptr;
  wxChoice* paper_ = nullptr;
};

}  // namespace securebase::app
