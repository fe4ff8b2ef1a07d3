// The progress report of one family: the period (from the first visit to today unless changed),
// the audience (clinical record, or the parent-friendly version without scores) and the
// language. OK builds the PDF; the caller saves it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxChoice;
class wxTextCtrl;

namespace securebase::app {

class Session;

class ReportDialog : public StandardDialog {
 public:
  ReportDialog(wxWindow* parent, Session& session, model::Id family_id);

  const std::string& pdfBytes() const { return bytes_; }
  wxString suggestedFileName() const;

  // The controls, for tests.
  wxTextCtrl& from() { return *from_; }
  wxTextCtrl& to() { return *to_; }
  wxChoice& audience() { return *audience_; }
  wxChoice& language() { return *language_; }

 private:
  void apply() override;
  void audienceChanged();

  Session& session_;
  model::Family family_;
  model::Language clinic_language_ = model::Language::en;
  wxTextCtrl* from_ = nullptr;
  wxTextCtrl* to_ = nullptr;
  wxChoice* audience_ = nullptr;
  wxChoice* language_ = nullptr;
  std::string bytes_;
};

// Shows the dialog for the family and saves the PDF; the file written, or nullopt.
std::optional<std::filesystem::path> progressReport(wxWindow* parent, Session& session,
                                                    model::Id family_id);

}  // namespace securebase::app
