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
#include <wx/wrapsizer.h>

#include <algorithm>

#include "accessible_names.h"
#include "interface_language.h"
#include "ui_helpers.h"

namespace securebase::app {
namespace {

const wxColour kUnanswered(205, 205, 205);
// Dark enough for white text (contrast above 7:1).
const wxColour kNotObserved(52, 78, 122);
const wxColour kCurrent(222, 234, 252);
const wxColour kCurrentOutline(70, 110, 190);
const wxColour kFocusRing(0, 40, 140);
constexpr int kStripWidth = 6;  // the answer state at the row's left edge
constexpr int kRingWidth = 3;
// Rows with more answers than this put them on lines of their own, wrapping, with the note
// below: the five long answers of a "next step" do not fit beside a note at any width.
constexpr std::size_t kAnswersBesideNote = 4;

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
  note_ = new wxTextCtrl(this, wxID_ANY);
  note_->SetHint(_("Note"));
  // Answers own their lines when there are many of them (they wrap), else they share one
  // line with the note.
  const bool own_lines = choices_.size() > kAnswersBesideNote;
  wxSizer* answers = own_lines ? static_cast<wxSizer*>(new wxWrapSizer(wxHORIZONTAL))
                               : static_cast<wxSizer*>(new wxBoxSizer(wxHORIZONTAL));
  for (std::size_t i = 0; i < choices_.size(); ++i) {
    if (i + 1 == choices_.size()) answers->AddSpacer(FromDIP(14));
    if (i == 0 && value_text_ != nullptr)
      answers->Add(value_text_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    answers->Add(choices_[i].button,
                 wxSizerFlags().Border(wxRIGHT | (own_lines ? wxBOTTOM : 0), FromDIP(6)));
  }

  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(label, wxSizerFlags().Expand());
  if (own_lines) {
    column->Add(answers, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
    column->Add(note_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
  } else {
    answers->AddSpacer(FromDIP(8));
    answers->Add(note_, wxSizerFlags(1).CenterVertical());
    column->Add(answers, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
  }
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->AddSpacer(FromDIP(kStripWidth));
  row->Add(column, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
  SetSizer(row);

  Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
  Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    event.Skip();
    CallAfter([this] { tooltipsForCutText(); });
  });
  note_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    if (!showing_ && on_note_) on_note_(note_->GetValue().utf8_string());
  });
  auto focus = [this](wxFocusEvent& event) {
    focusChanged(dynamic_cast<wxWindow*>(event.GetEventObject()));
    if (on_focus_) on_focus_();
    event.Skip();
  };
  auto blur = [this](wxFocusEvent& event) {
    if (focused_ == event.GetEventObject()) focusChanged(nullptr);
    event.Skip();
  };
  std::vector<wxWindow*> focusable{note_};
  for (auto& choice : choices_) focusable.push_back(choice.button);
  if (value_text_ != nullptr) focusable.push_back(value_text_);
  for (wxWindow* control : focusable) {
    control->Bind(wxEVT_SET_FOCUS, focus);
    control->Bind(wxEVT_KILL_FOCUS, blur);
  }
  paintState();
}

void ItemRow::addChoice(const std::string& value, int key, const wxString& label) {
  auto* button =
      new wxToggleButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, FromDIP(34)));
  // Never narrower than its text: a box sizer would otherwise squeeze it to the minimum and cut
  // the answer off. The check mark of the chosen answer is counted in.
  wxFont bold = button->GetFont();
  bold.MakeBold();
  button->SetFont(bold);
  button->SetLabel(wxString::FromUTF8("\u2713 ") + label);
  const int text_width = button->GetBestSize().x;
  button->SetLabel(label);
  button->SetFont(GetFont());
  button->SetMinSize(wxSize(std::max(FromDIP(value.empty() ? 140 : 110), text_width), FromDIP(34)));
  const std::size_t index = choices_.size();
  choices_.push_back({value, key, button, label});
  button->Bind(wxEVT_TOGGLEBUTTON, [this, index](wxCommandEvent&) {
    const Choice& choice = choices_[index];
    if (read_only_) {  // a signed visit: the click changes nothing
      paintState();
      return;
    }
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
  if (!IsEnabled() || read_only_) return false;
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
      choice.button->SetForegroundColour(on ? (choice.value.empty() ? *wxWHITE : *wxBLACK)
                                            : wxNullColour);
      // Chosen is told by more than colour: a check mark and bold type.
      choice.button->SetLabel(on ? wxString::FromUTF8("\u2713 ") + choice.label : choice.label);
      wxFont font = GetFont();
      if (on) font.MakeBold();
      choice.button->SetFont(font);
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
    if (choice.button->GetValue())  // the label without its key: "2  Consistently"; the button's
      answer = choice.label.AfterFirst(' ').Trim(false);  // own label also has a check mark
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
  // Enabled but refusing: a disabled GTK button greys its text, unreadable on the colours.
  read_only_ = read_only;
  note_->SetEditable(!read_only);
  if (value_text_ != nullptr) value_text_->SetEditable(!read_only);
}

std::vector<wxToggleButton*> ItemRow::answerButtons() const {
  std::vector<wxToggleButton*> buttons;
  for (const auto& choice : choices_) buttons.push_back(choice.button);
  return buttons;
}

wxColour ItemRow::focusRingColour() {
  return kFocusRing;
}

wxRect ItemRow::focusRing() const {
  if (focused_ == nullptr) return {};
  const int gap = FromDIP(kRingWidth);
  return focused_->GetRect().Inflate(gap + FromDIP(1), gap);
}

void ItemRow::focusChanged(wxWindow* focused) {
  if (focused == focused_) return;
  if (focused_ != nullptr) RefreshRect(focusRing().Inflate(2));
  focused_ = focused;
  if (focused_ != nullptr) RefreshRect(focusRing().Inflate(2));
}

void ItemRow::paint() {
  wxPaintDC dc(this);
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.SetBrush(wxBrush(state_colour_));
  dc.DrawRectangle(0, 0, FromDIP(kStripWidth), GetClientSize().y);
  dc.SetBrush(*wxTRANSPARENT_BRUSH);
  if (current_) {
    dc.SetPen(wxPen(kCurrentOutline, FromDIP(2)));
    dc.DrawRectangle(wxRect(GetClientSize()).Deflate(FromDIP(1)));
  }
  if (focused_ != nullptr) {
    // Drawn in the gap around the control, which the sizer's borders leave free.
    const int width = FromDIP(kRingWidth);
    dc.SetPen(wxPen(kFocusRing, width));
    dc.DrawRectangle(focusRing().Deflate(width / 2));
  }
}

void ItemRow::tooltipsForCutText() {
  for (auto& choice : choices_) {
    const bool cut = choice.button->GetSize().x < choice.button->GetBestSize().x;
    if (cut)
      choice.button->SetToolTip(choice.label);
    else if (choice.button->GetToolTip() != nullptr)
      choice.button->UnsetToolTip();
  }
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
