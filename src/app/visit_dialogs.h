// The visit editor's small questions: a confirmation before what cannot be undone (signing,
// discarding), why a signed visit is amended (required), and, when a
// wellbeing concern is marked, a referral recorded right there — or, when none is made, why not.
// Each is a StandardDialog: what is refused shows on its problem line and nothing is written.
#pragma once

#include <wx/dialog.h>

#include <optional>
#include <string>

#include "securebase/model/entities.h"
#include "standard_dialog.h"

class wxTextCtrl;

namespace securebase::store {
class Store;
}

namespace securebase::app {

// "Are you sure?" for an action that cannot be taken back: the message, the action's button
// (default: Return confirms after the deliberate shortcut) and the one that keeps things as they
// are (Esc). A wx dialog rather than a native box, so its words and buttons are the program's.
class ConfirmDialog : public wxDialog {
 public:
  ConfirmDialog(wxWindow* parent, const wxString& title, const wxString& message,
                const wxString& confirm_label, const wxString& keep_label);
  wxString message() const { return message_; }

 private:
  wxString message_;
};

// Asks why the visit is corrected, then starts the amendment (Store::amendVisit, which refuses
// an empty reason). amendment() is the new draft once OK was accepted.
class AmendReasonDialog : public StandardDialog {
 public:
  AmendReasonDialog(wxWindow* parent, store::Store& store, model::Id visit_id);
  std::optional<model::Id> amendment() const { return amendment_; }
  wxTextCtrl& reasonField() { return *reason_; }

 private:
  void apply() override;

  store::Store& store_;
  model::Id visit_id_;
  wxTextCtrl* reason_ = nullptr;
  std::optional<model::Id> amendment_;
};

// Offered when a wellbeing concern is marked: a referral of this family at this visit (to whom,
// why). "Skip" closes with wxID_CANCEL and writes nothing.
class ConcernReferralDialog : public StandardDialog {
 public:
  ConcernReferralDialog(wxWindow* parent, store::Store& store, model::Id family_id,
                        model::Id visit_id);
  wxTextCtrl& toWhomField() { return *to_whom_; }

 private:
  void apply() override;

  store::Store& store_;
  model::Id family_id_;
  model::Id visit_id_;
  wxTextCtrl* to_whom_ = nullptr;
  wxTextCtrl* reason_ = nullptr;
};

// After a skipped referral: why none was made, in a few words (required). OK records it as a
// "no referral made" record of its own (Store::addNoReferral) for the concern's item; the
// concern's note is left as the counselor typed it.
class NoReferralDialog : public StandardDialog {
 public:
  NoReferralDialog(wxWindow* parent, store::Store& store, model::Id family_id, model::Id visit_id,
                   std::string concern_item);
  wxTextCtrl& reasonField() { return *reason_; }

 private:
  void apply() override;

  store::Store& store_;
  model::Id family_id_;
  model::Id visit_id_;
  std::string concern_item_;
  wxTextCtrl* reason_ = nullptr;
};

}  // namespace securebase::app
