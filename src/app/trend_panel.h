// Where the section-score trend chart goes. The chart itself is drawn by the core's chart code
// that also draws the PDF report's chart; until that is available this panel lists, per
// section, the score at the first and at the latest completed visit — the same numbers.
#pragma once

#include <wx/panel.h>

#include "securebase/forms/form.h"
#include "securebase/store/store.h"

class wxListView;

namespace securebase::app {

class TrendPanel : public wxPanel {
 public:
  explicit TrendPanel(wxWindow* parent);
  // Current completed visits of `record`, read with `form`; the first observation set of each.
  void show(const store::FamilyRecord& record, const forms::Form* form);

 private:
  wxListView* list_ = nullptr;
};

}  // namespace securebase::app
