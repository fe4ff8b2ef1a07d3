// The one base of every dialog: the same margins, a two-column form of labelled fields, the
// platform's OK/Cancel buttons, and a problem line under the form. OK calls apply(); a
// securebase::Error it throws is shown on the problem line and the dialog stays open with
// everything typed still there, so a refused entry is fixed where it was typed.
//
// The keyboard works the same in every dialog: it opens with the focus on its first field
// (never on a button, where a typed space would press it); Return presses the default button
// from any field — a drop-down included, which GTK would otherwise open — except in a text of
// several lines and on a button that has the focus (Return presses that one); Esc cancels.
#pragma once

#include <wx/dialog.h>

#include <cstddef>
#include <string>

class wxFlexGridSizer;
class wxStaticText;
class wxBoxSizer;

namespace securebase::app {

class StandardDialog : public wxDialog {
 public:
  // Wraps `text` from the core as a wx string (the core speaks UTF-8).
  static wxString fromUtf8(const std::string& text) { return wxString::FromUTF8(text); }
  static std::string toUtf8(const wxString& text) { return text.utf8_string(); }

  // What the problem line says now (empty when nothing was refused).
  wxString problem() const;

 protected:
  StandardDialog(wxWindow* parent, const wxString& title);

  // A row of the form: a right-aligned label and a control that grows.
  void addRow(const wxString& label, wxWindow* control);
  // Something under the form, spanning its width (lists, explanations).
  void addWide(wxWindow* window, int proportion = 0);
  // Something above the form, spanning its width (what the dialog is for), in call order.
  void addIntro(wxWindow* window);
  // Call once all rows are added; fits the dialog and centres it on its parent. `buttons`: the
  // platform's buttons under it (wxCLOSE alone for a dialog whose actions are its own buttons).
  void finishLayout(long buttons = wxOK | wxCANCEL);
  // The field the dialog opens on, when it is not the first row's (after finishLayout).
  void setInitialFocus(wxWindow* field);
  // The OK button's text when it says more than "OK" (e.g. "Save PDF…"); after finishLayout.
  void setOkLabel(const wxString& label);

  // Does the dialog's core call; throw securebase::Error to refuse.
  virtual void apply() = 0;
  void showProblem(const wxString& message);

 private:
  void onOk(wxCommandEvent& event);
  void onCharHook(wxKeyEvent& event);

  wxBoxSizer* body_ = nullptr;
  wxFlexGridSizer* form_ = nullptr;
  wxStaticText* problem_ = nullptr;
  std::size_t intro_items_ = 0;
  wxWindow* first_field_ = nullptr;  // the first row's control, unless setInitialFocus
};

}  // namespace securebase::app
