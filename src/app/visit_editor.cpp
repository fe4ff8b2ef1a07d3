#include "visit_editor.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "accessible_names.h"
#include "date_field.h"
#include "family_panel.h"
#include "interface_language.h"
#include "item_row.h"
#include "problem_text.h"
#include "securebase/forms/answers.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/service/visits.h"
#include "securebase/store/audit_chain.h"
#include "session.h"
#include "ui_helpers.h"
#include "visit_dialogs.h"
#include "visit_rows.h"
#include "visit_side_panel.h"
#include "window_config.h"

namespace securebase::app {

VisitEditor::VisitEditor(wxWindow* parent, Session& session, model::Id visit_id)
    : wxFrame(parent, wxID_ANY, wxEmptyString), session_(session), pause_timer_(this) {
  visit_ = session_.store().visit(visit_id);
  if (const auto held = session_.store().readOnlyFamily(visit_.family_id))
    family_held_by_ = held->held_by;
  form_ =
      service::formFor(session_.store(), session_.catalog(), visit_.form_id, visit_.form_version);
  // Only the people are needed here, not every visit of the family.
  family_.family = session_.store().family(visit_.family_id);
  family_.caregivers = session_.store().caregivers(visit_.family_id);
  family_.children = session_.store().children(visit_.family_id);
  SetTitle(wxString::Format(_("Visit with %s — SecureBase"), wx(family_.family.display_name)));
  WindowConfig::instance().restore(*this, "VisitEditor", FromDIP(wxSize(1200, 760)));

  auto* root = new wxPanel(this);
  auto* main = new wxBoxSizer(wxVERTICAL);
  main->Add(
      makeHeading(root, wxString::Format(_("Visit with %s"), wx(family_.family.display_name)), 1.4),
      wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
  buildHeader(root, main);

  auto* body = new wxBoxSizer(wxHORIZONTAL);
  scroller_ = new wxScrolledWindow(root, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxVSCROLL | wxBORDER_THEME);
  scroller_->SetScrollRate(0, FromDIP(16));
  body->Add(scroller_, wxSizerFlags(1).Expand());
  side_ = new VisitSidePanel(root, form_.itemCount());
  body->Add(side_, wxSizerFlags().Expand().Border(wxLEFT, FromDIP(12)));
  main->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

  status_ = new wxStaticText(root, wxID_ANY, wxEmptyString);
  signed_line_ = new wxStaticText(root, wxID_ANY, wxEmptyString);
  // Mnemonics (Alt+letter) that the menus' own letters (V, E) leave free.
  sign_ = new wxButton(root, wxID_ANY, _("&Sign Visit…"));
  sign_->SetToolTip(_("Sign the visit (Ctrl+Return). Signing is final."));
  amend_ = new wxButton(root, wxID_ANY, _("A&mend…"));
  discard_ = new wxButton(root, wxID_ANY, _("&Discard Draft…"));
  discard_->SetToolTip(_("Throw away this draft, made by mistake"));
  auto* handout_button = new wxButton(root, wxID_ANY, _("&Handout…"));
  handout_button->SetToolTip(
      _("The parent handout of this visit, in the family's language, as a PDF (Ctrl+P)"));
  auto* close = new wxButton(root, wxID_CLOSE, _("&Close"));
  close->SetToolTip(_("Close the visit (Esc or Ctrl+W); every answer is already saved"));
  auto* footer = new wxBoxSizer(wxHORIZONTAL);
  footer->Add(status_, wxSizerFlags(1).CenterVertical());
  footer->Add(signed_line_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(12)));
  footer->Add(discard_, wxSizerFlags().Border(wxRIGHT, FromDIP(18)));
  footer->Add(sign_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
  footer->Add(amend_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
  footer->Add(handout_button, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
  footer->Add(close);
  main->Add(footer, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
  root->SetSizer(main);

  buildMenus();
  buildRows();
  showSet(0);
  applyReadOnly();
  CallAfter([this] { buildRemainingRows(); });

  sign_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sign(); });
  amend_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { amend(); });
  discard_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { discardDraft(); });
  handout_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { handout(); });
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { flushPending(); });
  Bind(wxEVT_CHAR_HOOK, &VisitEditor::onCharHook, this);
  Bind(wxEVT_CLOSE_WINDOW, &VisitEditor::onClose, this);
  // Start on the current row once the window is active: GTK gives a new window's focus to
  // its first control (the date) when it is activated.
  Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& event) {
    if (!event.GetActive()) flushPending();  // another window (or program) takes the keyboard
    if (event.GetActive() && !activated_) {
      activated_ = true;
      CallAfter([this] { startOnCurrentRow(); });
    }
    event.Skip();
  });
  CallAfter([this] { startOnCurrentRow(); });  // without a window manager there is no activation
  if (family_held_by_)
    setStatus(readOnlyHelp(*family_held_by_), true);  // a draft can still be discarded
  else
    setStatus(readOnly() ? _("Signed visits are read-only.")
                         : _("Every answer is saved as you give it. Keys: 0 1 2 rate, N not "
                             "observed, Tab note, ↑ ↓ move, Ctrl+Z undo, Ctrl+Return sign."));
  nameAccessibles(*this);  // for screen readers, rows added later included
}

void VisitEditor::buildMenus() {
  auto* visit = new wxMenu;
  visit->Append(wxID_APPLY, _("&Sign Visit…\tCtrl+Return"),
                _("Sign the visit; a signed visit can only be amended"));
  visit->Append(wxID_PRINT, _("&Handout…\tCtrl+P"), _("The parent handout of this visit"));
  visit->Append(wxID_EDIT, _("A&mend…"), _("Correct this signed visit, saying why"));
  visit->Append(wxID_DELETE, _("&Discard Draft…"), _("Throw away this draft, made by mistake"));
  visit->AppendSeparator();
  visit->Append(wxID_CLOSE, _("&Close\tCtrl+W"), _("Close the visit"));
  auto* edit = new wxMenu;
  edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"), _("Undo the last answer or note change"));
  edit->Append(wxID_REDO, _("&Redo\tCtrl+Shift+Z"), _("Redo the change just undone"));
  auto* menus = new wxMenuBar;
  menus->Append(visit, _("&Visit"));
  menus->Append(edit, _("&Edit"));
  SetMenuBar(menus);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { sign(); }, wxID_APPLY);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { handout(); }, wxID_PRINT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { amend(); }, wxID_EDIT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { discardDraft(); }, wxID_DELETE);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { undo(); }, wxID_UNDO);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { redo(); }, wxID_REDO);
}

void VisitEditor::updateMenus() {
  wxMenuBar* menus = GetMenuBar();
  if (menus == nullptr) return;
  const bool draft = !readOnly();
  menus->Enable(wxID_APPLY, draft);
  menus->Enable(wxID_EDIT, canAmend());
  menus->Enable(wxID_DELETE, canDiscard());
  menus->Enable(wxID_UNDO, draft && history_.canUndo());
  menus->Enable(wxID_REDO, draft && history_.canRedo());
  // The Edit menu belongs to a draft: a signed visit has nothing to undo.
  menus->EnableTop(1, draft);
}

VisitEditor::~VisitEditor() = default;

std::size_t VisitEditor::rowCount() const {
  return rows_->size();
}

std::size_t VisitEditor::builtRowCount() const {
  return rows_->builtCount();
}

ItemRow& VisitEditor::row(std::size_t index) {
  return rows_->row(index);
}

void VisitEditor::buildHeader(wxWindow* parent, wxSizer* sizer) {
  auto* date = new DateField(parent, visit_.date);
  date_ = &date->text();
  date_->SetMinSize(FromDIP(wxSize(110, -1)));
  place_ = new wxTextCtrl(parent, wxID_ANY, wx(visit_.place), wxDefaultPosition,
                          FromDIP(wxSize(150, -1)));
  outcome_ = new wxChoice(parent, wxID_ANY);
  outcome_->Append(_("Completed"));
  outcome_->Append(_("Missed"));
  outcome_->Append(_("Cancelled"));
  outcome_->SetSelection(static_cast<int>(visit_.outcome));
  present_ = new wxTextCtrl(parent, wxID_ANY, wx(visit_.present));
  pair_ = new wxChoice(parent, wxID_ANY);
  auto name = [](const auto& people, model::Id id) {
    for (const auto& person : people)
      if (person.id == id) return wx(person.name);
    return wxString("?");
  };
  for (const auto& set : visit_.sets)
    pair_->Append(wxString::Format(_("%s with %s"), name(family_.caregivers, set.caregiver_id),
                                   name(family_.children, set.child_id)));
  pair_->SetSelection(0);

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  auto add = [&](const wxString& label, wxWindow* control, int proportion) {
    row->Add(new wxStaticText(parent, wxID_ANY, label),
             wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(4)));
    row->Add(control, wxSizerFlags(proportion).CenterVertical().Border(wxRIGHT, FromDIP(14)));
  };
  add(_("Date:"), date, 0);
  add(_("Place:"), place_, 0);
  add(_("Outcome:"), outcome_, 0);
  add(_("Present:"), present_, 1);
  if (visit_.sets.size() > 1)
    add(_("Observing:"), pair_, 0);
  else
    pair_->Hide();
  sizer->Add(row, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));

  auto dirty = [this](wxCommandEvent&) {
    header_dirty_ = true;
    pause_timer_.StartOnce(kNoteDelayMs);
  };
  for (auto* text : {date_, place_, present_}) text->Bind(wxEVT_TEXT, dirty);
  outcome_->Bind(wxEVT_CHOICE, dirty);
  pair_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    flushPending();
    showSet(static_cast<std::size_t>(pair_->GetSelection()));
  });
}

void VisitEditor::buildRows() {
  rows_ = std::make_unique<VisitRows>(*scroller_, form_, [this](std::size_t index, ItemRow& row) {
    row.onAnswer([this, index](const AnswerChange& change) { saveAnswer(index, change); });
    row.onNote([this, index](const std::string& text) { noteTyped(index, text); });
    // Leaving a note saves it at once, without waiting for the pause in typing.
    row.note().Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
      flushPending();
      event.Skip();
    });
    row.onFocus([this, index] {
      if (index != current_) setCurrent(index);
    });
    const bool has_set = set_index_ < visit_.sets.size();
    row.show(has_set ? findObservation(set_index_, row.item().id) : nullptr);
    row.Enable(has_set);
    row.setReadOnly(readOnly());
  });
}

void VisitEditor::buildRemainingRows() {
  // One section per turn of the event loop, so the window stays responsive meanwhile.
  if (rows_->buildNext()) CallAfter([this] { buildRemainingRows(); });
}

model::Observation* VisitEditor::findObservation(std::size_t set_index,
                                                 const std::string& item_id) {
  for (auto& observation : visit_.sets[set_index].observations)
    if (observation.item_id == item_id) return &observation;
  return nullptr;
}

void VisitEditor::showSet(std::size_t set_index) {
  set_index_ = set_index;
  const bool has_set = set_index_ < visit_.sets.size();
  for (std::size_t i = 0; i < rows_->size(); ++i)
    if (ItemRow* row = rows_->ifBuilt(i)) {
      row->show(has_set ? findObservation(set_index_, row->item().id) : nullptr);
      row->Enable(has_set);
    }
  std::size_t first_unanswered = 0;
  if (has_set)
    for (std::size_t i = 0; i < rows_->size(); ++i)
      if (findObservation(set_index_, rows_->item(i).id) == nullptr) {
        first_unanswered = i;
        break;
      }
  setCurrent(first_unanswered);
  refreshSide();
}

wxString VisitEditor::signedLine() const {
  return signed_line_->GetLabel();
}

wxString VisitEditor::statusLine() const {
  return status_->GetLabel();
}

void VisitEditor::applyReadOnly() {
  const bool read_only = readOnly();
  for (std::size_t i = 0; i < rows_->size(); ++i)
    if (ItemRow* row = rows_->ifBuilt(i)) row->setReadOnly(read_only);
  // The date's field, its calendar button included.
  for (wxWindow* control :
       std::initializer_list<wxWindow*>{date_->GetParent(), place_, outcome_, present_})
    control->Enable(!read_only);
  sign_->Show(!read_only);
  discard_->Show(canDiscard());
  amend_->Show(canAmend());
  updateMenus();
  // The audit chain's head, as the CLI and the report print it: written on paper, it shows
  // later whether the trail was rewritten (securebase-cli audit verify --expect-head).
  const bool is_signed = visit_.isSigned();
  const std::string head = is_signed ? store::auditHead(session_.database()) : std::string();
  signed_line_->SetLabel(
      is_signed ? wxString::Format(_("Signed by %s on %s · audit head %s…"), wx(visit_.signed_by),
                                   wx(visit_.signed_at.substr(0, 10)), wx(head.substr(0, 16)))
                : wxString());
  signed_line_->SetToolTip(is_signed ? _("Audit chain head: ") + wx(head) : wxString());
  sign_->GetParent()->Layout();
}

void VisitEditor::startOnCurrentRow() {
  date_->SelectNone();  // GTK selected it when it had the focus first; it reads as "typed over"
  moveTo(current_);
}

void VisitEditor::moveTo(std::size_t index) {
  if (rows_->size() == 0) return;
  setCurrent(std::min(index, rows_->size() - 1));
  rows_->row(current_).focusAnswer();
  // Keep the row in view with a little of its neighbours.
  int unit_x = 0, unit_y = 1;
  scroller_->GetScrollPixelsPerUnit(&unit_x, &unit_y);
  const wxRect rect = rows_->row(current_).GetRect();
  int view_x = 0, view_y = 0;
  scroller_->GetViewStart(&view_x, &view_y);
  const int top = view_y * unit_y;
  const int height = scroller_->GetClientSize().y;
  const wxPoint logical = scroller_->CalcUnscrolledPosition(rect.GetPosition());
  if (logical.y < top + FromDIP(30))
    scroller_->Scroll(-1, std::max(0, (logical.y - FromDIP(40)) / std::max(1, unit_y)));
  else if (logical.y + rect.height > top + height - FromDIP(10))
    scroller_->Scroll(-1, (logical.y + rect.height - height + FromDIP(40)) / std::max(1, unit_y));
}

void VisitEditor::onCharHook(wxKeyEvent& event) {
  // The window's own shortcuts come first, wherever the focus is (a note field included): the
  // menus show them, but GTK would give a text field the key before the menu.
  const int modifiers = event.GetModifiers();
  const int code = event.GetKeyCode();
  const bool ctrl = modifiers == wxMOD_CONTROL;
  const bool ctrl_shift = modifiers == (wxMOD_CONTROL | wxMOD_SHIFT);
  if (ctrl && (code == WXK_RETURN || code == WXK_NUMPAD_ENTER)) {
    if (!readOnly()) sign();
    return;
  }
  if (ctrl && (code == 'P' || code == 'W')) {
    if (code == 'P')
      handout();
    else
      Close();
    return;
  }
  if (code == WXK_ESCAPE && modifiers == wxMOD_NONE) {
    Close();
    return;
  }
  if ((ctrl && code == 'Z') || (ctrl_shift && code == 'Z') || (ctrl && code == 'Y')) {
    if (ctrl && code == 'Z')
      undo();
    else
      redo();
    return;
  }
  wxWindow* focus = FindFocus();
  bool in_rows = false;
  for (wxWindow* w = focus; w != nullptr && w != this; w = w->GetParent())
    if (w == scroller_) in_rows = true;
  const bool in_text = dynamic_cast<wxTextCtrl*>(focus) != nullptr;
  const int key = event.GetKeyCode();
  const bool plain = event.GetModifiers() == wxMOD_NONE || event.GetModifiers() == wxMOD_SHIFT;
  if (in_rows && plain && rows_->size() > 0) {
    if (key == WXK_DOWN || key == WXK_NUMPAD_DOWN) {
      moveTo(current_ + 1);
      return;
    }
    if (key == WXK_UP || key == WXK_NUMPAD_UP) {
      moveTo(current_ > 0 ? current_ - 1 : 0);
      return;
    }
    // Tab goes from the answer to its note and back, so a note needs one key, not six.
    if (key == WXK_TAB && !event.ControlDown()) {
      if (!in_text && !event.ShiftDown()) {
        rows_->row(current_).note().SetFocus();
        return;
      }
      if (in_text && event.ShiftDown() && focus == &rows_->row(current_).note()) {
        rows_->row(current_).focusAnswer();
        return;
      }
    }
    if (!in_text && rows_->row(current_).answerKey(key)) return;
  }
  event.Skip();
}

void VisitEditor::saveHeader() {
  header_dirty_ = false;
  model::Visit header = visit_;
  const auto date = model::Date::parse(date_->GetValue().Strip(wxString::both).utf8_string());
  if (!date) {
    setStatus(_("The visit date must be written as YYYY-MM-DD; it was not saved."), true);
    return;
  }
  header.date = *date;
  header.place = place_->GetValue().Strip(wxString::both).utf8_string();
  header.present = present_->GetValue().Strip(wxString::both).utf8_string();
  header.outcome = static_cast<model::VisitOutcome>(outcome_->GetSelection());
  try {
    session_.store().updateVisitHeader(header);
    visit_.date = header.date;
    visit_.place = header.place;
    visit_.present = header.present;
    visit_.outcome = header.outcome;
    setStatus(wxString::Format(_("Saved at %s."), wxDateTime::Now().FormatISOTime()));
  } catch (const std::exception& e) {
    setStatus(problemText(e), true);
  }
}

void VisitEditor::refreshSide() {
  if (set_index_ >= visit_.sets.size()) {
    side_->showNotHeld();
    return;
  }
  const auto& set = visit_.sets[set_index_];
  side_->showProgress(forms::answeredCount(form_, set), form_.itemCount());
  // The same picks as the handout PDF (handout::picksForSet).
  const auto picks = handout::picksForSet(family_, set, form_, family_.family.language);
  auto lines = [](const std::vector<std::string>& texts) {
    wxArrayString out;
    for (const auto& text : texts) out.Add(wx(text));
    return out;
  };
  side_->showHandoutPicks(lines(picks.strengths), lines(picks.things_to_try));
}

void VisitEditor::setCurrent(std::size_t index) {
  if (rows_->size() == 0) return;
  if (index != current_)
    if (ItemRow* previous = rows_->ifBuilt(current_)) previous->setCurrent(false);
  current_ = index;
  rows_->row(current_).setCurrent(true);
  const forms::Item& item = rows_->item(current_);
  const auto language = interfaceLanguage();
  side_->showLookFor(wx(item.label.get(language)), wx(item.look_for.get(language)));
}

void VisitEditor::setStatus(const wxString& text, bool problem) {
  status_->SetLabel(text);
  status_->SetForegroundColour(problem ? wxColour(178, 34, 34)
                                       : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
}

void VisitEditor::onClose(wxCloseEvent& event) {
  if (!discarded_) flushPending();  // a discarded draft has nothing left to save to
  WindowConfig::instance().save(*this, "VisitEditor");
  notifyMainWindow();
  event.Skip();
}

}  // namespace securebase::app
