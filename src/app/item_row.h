// One item of a form in the visit editor: the label, the answers as large toggle buttons (the
// scale's levels, or yes/no, or the choices) plus "Not observed", and a note field; a strip
// painted at the left edge shows unanswered, not observed and each rating apart at a glance.
// Few controls on purpose: a form has 30 rows, and every GTK control costs time to open. The
// "what to look for" hint shows beside, in the editor's side panel. The row only shows and
// reports; the editor saves.
//
// Readable in every state: the chosen answer is a strong colour with dark (or, on the dark
// "not observed", white) text and a check mark, the current row has an outline, and the control
// with the keyboard focus a thick ring painted by the row — GTK's own focus line is faint. A
// signed visit keeps its buttons enabled (disabled ones are grey on colour) and refuses changes.
// Answers too wide for the row wrap onto more lines; a button narrower than its text anyway has
// the full text as its tooltip.
#pragma once

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "securebase/forms/form.h"
#include "securebase/model/entities.h"

class wxToggleButton;
class wxTextCtrl;

namespace securebase::app {

// What the counselor did to a row's answer.
struct AnswerChange {
  enum class What { value, not_observed, clear } what = What::value;
  std::string value;
};

class ItemRow : public wxPanel {
 public:
  ItemRow(wxWindow* parent, const forms::Item& item);

  const forms::Item& item() const { return item_; }
  // Shows the recorded observation (nullptr: unanswered) without reporting a change.
  void show(const model::Observation* observation);
  void setCurrent(bool current);
  void setReadOnly(bool read_only);
  // A key pressed while the row is current; true when it answered.
  bool answerKey(int key);
  void focusAnswer();
  wxTextCtrl& note() { return *note_; }
  bool readOnly() const { return read_only_; }
  // The answer buttons, in order ("not observed" last), for tests and accessibility checks.
  std::vector<wxToggleButton*> answerButtons() const;
  // Where the focus ring is painted, in the row's coordinates; empty without the focus.
  wxRect focusRing() const;
  static wxColour focusRingColour();

  void onAnswer(std::function<void(const AnswerChange&)> callback) {
    on_answer_ = std::move(callback);
  }
  void onNote(std::function<void(const std::string&)> callback) { on_note_ = std::move(callback); }
  void onFocus(std::function<void()> callback) { on_focus_ = std::move(callback); }

 private:
  struct Choice {
    std::string value;  // the recorded value; empty for "not observed"
    int key = 0;        // the key that picks it
    wxToggleButton* button = nullptr;
    wxString label;         // the text shown when not chosen
    bool coloured = false;  // styling a GTK button is costly: only touch it when it changes
  };
  void addChoice(const std::string& value, int key, const wxString& label);
  void report(const AnswerChange& change);
  void paintState();
  void announce();  // the item and its answer, for screen readers
  void paint();
  void focusChanged(wxWindow* focused);
  void tooltipsForCutText();

  const forms::Item& item_;
  std::vector<Choice> choices_;       // the last one is "not observed" (value empty)
  wxTextCtrl* value_text_ = nullptr;  // number and text items
  wxTextCtrl* note_ = nullptr;
  wxColour state_colour_;
  std::optional<std::string> value_;  // nullopt: unanswered
  bool not_observed_ = false;
  bool current_ = false;
  bool read_only_ = false;
  wxWindow* focused_ = nullptr;  // the row's control with the keyboard focus
  bool showing_ = false;         // true while show() fills the controls: no change to report
  std::function<void(const AnswerChange&)> on_answer_;
  std::function<void(const std::string&)> on_note_;
  std::function<void()> on_focus_;
};

}  // namespace securebase::app
