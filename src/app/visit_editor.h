// The visit editor, built from the visit's form: the header, the caregiver–child pair observed,
// one ItemRow per item by section, and a side panel (what to look for in the current item, and
// what the handout will use). Every
// answer is saved at once and notes after a short pause in typing (no Save button); a signed
// visit opens read-only with "Amend".
//
// Keys (also in its Visit and Edit menus): Ctrl+Return signs (after a confirmation that signing
// is final), Ctrl+P makes the handout, Ctrl+W and Esc close, Ctrl+Z undoes and Ctrl+Shift+Z or
// Ctrl+Y redoes the draft's answer and note changes. A draft made by mistake can be discarded;
// an amendment asks why it is made; marking a wellbeing concern offers to record a referral.
#pragma once

#include <wx/frame.h>
#include <wx/timer.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "answer_history.h"
#include "securebase/forms/form.h"
#include "securebase/store/store.h"

class wxScrolledWindow;
class wxTextCtrl;
class wxChoice;
class wxStaticText;
class wxButton;

namespace securebase::app {

class Session;
class ItemRow;
class VisitSidePanel;
class VisitRows;
struct AnswerChange;

class VisitEditor : public wxFrame {
 public:
  // Pause in typing after which a note is saved; a note is also saved when it loses the
  // focus, when the window is deactivated or closed, and before a lock.
  static constexpr int kNoteDelayMs = 300;

  VisitEditor(wxWindow* parent, Session& session, model::Id visit_id);
  ~VisitEditor() override;

  model::Id visitId() const { return visit_.id; }
  // Nothing can be changed: the visit is signed, or its family was reassigned away on the agency
  // server. A draft of such a family can still be discarded; a signed visit of it not amended.
  bool readOnly() const { return visit_.isSigned() || family_held_by_.has_value(); }
  bool canDiscard() const { return !visit_.isSigned(); }
  bool canAmend() const { return visit_.isSigned() && visit_.isCurrent() && !family_held_by_; }
  // "Signed by … on … · audit head …" once signed; empty for a draft.
  wxString signedLine() const;
  // The line at the bottom left: keys, what was saved, why nothing can be changed.
  wxString statusLine() const;
  std::size_t rowCount() const;
  std::size_t builtRowCount() const;
  std::size_t currentRow() const { return current_; }
  // The row (built first if it was not yet).
  ItemRow& row(std::size_t index);
  void moveTo(std::size_t index);
  // Saves a note still waiting for the pause in typing.
  void flushPending();
  // Signs after a confirmation that signing is final (naming unanswered items); true when
  // signed. Without `ask`, signs at once.
  bool sign(bool ask = true);
  // Throws the draft away after a confirmation (Store::discardVisit) and closes; true when
  // discarded. Without `ask`, discards at once.
  bool discardDraft(bool ask = true);
  // Asks why, then opens the amendment of this signed visit; the new draft, or nullopt.
  std::optional<model::Id> amend();
  // Undo / redo of the draft's answer and note changes; false when there was nothing to do.
  bool undo();
  bool redo();
  bool canUndo() const { return history_.canUndo(); }
  bool canRedo() const { return history_.canRedo(); }
  // The side panel: progress, what to look for, the handout's picks as they stand.
  const VisitSidePanel& sidePanel() const { return *side_; }
  // The personalised handout of this visit as a PDF (pdf_output.h); the file, or nullopt.
  std::optional<std::filesystem::path> handout();

 private:
  void buildHeader(wxWindow* parent, wxSizer* sizer);
  void buildRows();
  void buildRemainingRows();
  void startOnCurrentRow();
  void showSet(std::size_t set_index);
  void applyReadOnly();
  void saveAnswer(std::size_t row, const AnswerChange& change);
  void noteTyped(std::size_t row, const std::string& text);
  void saveNote(std::size_t set_index, std::size_t row, const std::string& text);
  // Mirrors in visit_ what service::saveAnswer stored (kept) or cleared.
  void keepAnswer(std::size_t set_index, bool kept, const model::Observation& observation);
  void saveHeader();
  void refreshSide();
  // Makes row `index` the current one (highlight, "what to look for"); no focus change.
  void setCurrent(std::size_t index);
  void setStatus(const wxString& text, bool problem = false);
  void onCharHook(wxKeyEvent& event);
  void onClose(wxCloseEvent& event);
  void buildMenus();
  void updateMenus();
  // Saves `answer` (nullopt: unanswered) for row `row` of set `set_index` through the one save
  // path, shows it and moves there: undo and redo.
  void restoreAnswer(std::size_t set_index, std::size_t row,
                     const std::optional<model::Observation>& answer);
  // Saves an observation through service::saveAnswer, mirrors it and records the undo step.
  bool writeAnswer(std::size_t set_index, std::size_t row, const model::Observation& observation,
                   bool record_step);
  // A wellbeing concern was marked: offer a referral, or ask why none was made.
  void offerReferral(std::size_t set_index, std::size_t row);
  void notifyMainWindow();
  model::Observation* findObservation(std::size_t set_index, const std::string& item_id);

  Session& session_;
  model::Visit visit_;
  // Who holds the family on the agency server, when it was reassigned away (read-only here).
  std::optional<std::string> family_held_by_;
  forms::Form form_;
  store::FamilyRecord family_;
  std::size_t set_index_ = 0;
  std::unique_ptr<VisitRows> rows_;
  std::size_t current_ = 0;

  struct PendingNote {
    std::size_t set_index = 0;
    std::size_t row = 0;
    std::string text;
  };
  std::optional<PendingNote> pending_note_;
  bool header_dirty_ = false;
  bool discarded_ = false;
  AnswerHistory history_;
  bool activated_ = false;
  wxTimer pause_timer_;

  wxScrolledWindow* scroller_ = nullptr;
  wxTextCtrl* date_ = nullptr;
  wxTextCtrl* place_ = nullptr;
  wxChoice* outcome_ = nullptr;
  wxTextCtrl* present_ = nullptr;
  wxChoice* pair_ = nullptr;
  VisitSidePanel* side_ = nullptr;
  wxStaticText* status_ = nullptr;
  wxStaticText* signed_line_ = nullptr;
  wxButton* sign_ = nullptr;
  wxButton* amend_ = nullptr;
  wxButton* discard_ = nullptr;
};

}  // namespace securebase::app
