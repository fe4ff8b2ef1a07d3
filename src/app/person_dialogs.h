// Add a caregiver or a child to a family, or correct one already recorded.
#pragma once

#include <optional>

#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxTextCtrl;
class wxChoice;
class wxComboBox;
class wxSpinCtrl;

namespace securebase::app {

class CaregiverDialog : public StandardDialog {
 public:
  // With `existing`, the dialog corrects that caregiver instead of adding one.
  CaregiverDialog(wxWindow* parent, store::Store& store, model::Id family_id,
                  std::optional<model::Caregiver> existing = std::nullopt);

 private:
  void apply() override;

  store::Store& store_;
  model::Id family_id_;
  std::optional<model::Caregiver> existing_;
  wxTextCtrl* name_ = nullptr;
  wxComboBox* relationship_ = nullptr;
};

class ChildDialog : public StandardDialog {
 public:
  // With `existing`, the dialog corrects that child instead of adding one.
  ChildDialog(wxWindow* parent, store::Store& store, model::Id family_id,
              std::optional<model::Child> existing = std::nullopt);

  // The controls, for tests.
  wxTextCtrl& name() { return *name_; }
  wxTextCtrl& born() { return *born_; }
  wxChoice& sex() { return *sex_; }  // not recorded, girl, boy

 private:
  void apply() override;

  store::Store& store_;
  model::Id family_id_;
  std::optional<model::Child> existing_;
  wxTextCtrl* name_ = nullptr;
  wxTextCtrl* born_ = nullptr;
  wxSpinCtrl* gestation_ = nullptr;
  wxChoice* sex_ = nullptr;
};

}  // namespace securebase::app
