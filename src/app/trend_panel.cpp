#include "trend_panel.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/translation.h>

#include "securebase/forms/scoring.h"
#include "ui_helpers.h"

namespace securebase::app {
namespace {

wxString percentText(const std::optional<double>& percent) {
  return percent ? wxString::Format("%d%%", static_cast<int>(*percent + 0.5)) : wxString(wxS("—"));
}

}  // namespace

TrendPanel::TrendPanel(wxWindow* parent) : wxPanel(parent) {
  list_ =
      makeReportList(this, {{_("Section"), 230}, {_("First visit"), 90}, {_("Latest visit"), 90}},
                     wxLC_NO_SORT_HEADER);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(list_, wxSizerFlags(1).Expand());
  SetSizer(sizer);
}

void TrendPanel::show(const store::FamilyRecord& record, const forms::Form* form) {
  list_->DeleteAllItems();
  if (form == nullptr) return;
  const model::Visit* first = nullptr;
  const model::Visit* latest = nullptr;
  for (const auto& visit : record.visits) {
    if (!visit.isCurrent() || visit.outcome != model::VisitOutcome::completed ||
        visit.sets.empty() || visit.form_id != form->id || visit.form_version != form->version)
      continue;
    if (first == nullptr) first = &visit;
    latest = &visit;
  }
  if (latest == nullptr) return;
  const auto before = forms::scoreSections(*form, first->sets.front());
  const auto now = forms::scoreSections(*form, latest->sets.front());
  for (std::size_t s = 0; s < form->sections.size(); ++s) {
    const long row =
        list_->InsertItem(list_->GetItemCount(), wx(form->sections[s].title.get("en")));
    list_->SetItem(row, 1, percentText(before[s].percent));
    list_->SetItem(row, 2, percentText(now[s].percent));
  }
}

}  // namespace securebase::app
