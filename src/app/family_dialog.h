// Add or edit a family: name, handout language, visit frequency, counselor, address, phone.
#pragma once

#include <optional>

#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxTextCtrl;
class wxChoice;
class wxSpinCtrl;
class wxComboBox;

namespace securebase::app {

class FamilyDialog : public StandardDialog {
 public:
  // `family_id` empty to add a new family.
  FamilyDialog(wxWindow* parent, store::Store& store, std::optional<model::Id> family_id);
  model::Id familyId() const { return family_.id; }

 private:
  void apply() override;

  store::Store& store_;
  model::Family family_;
  wxTextCtrl* name_ = nullptr;
  wxChoice* language_ = nullptr;
  wxSpinCtrl* frequency_ = nullptr;
  wxComboBox* counselor_ = nullptr;
  wxTextCtrl* address_ = nullptr;
  wxTextCtrl* phone_ = nullptr;
};

}  // namespace securebase::app
