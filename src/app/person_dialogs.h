// Add a caregiver or a child to a family.
#pragma once

#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxTextCtrl;
class wxChoice;
class wxComboBox;
class wxSpinCtrl;

namespace securebase::app {

class CaregiverDialog : public StandardDialog {
 public:
  CaregiverDialog(wxWindow* parent, store::Store& store, model::Id family_id);

 private:
  void apply() override;

  store::Store& store_;
  model::Id family_id_;
  wxTextCtrl* name_ = nullptr;
  wxComboBox* relationship_ = nullptr;
};

class ChildDialog : public StandardDialog {
 public:
  ChildDialog(wxWindow* parent, store::Store& store, model::Id family_id);

 private:
  void apply() override;

  store::Store& store_;
  model::Id family_id_;
  wxTextCtrl* name_ = nullptr;
  wxTextCtrl* born_ = nullptr;
  wxSpinCtrl* gestation_ = nullptr;
  wxChoice* sex_ = nullptr;
};

}  // namespace securebase::app
