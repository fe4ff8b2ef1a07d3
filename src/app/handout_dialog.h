// The personalised handout of a visit, chosen before it is made: the language (the family's by
// default — a parent may read the other one better today), the paper (the clinic's setting by
// default) and the copies. OK makes the PDF; the caller saves it (pdf_output.h).
#pragma once

#include <string>

#include "securebase/model/entities.h"
#include "standard_dialog.h"

class wxChoice;
class wxSpinCtrl;

namespace securebase::app {

class Session;

class HandoutDialog : public StandardDialog {
 public:
  // Throws securebase::Error when the visit cannot be read.
  HandoutDialog(wxWindow* parent, Session& session, model::Id visit_id);

  const std::string& pdfBytes() const { return bytes_; }
  // Makes the PDF with what the dialog shows, without showing it (scripted runs).
  void makeWithDefaults() { apply(); }

  // The controls, for tests.
  wxChoice& language() { return *language_; }  // English, Spanish
  wxChoice& paper() { return *paper_; }        // US Letter, A4
  wxSpinCtrl& copies() { return *copies_; }

 private:
  void apply() override;

  Session& session_;
  model::Id visit_id_;
  wxChoice* language_ = nullptr;
  wxChoice* paper_ = nullptr;
  wxSpinCtrl* copies_ = nullptr;
  std::string bytes_;
};

}  // namespace securebase::app
