// Every modal dialog open right now — wx tells this hook about each one, native GTK message boxes
// included, which are not in wxTopLevelWindows — so locking can end them all before the
// database closes under them.
#pragma once

#include <wx/modalhook.h>

#include <vector>

namespace securebase::app {

class ModalDialogs : public wxModalDialogHook {
 public:
  // Registered on first use: call it before any dialog opens.
  static ModalDialogs& instance();

  bool anyOpen() const { return !open_.empty(); }
  // Cancels every open modal dialog; their ShowModal() returns wxID_CANCEL once this call and
  // the event that made it have returned.
  void cancelAll();

 protected:
  int Enter(wxDialog* dialog) override;
  void Exit(wxDialog* dialog) override;

 private:
  ModalDialogs() = default;
  std::vector<wxDialog*> open_;
};

}  // namespace securebase::app
