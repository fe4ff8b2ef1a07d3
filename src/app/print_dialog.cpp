#include "print_dialog.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/spinctrl.h>
#include <wx/translation.h>

#include <system_error>

#include "problem_text.h"

namespace securebase::app {
namespace {

// Without a printer the PDF is still useful: a copy on a stick prints anywhere.
void offerSaveAs(wxWindow* parent, const std::filesystem::path& file, const wxString& why) {
  wxMessageDialog box(parent,
                      why + "\n\n" +
                          wxString::Format(_("The PDF is saved as %s. Save a copy elsewhere, "
                                             "to print it from another computer?"),
                                           wxString::FromUTF8(file.filename().string())),
                      _("Print"), wxYES_NO | wxICON_INFORMATION);
  box.SetYesNoLabels(_("&Save as PDF…"), _("&Close"));
  if (box.ShowModal() != wxID_YES) return;
  wxFileDialog where(parent, _("Save a copy of the PDF"), wxEmptyString,
                     wxString::FromUTF8(file.filename().string()), _("PDF documents (*.pdf)|*.pdf"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (where.ShowModal() != wxID_OK) return;
  std::error_code error;
  std::filesystem::copy_file(file, where.GetPath().utf8_string(),
                             std::filesystem::copy_options::overwrite_existing, error);
  if (error)
    wxMessageBox(wxString::Format(_("The copy could not be written: %s"),
                                  wxString::FromUTF8(error.message())),
                 _("Print"), wxOK | wxICON_WARNING, parent);
}

}  // namespace

PrintDialog::PrintDialog(wxWindow* parent, const std::filesystem::path& file,
                         std::vector<print::Printer> printers)
    : StandardDialog(parent, _("Print")), file_(file), printers_(std::move(printers)) {
  printer_ = new wxChoice(this, wxID_ANY);
  for (const auto& printer : printers_)
    printer_->Append(printer.is_default ? wxString::Format(_("%s (default)"),
                                                           wxString::FromUTF8(printer.description))
                                        : wxString::FromUTF8(printer.description));
  printer_->SetSelection(0);
  copies_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                           wxSP_ARROW_KEYS, 1, 100, 1);
  paper_ = new wxChoice(this, wxID_ANY);
  paper_->Append(_("US Letter"));
  paper_->Append(_("A4"));
  paper_->SetSelection(print::paperOfPdf(file_) == pdf::PaperSize::a4 ? 1 : 0);
  two_sided_ = new wxCheckBox(this, wxID_ANY, _("Print on both sides"));
  addRow(_("Printer:"), printer_);
  addRow(_("Copies:"), copies_);
  addRow(_("Paper size:"), paper_);
  addRow(wxEmptyString, two_sided_);
  printerChanged();
  printer_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { printerChanged(); });
  finishLayout();
  setOkLabel(_("&Print"));
}

const print::Printer& PrintDialog::chosenPrinter() const {
  return printers_.at(static_cast<std::size_t>(printer_->GetSelection()));
}

void PrintDialog::printerChanged() {
  // Offered only where the printer can do it.
  const bool offered = chosenPrinter().two_sided;
  two_sided_->Enable(offered);
  if (!offered) two_sided_->SetValue(false);
}

void PrintDialog::apply() {
  print::PrintRequest request;
  request.printer = chosenPrinter().name;
  request.copies = copies_->GetValue();
  request.paper = paper_->GetSelection() == 1 ? pdf::PaperSize::a4 : pdf::PaperSize::letter;
  request.two_sided = two_sided_->IsEnabled() && two_sided_->GetValue();
  request.title = file_.filename().string();
  job_ = print::printFile(file_, request).id;
}

void printPdf(wxWindow* parent, const std::filesystem::path& file) {
  const auto list = print::listPrinters();
  if (!list.problem.empty()) {
    offerSaveAs(parent, file, problemText(std::runtime_error(list.problem)));
    return;
  }
  if (list.printers.empty()) {
    offerSaveAs(parent, file, _("No printer is set up on this computer."));
    return;
  }
  PrintDialog dialog(parent, file, list.printers);
  if (dialog.ShowModal() != wxID_OK) return;
  wxMessageBox(
      wxString::Format(_("Sent to %s as job %d."),
                       wxString::FromUTF8(dialog.chosenPrinter().description), dialog.job()),
      _("Print"), wxOK | wxICON_INFORMATION, parent);
}

}  // namespace securebase::app
