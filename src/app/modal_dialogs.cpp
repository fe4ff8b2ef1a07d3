#include "modal_dialogs.h"

#include <dlfcn.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>

#include <algorithm>

namespace securebase::app {
namespace {

// GTK's message boxes run in gtk_dialog_run(), which wx's EndModal() does not reach; answering
// the GtkDialog ends it (as Cancel). Looked up at run time: GTK is loaded with wx, but its
// headers are not needed for this one call.
void cancelNativeDialog(wxDialog& dialog) {
  using Respond = void (*)(void*, int);
  static const auto respond = reinterpret_cast<Respond>(dlsym(RTLD_DEFAULT, "gtk_dialog_response"));
  constexpr int kGtkResponseCancel = -6;
  if (respond != nullptr && dialog.GetHandle() != nullptr)
    respond(dialog.GetHandle(), kGtkResponseCancel);
}

}  // namespace

ModalDialogs& ModalDialogs::instance() {
  static ModalDialogs* hook = [] {
    auto* created = new ModalDialogs;  // lives as long as the program: wx keeps a pointer
    created->Register();
    return created;
  }();
  return *hook;
}

void ModalDialogs::cancelAll() {
  for (wxDialog* dialog : std::vector<wxDialog*>(open_)) {
    if (dialog->IsModal())
      dialog->EndModal(wxID_CANCEL);
    else if (dynamic_cast<wxMessageDialog*>(dialog) != nullptr)
      cancelNativeDialog(*dialog);
  }
}

int ModalDialogs::Enter(wxDialog* dialog) {
  open_.push_back(dialog);
  return wxID_NONE;
}

void ModalDialogs::Exit(wxDialog* dialog) {
  open_.erase(std::remove(open_.begin(), open_.end(), dialog), open_.end());
}

}  // namespace securebase::app
