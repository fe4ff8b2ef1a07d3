#include "report_dialog.h"

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "date_field.h"
#include "pdf_output.h"
#include "problem_text.h"
#include "securebase/core/error.h"
#include "securebase/handout/file_names.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "session.h"
#include "window_config.h"

namespace securebase::app {
namespace {

constexpr const char* kAudienceKey = "/Report/Audience";

// `problem` is the whole message, so that it can be translated (problem_text.h).
model::Date typedDate(const wxTextCtrl& field, const char* problem) {
  const auto date = model::Date::parse(field.GetValue().Strip(wxString::both).utf8_string());
  if (!date) throwBadInput(problem);
  return *date;
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

  // Dates are typed as YYYY-MM-DD, the way the window writes them, or picked on a calendar.
  auto* from = new DateField(this, first_visit.value_or(today));
  auto* to = new DateField(this, today);
  from_ = &from->text();
  to_ = &to->text();
  audience_ = new wxChoice(this, wxID_ANY);
  audience_->Append(_("Clinical record (scores, items, referrals, notes)"));
  audience_->Append(_("For the parents (strengths, no scores)"));
  // The audience chosen last time on this computer: a counselor tends to print for the same
  // readers (window state, not a clinic setting).
  audience_->SetSelection(WindowConfig::instance().config().ReadLong(kAudienceKey, 0) == 1 ? 1 : 0);
  language_ = new wxChoice(this, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish (Español)"));
  addRow(_("Family:"), new wxStaticText(this, wxID_ANY, fromUtf8(family_.display_name)));
  addRow(_("From:"), from);
  addRow(_("To:"), to);
  addRow(_("For:"), audience_);
  addRow(_("Language:"), language_);
  audienceChanged();
  audience_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { audienceChanged(); });
  finishLayout();
  setOkLabel(_("&Save PDF…"));
}

void ReportDialog::audienceChanged() {
  // Parents read their own language; the clinical record follows the clinic's default.
  const bool parent = audience_->GetSelection() == 1;
  const auto language = parent ? family_.language : clinic_language_;
  language_->SetSelection(language == model::Language::es ? 1 : 0);
}

wxString ReportDialog::suggestedFileName() const {
  // "report-12-2026-12-06-clinical.pdf": the family's number and the day (file_names.h).
  return fromUtf8(handout::documentFileName(
      "report", family_, model::Date::today(), handout::familyNamesSetting(session_.store()),
      audience_->GetSelection() == 1 ? "parent" : "clinical"));
}

void ReportDialog::apply() {
  report::ReportOptions options;
  options.period.from =
      typedDate(*from_, wxTRANSLATE("the first date must be written as YYYY-MM-DD"));
  options.period.to = typedDate(*to_, wxTRANSLATE("the last date must be written as YYYY-MM-DD"));
  options.audience =
      audience_->GetSelection() == 1 ? report::Audience::parent : report::Audience::clinical;
  WindowConfig::instance().config().Write(kAudienceKey, audience_->GetSelection() == 1 ? 1L : 0L);
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
