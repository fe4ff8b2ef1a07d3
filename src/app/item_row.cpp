#include "item_row.h"

#include <wx/brush.h>
#include <wx/dcclient.h>
#include <wx/pen.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>
#include <wx/translation.h>

#include "accessible_names.h"
#include "interface_language.h"
#include "ui_helpers.h"

namespace securebase::app {
namespace {

const wxColour kUnanswered(205, 205, 205);
const wxColour kNotObserved(120, 144, 176);
const wxColour kCurrent(232, 240, 252);
constexpr int kStripWidth = 6;  // the answer state at the row's left edge

// Ratings shade from amber ("not yet seen" — an answer, not a gap) to green.
wxColour ratingColour(int value, int minimum, int maximum) {
  const double t = maximum > minimum ? double(value - minimum) / double(maximum - minimum) : 1.0;
  auto mix = [t](int from, int to) { return static_cast<unsigned char>(from + (to - from) * t); };
  return wxColour(mix(240, 110), mix(180, 180), mix(90, 100));
}

}  // namespace

ItemRow::ItemRow(wxWindow* parent, const forms::Item& item) : wxPanel(parent), item_(item) {
  const auto language = interfaceLanguage();  // the form carries both; show the window's
  auto* label = new wxStaticText(this, wxID_ANY, wx(item.label.get(language)));
  label->SetFont(label->GetFont().Larger());

  auto* answers = new wxBoxSizer(wxHORIZONTAL);
  if (item.kind == forms::ItemKind::rating && item.scale) {
    for (const auto& level : item.scale->levels)
      addChoice(std::to_string(level.value), '0' + level.value,
                wxString::Format("%d  %s", level.value, wx(level.label.get(language))));
  } else if (item.kind == forms::ItemKind::yesno) {
    addChoice("no", '0', _("0  No"));
    addChoice("yes", '1', _("1  Yes"));
  } else if (item.kind == forms::ItemKind::single_choice) {
    int key = '1';
    for (const auto& option : item.options) {
      addChoice(option.id, key, wxString::Format("%c  %s", key, wx(option.label.get(language))));
      ++key;
    }
  } else {
    value_text_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                 FromDIP(wxSize(220, -1)), wxTE_PROCESS_ENTER);
    auto commit = [this] {
      if (showing_) return;
      const std::string text = value_text_->GetValue().Strip(wxString::both).utf8_string();
      report(text.empty() ? AnswerChange{AnswerChange::What::clear, ""}
                          : AnswerChange{AnswerChange::What::value, text});
    };
    value_text_->Bind(wxEVT_TEXT_ENTER, [commit](wxCommandEvent&) { commit(); });
    value_text_->Bind(wxEVT_KILL_FOCUS, [commit](wxFocusEvent& event) {
      commit();
      event.Skip();
    });
  }
  addChoice("", 'N', _("N  Not observed"));
  for (std::size_t i = 0; i < choices_.size(); ++i) {
    if (i + 1 == choices_.size()) answers->AddSpacer(FromDIP(14));
    if (i == 0 && value_text_ != nullptr)
      answers->Add(value_text_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    answers->Add(choices_[i].button, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
  }
  note_ = new wxTextCtrl(this, wxID_ANY);
  note_->SetHint(_("Note"));
  answers->AddSpacer(FromDIP(8));
  answers->Add(note_, wxSizerFlags(1).CenterVertical());

  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(label, wxSizerFlags().Expand());
  column->Add(answers, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->AddSpacer(FromDIP(kStripWidth));
  row->Add(column, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
  SetSizer(row);

  Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
    wxPaintDC dc(this);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(state_colour_));
    dc.DrawRectangle(0, 0, FromDIP(kStripWidth), GetClientSize().y);
  });
  note_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    if (!showing_ && on_note_) on_note_(note_->GetValue().utf8_string());
  });
  auto focus = [this](wxFocusEvent& event) {
    if (on_focus_) on_focus_();
    event.Skip();
  };
  note_->Bind(wxEVT_SET_FOCUS, focus);
  for (auto& choice : choices_) choice.button->Bind(wxEVT_SET_FOCUS, focus);
  if (value_text_ != nullptr) value_text_->Bind(wxEVT_SET_FOCUS, focus);
  paintState();
}

void ItemRow::addChoice(const std::string& value, int key, const wxString& label) {
  auto* button =
      new wxToggleButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, FromDIP(34)));
  button->SetMinSize(wxSize(FromDIP(value.empty() ? 140 : 110), FromDIP(34)));
  const std::size_t index = choices_.size();
  choices_.push_back({value, key, button});
  button->Bind(wxEVT_TOGGLEBUTTON, [this, index](wxCommandEvent&) {
    const Choice& choice = choices_[index];
    const bool pressed = choice.button->GetValue();
    if (!pressed) {
      report({AnswerChange::What::clear, ""});
    } else if (choice.value.empty()) {
      report({AnswerChange::What::not_observed, ""});
    } else {
      report({AnswerChange::What::value, choice.value});
    }
  });
}

void ItemRow::report(const AnswerChange& change) {
  value_.reset();
  not_observed_ = false;
  if (change.what == AnswerChange::What::value) value_ = change.value;
  if (change.what == AnswerChange::What::not_observed) not_observed_ = true;
  paintState();
  if (on_answer_) on_answer_(change);
}

bool ItemRow::answerKey(int key) {
  if (!IsEnabled()) return false;
  if (key >= 'a' && key <= 'z') key -= 'a' - 'A';
  for (std::size_t i = 0; i < choices_.size(); ++i) {
    if (choices_[i].key != key || !choices_[i].button->IsEnabled()) continue;
    const Choice& choice = choices_[i];
    report(choice.value.empty() ? AnswerChange{AnswerChange::What::not_observed, ""}
                                : AnswerChange{AnswerChange::What::value, choice.value});
    choice.button->SetFocus();
    return true;
  }
  return false;
}

void ItemRow::show(const model::Observation* observation) {
  showing_ = true;
  value_.reset();
  not_observed_ = false;
  if (observation != nullptr && observation->not_observed)
    not_observed_ = true;
  else if (observation != nullptr && !observation->value.empty())
    value_ = observation->value;
  note_->ChangeValue(observation ? wx(observation->note) : wxString());
  if (value_text_ != nullptr) value_text_->ChangeValue(value_ ? wx(*value_) : wxString());
  paintState();
  showing_ = false;
}

void ItemRow::paintState() {
  wxColour state = kUnanswered;
  for (auto& choice : choices_) {
    const bool on = choice.value.empty() ? not_observed_ : (value_ && *value_ == choice.value);
    choice.button->SetValue(on);
    wxColour colour = wxNullColour;
    if (on && choice.value.empty())
      colour = kNotObserved;
    else if (on && item_.kind == forms::ItemKind::rating && item_.scale)
      colour =
          ratingColour(std::stoi(choice.value), item_.scale->minimum(), item_.scale->maximum());
    else if (on)
      colour = wxColour(110, 180, 100);
    if (on || choice.coloured) {
      choice.button->SetBackgroundColour(colour);
      choice.button->SetForegroundColour(on && choice.value.empty() ? *wxWHITE : wxNullColour);
      choice.coloured = on;
    }
    if (on) state = colour;
  }
  if (value_text_ != nullptr && value_) state = wxColour(110, 180, 100);
  if (state != state_colour_) {
    state_colour_ = state;
    RefreshRect(wxRect(0, 0, FromDIP(kStripWidth), GetClientSize().y));
  }
  announce();
}

void ItemRow::announce() {
  // The strip and the pressed colours say the answer at a glance; a screen reader says it in
  // words: "<item>: <answer>", what to look for as the description.
  wxString answer = _("Not answered");
  for (const auto& choice : choices_)
    if (choice.button->GetValue())  // the label without its key: "2  Consistently"
      answer = choice.button->GetLabel().AfterFirst(' ').Trim(false);
  if (value_text_ != nullptr && value_) answer = wx(*value_);
  const auto language = interfaceLanguage();
  setAccessibleText(*this, wx(item_.label.get(language)) + ": " + answer,
                    wx(item_.look_for.get(language)));
}

void ItemRow::setCurrent(bool current) {
  if (current_ == current) return;
  current_ = current;
  SetBackgroundColour(current ? kCurrent : wxNullColour);
  Refresh();
}

void ItemRow::setReadOnly(bool read_only) {
  for (auto& choice : choices_) choice.button->Enable(!read_only);
  note_->Enable(!read_only);
  if (value_text_ != nullptr) value_text_->SetEditable(!read_only);
}

void ItemRow::focusAnswer() {
  for (auto& choice : choices_)
    if (choice.button->GetValue() && choice.button->IsEnabled()) {
      choice.button->SetFocus();
      return;
    }
  if (value_text_ != nullptr) {
    value_text_->SetFocus();
  } else if (!choices_.empty() && choices_.front().button->IsEnabled()) {
    choices_.front().button->SetFocus();
  } else {
    note_->SetFocus();
  }
}

}  // namespace securebase::app
