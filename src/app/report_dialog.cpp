#include "report_dialog.h"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include "pdf_output.h"
#include "problem_text.h"
#include "securebase/handout/batch.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "session.h"

namespace securebase::app {
namespace {

wxDateTime toWx(model::Date date) {
  return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(date.day),
                    static_cast<wxDateTime::Month>(date.month - 1), date.year);
}

model::Date fromWx(const wxDateTime& date) {
  return model::Date{date.GetYear(), static_cast<int>(date.GetMonth()) + 1,
                     static_cast<int>(date.GetDay())};
}

}  // namespace

ReportDialog::ReportDialog(wxWindow* parent, Session& session, model::Id family_id)
    : StandardDialog(parent, _("Progress Report")), session_(session) {
  auto& store = session_.store();
  family_ = store.family(family_id);
  clinic_language_ = handout::defaultLanguage(store);
  std::optional<model::Date> first_visit;
  for (const auto& visit : store.loadFamily(family_id).visits)
    if (!first_visit || visit.date < *first_visit) first_visit = visit.date;
  const auto today = model::Date::today();

  from_ = new wxDatePickerCtrl(this, wxID_ANY, toWx(first_visit.value_or(today)), wxDefaultPosition,
                               wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
  to_ = new wxDatePickerCtrl(this, wxID_ANY, toWx(today), wxDefaultPosition, wxDefaultSize,
                             wxDP_DROPDOWN | wxDP_SHOWCENTURY);
  audience_ = new wxChoice(this, wxID_ANY);
  audience_->Append(_("Clinical record (scores, items, referrals, notes)"));
  audience_->Append(_("For the parents (strengths, no scores)"));
  audience_->SetSelection(0);
  language_ = new wxChoice(this, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish (Español)"));
  addRow(_("Family:"), new wxStaticText(this, wxID_ANY, fromUtf8(family_.display_name)));
  addRow(_("From:"), from_);
  addRow(_("To:"), to_);
  addRow(_("For:"), audience_);
  addRow(_("Language:"), language_);
  audienceChanged();
  audience_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { audienceChanged(); });
  finishLayout();
  setOkLabel(_("Save PDF…"));
}

void ReportDialog::audienceChanged() {
  // Parents read their own language; the clinical record follows the clinic's default.
  const bool parent = audience_->GetSelection() == 1;
  const auto language = parent ? family_.language : clinic_language_;
  language_->SetSelection(language == model::Language::es ? 1 : 0);
}

wxString ReportDialog::suggestedFileName() const {
  // "handout-12-garcia.pdf" → "report-12-garcia-clinical.pdf"
  std::string name = handout::handoutFileName(family_);
  name = "report" + name.substr(name.find('-'), name.size() - name.find('-') - 4);
  name += audience_->GetSelection() == 1 ? "-parent.pdf" : "-clinical.pdf";
  return fromUtf8(name);
}

void ReportDialog::apply() {
  report::ReportOptions options;
  options.period.from = fromWx(from_->GetValue());
  options.period.to = fromWx(to_->GetValue());
  options.audience =
      audience_->GetSelection() == 1 ? report::Audience::parent : report::Audience::clinical;
  options.language = language_->GetSelection() == 1 ? model::Language::es : model::Language::en;
  options.paper = handout::paperFromSettings(session_.store());
  const auto document =
      report::progressReport(session_.store(), session_.catalog(), family_.id, options);
  bytes_ = pdf::renderPdf(document).bytes;
}

std::optional<std::filesystem::path> progressReport(wxWindow* parent, Session& session,
                                                    model::Id family_id) {
  std::optional<ReportDialog> dialog;
  try {
    dialog.emplace(parent, session, family_id);
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return std::nullopt;
  }
  if (dialog->ShowModal() != wxID_OK) return std::nullopt;
  return savePdf(parent, dialog->pdfBytes(), dialog->suggestedFileName(), _("Progress report"));
}

}  // namespace securebase::app
