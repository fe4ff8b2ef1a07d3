// How a visit's answers are written from its window: a rating or "not observed" saved as it is
// chosen, a note saved a moment after the last keystroke, undo and redo of both, and the
// referral offered when a concern is marked. Every write goes through service::saveAnswer; the
// rest of VisitEditor (visit_editor.cpp) builds the window and moves around it.
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/translation.h>

#include "item_row.h"
#include "problem_text.h"
#include "securebase/service/visits.h"
#include "session.h"
#include "visit_dialogs.h"
#include "visit_editor.h"
#include "visit_rows.h"

namespace securebase::app {

void VisitEditor::saveAnswer(std::size_t row, const AnswerChange& change) {
  if (readOnly() || set_index_ >= visit_.sets.size()) return;
  const forms::Item& item = rows_->item(row);
  model::Observation observation;
  observation.item_id = item.id;
  if (const auto* existing = findObservation(set_index_, item.id)) observation = *existing;
  const std::string value_before = observation.value;
  if (pending_note_ && pending_note_->set_index == set_index_ && pending_note_->row == row) {
    observation.note = pending_note_->text;
    pending_note_.reset();
  }
  observation.value = change.what == AnswerChange::What::value ? change.value : "";
  observation.not_observed = change.what == AnswerChange::What::not_observed;
  if (writeAnswer(set_index_, row, observation, true)) {
    setStatus(wxString::Format(_("Saved at %s."), wxDateTime::Now().FormatISOTime()));
    // The item's hint says to record a referral: offer it at once (after this key is done).
    if (item.concern && observation.value == "yes" && value_before != "yes") {
      const std::size_t set_index = set_index_;
      CallAfter([this, set_index, row] { offerReferral(set_index, row); });
    }
  } else {
    rows_->row(row).show(findObservation(set_index_, item.id));
  }
  refreshSide();
}

bool VisitEditor::writeAnswer(std::size_t set_index, std::size_t row,
                              const model::Observation& observation, bool record_step) {
  const forms::Item& item = rows_->item(row);
  std::optional<model::Observation> before;
  if (const auto* existing = findObservation(set_index, item.id)) before = *existing;
  try {
    const bool kept = service::saveAnswer(session_.store(), visit_.id, visit_.sets[set_index].id,
                                          item, observation);
    keepAnswer(set_index, kept, observation);
    std::optional<model::Observation> after;
    if (kept) after = observation;
    auto same = [](const std::optional<model::Observation>& a,
                   const std::optional<model::Observation>& b) {
      if (!a || !b) return a.has_value() == b.has_value();
      return a->value == b->value && a->not_observed == b->not_observed && a->note == b->note &&
             a->focus == b->focus;
    };
    if (record_step && !same(before, after)) history_.record({set_index, row, before, after});
    updateMenus();
    return true;
  } catch (const std::exception& e) {
    setStatus(problemText(e), true);
    return false;
  }
}

bool VisitEditor::undo() {
  if (readOnly()) return false;
  flushPending();  // a note still waiting is a change to undo first
  const auto step = history_.undo();
  if (!step) return false;
  restoreAnswer(step->set_index, step->row, step->before);
  setStatus(_("Undone. Ctrl+Shift+Z redoes it."));
  return true;
}

bool VisitEditor::redo() {
  if (readOnly()) return false;
  flushPending();
  const auto step = history_.redo();
  if (!step) return false;
  restoreAnswer(step->set_index, step->row, step->after);
  setStatus(_("Redone."));
  return true;
}

void VisitEditor::restoreAnswer(std::size_t set_index, std::size_t row,
                                const std::optional<model::Observation>& answer) {
  if (set_index != set_index_ && set_index < visit_.sets.size()) {
    pair_->SetSelection(static_cast<int>(set_index));
    showSet(set_index);
  }
  model::Observation observation;
  observation.item_id = rows_->item(row).id;
  if (answer) observation = *answer;
  // Nothing left of an answer (no value, note or focus) clears it: the same one save path.
  writeAnswer(set_index, row, observation, false);
  rows_->row(row).show(findObservation(set_index, observation.item_id));
  moveTo(row);
  refreshSide();
  updateMenus();
}

void VisitEditor::offerReferral(std::size_t set_index, std::size_t row) {
  if (readOnly() || discarded_ || set_index >= visit_.sets.size()) return;
  ConcernReferralDialog referral(this, session_.store(), visit_.family_id, visit_.id);
  if (referral.ShowModal() == wxID_OK) {
    setStatus(_("Referral recorded. It shows on the family's Referrals page."));
    notifyMainWindow();
    return;
  }
  NoReferralDialog why(this, session_.store(), visit_.family_id, visit_.id, rows_->item(row).id);
  if (why.ShowModal() != wxID_OK) return;  // skipped both: nothing is recorded
  setStatus(_("Recorded: no referral made. It shows on the family's Referrals page."));
  notifyMainWindow();
}

void VisitEditor::keepAnswer(std::size_t set_index, bool kept,
                             const model::Observation& observation) {
  auto& list = visit_.sets[set_index].observations;
  if (!kept) {
    std::erase_if(list, [&](const auto& o) { return o.item_id == observation.item_id; });
  } else if (auto* existing = findObservation(set_index, observation.item_id)) {
    *existing = observation;
  } else {
    list.push_back(observation);
  }
}

void VisitEditor::noteTyped(std::size_t row, const std::string& text) {
  if (readOnly()) return;
  if (pending_note_ && (pending_note_->row != row || pending_note_->set_index != set_index_))
    flushPending();
  pending_note_ = PendingNote{set_index_, row, text};
  pause_timer_.StartOnce(kNoteDelayMs);
}

void VisitEditor::flushPending() {
  pause_timer_.Stop();
  if (pending_note_) {
    const PendingNote note = *pending_note_;
    pending_note_.reset();
    saveNote(note.set_index, note.row, note.text);
  }
  if (header_dirty_) saveHeader();
}

void VisitEditor::saveNote(std::size_t set_index, std::size_t row, const std::string& text) {
  if (set_index >= visit_.sets.size() || discarded_) return;
  const forms::Item& item = rows_->item(row);
  model::Observation observation;
  observation.item_id = item.id;
  if (const auto* existing = findObservation(set_index, item.id)) observation = *existing;
  observation.note = text;
  if (writeAnswer(set_index, row, observation, true))
    setStatus(wxString::Format(_("Note saved at %s."), wxDateTime::Now().FormatISOTime()));
}

}  // namespace securebase::app
