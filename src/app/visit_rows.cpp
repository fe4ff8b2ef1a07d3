#include "visit_rows.h"

#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <algorithm>

#include "interface_language.h"
#include "item_row.h"
#include "ui_helpers.h"

namespace securebase::app {

VisitRows::VisitRows(wxScrolledWindow& scroller, const forms::Form& form, Setup setup)
    : scroller_(scroller), setup_(std::move(setup)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  for (const auto& section : form.sections) {
    wxString title = wx(section.title.get(interfaceLanguage()));
    if (section.is_private) title += _("  (clinical record only — never on a handout)");
    sizer->Add(makeHeading(&scroller_, title, 1.15),
               wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, scroller_.FromDIP(10)));
    auto* rows = new wxBoxSizer(wxVERTICAL);
    sizer->Add(rows, wxSizerFlags().Expand());
    sections_.push_back({&section, rows, items_.size(), false});
    for (const auto& item : section.items) {
      items_.push_back(&item);
      section_of_.push_back(sections_.size() - 1);
    }
  }
  rows_.assign(items_.size(), nullptr);
  scroller_.SetSizer(sizer);
}

ItemRow& VisitRows::row(std::size_t index) {
  if (rows_[index] == nullptr)
    for (std::size_t s = 0; s <= section_of_[index]; ++s) build(s);
  return *rows_[index];
}

std::size_t VisitRows::builtCount() const {
  return static_cast<std::size_t>(
      std::count_if(rows_.begin(), rows_.end(), [](const ItemRow* row) { return row != nullptr; }));
}

bool VisitRows::buildNext() {
  for (std::size_t s = 0; s < sections_.size(); ++s)
    if (!sections_[s].built) {
      build(s);
      return true;
    }
  return false;
}

void VisitRows::build(std::size_t s) {
  Section& section = sections_[s];
  if (section.built) return;
  section.built = true;
  scroller_.Freeze();
  std::size_t index = section.first;
  for (const auto& item : section.section->items) {
    auto* row = new ItemRow(&scroller_, item);
    rows_[index] = row;
    section.sizer->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, scroller_.FromDIP(4)));
    setup_(index, *row);
    ++index;
  }
  scroller_.FitInside();
  scroller_.Layout();
  scroller_.Thaw();
}

}  // namespace securebase::app
