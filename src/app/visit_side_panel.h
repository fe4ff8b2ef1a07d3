// The visit editor's right-hand column: how far the visit is, what to look for in the current
// item, and — live — the strengths and things to try the handout will use.
#pragma once

#include <wx/arrstr.h>
#include <wx/panel.h>

#include <cstddef>

class wxStaticText;
class wxGauge;

namespace securebase::app {

class VisitSidePanel : public wxPanel {
 public:
  VisitSidePanel(wxWindow* parent, std::size_t item_count);

  void showProgress(std::size_t done, std::size_t total);
  void showNotHeld();
  // The current item's "what to look for" (empty: nothing to say).
  void showLookFor(const wxString& item_label, const wxString& look_for);
  // One bullet per line; `none` when empty.
  void showHandoutPicks(const wxArrayString& strengths, const wxArrayString& tries);
  // The strengths shown now, one per bullet (tests hold them equal to the handout's).
  const wxArrayString& shownStrengths() const { return shown_strengths_; }

 private:
  void setWrapped(wxStaticText* text, const wxString& label);

  wxStaticText* answered_ = nullptr;
  wxGauge* progress_ = nullptr;
  wxStaticText* look_for_title_ = nullptr;
  wxStaticText* look_for_ = nullptr;
  wxStaticText* strengths_ = nullptr;
  wxStaticText* tries_ = nullptr;
  wxArrayString shown_strengths_;
};

}  // namespace securebase::app
