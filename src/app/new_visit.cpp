#include "new_visit.h"

#include <wx/app.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "date_field.h"
#include "problem_text.h"
#include "securebase/core/error.h"
#include "securebase/service/visits.h"
#include "session.h"
#include "standard_dialog.h"
#include "ui_helpers.h"
#include "visit_editor.h"

namespace securebase::app {
namespace {

struct Pair {
  model::Id caregiver = 0;
  model::Id child = 0;
};

class NewVisitDialog : public StandardDialog {
 public:
  NewVisitDialog(wxWindow* parent, Session& session, const store::FamilyRecord& record)
      : StandardDialog(parent,
                       wxString::Format(_("New visit — %s"), wx(record.family.display_name))),
        session_(session),
        record_(record) {
    auto* date = new DateField(this, model::Date::today());
    date_ = &date->text();
    place_ = new wxTextCtrl(this, wxID_ANY, _("Home"));
    outcome_ = new wxChoice(this, wxID_ANY);
    outcome_->Append(_("Completed"));
    outcome_->Append(_("Missed"));
    outcome_->Append(_("Cancelled"));
    outcome_->SetSelection(0);
    present_ = new wxTextCtrl(this, wxID_ANY);
    pairs_ = new wxCheckListBox(this, wxID_ANY);
    for (const auto& child : record.children)
      for (std::size_t c = 0; c < record.caregivers.size(); ++c) {
        const auto& caregiver = record.caregivers[c];
        const int index =
            pairs_->Append(wxString::Format(_("%s with %s"), wx(caregiver.name), wx(child.name)));
        pairs_->Check(static_cast<unsigned>(index), c == 0);
        pair_ids_.push_back({caregiver.id, child.id});
      }
    wxString present;
    for (const auto& caregiver : record.caregivers)
      present += (present.empty() ? "" : ", ") + wx(caregiver.name);
    present_->SetValue(present);
    addRow(_("Date:"), date);
    addRow(_("Place:"), place_);
    addRow(_("Outcome:"), outcome_);
    addRow(_("Who was present:"), present_);
    if (!pair_ids_.empty()) {
      pairs_->SetMinSize(wxSize(
          -1, FromDIP(24) * std::min<int>(4, static_cast<int>(pair_ids_.size())) + FromDIP(8)));
      addRow(_("Observed:"), pairs_);
    } else {
      pairs_->Hide();
    }
    finishLayout();
    if (wxWindow* ok = FindWindow(wxID_OK)) ok->SetFocus();
  }

  model::Id visitId() const { return visit_id_; }

 private:
  void apply() override {
    const forms::Form* form = session_.formForNewVisits();
    if (form == nullptr)
      throwNotFound(wxTRANSLATE("no observation form is installed (forms folder)"));
    model::Visit visit;
    visit.family_id = record_.family.id;
    visit.counselor_id = record_.family.counselor_id;
    const auto date = model::Date::parse(toUtf8(date_->GetValue().Strip(wxString::both)));
    if (!date) throwBadInput(wxTRANSLATE("the visit date must be written as YYYY-MM-DD"));
    visit.date = *date;
    visit.place = toUtf8(place_->GetValue().Strip(wxString::both));
    visit.outcome = outcome_->GetSelection() == 1   ? model::VisitOutcome::missed
                    : outcome_->GetSelection() == 2 ? model::VisitOutcome::cancelled
                                                    : model::VisitOutcome::completed;
    visit.present = toUtf8(present_->GetValue().Strip(wxString::both));
    visit.form_id = form->id;
    visit.form_version = form->version;
    if (visit.outcome == model::VisitOutcome::completed) {
      for (std::size_t i = 0; i < pair_ids_.size(); ++i)
        if (pairs_->IsChecked(static_cast<unsigned>(i))) {
          model::ObservationSet set;
          set.caregiver_id = pair_ids_[i].caregiver;
          set.child_id = pair_ids_[i].child;
          visit.sets.push_back(set);
        }
      if (visit.sets.empty())
        throwBadInput(pair_ids_.empty()
                          ? wxTRANSLATE("add a caregiver and a child to the family before "
                                        "recording what you observed")
                          : wxTRANSLATE("tick at least one caregiver and child you observed"));
    }
    visit_id_ = service::recordVisit(session_.store(), session_.catalog(), visit);
  }

  Session& session_;
  const store::FamilyRecord& record_;
  wxTextCtrl* date_ = nullptr;
  wxTextCtrl* place_ = nullptr;
  wxChoice* outcome_ = nullptr;
  wxTextCtrl* present_ = nullptr;
  wxCheckListBox* pairs_ = nullptr;
  std::vector<Pair> pair_ids_;
  model::Id visit_id_ = 0;
};

}  // namespace

bool startNewVisit(wxWindow* parent, Session& session, model::Id family_id) {
  store::FamilyRecord record;
  try {
    record = session.store().loadFamily(family_id);
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return false;
  }
  NewVisitDialog dialog(parent, session, record);
  if (dialog.ShowModal() != wxID_OK) return false;
  openVisitEditor(parent, session, dialog.visitId());
  return true;
}

VisitEditor* openVisitEditor(wxWindow* parent, Session& session, model::Id visit_id) {
  for (wxWindow* window : wxTopLevelWindows)
    // A closed editor stays listed until wx deletes it at idle time: never hand that one out.
    if (auto* editor = dynamic_cast<VisitEditor*>(window);
        editor && editor->visitId() == visit_id && !wxPendingDelete.Member(editor)) {
      editor->Raise();
      return editor;
    }
  try {
    auto* editor = new VisitEditor(parent, session, visit_id);
    editor->Show();
    return editor;
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return nullptr;
  }
}

}  // namespace securebase::app
