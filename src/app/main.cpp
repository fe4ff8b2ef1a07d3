// securebase: the desktop program. Opens the database by the CLI's rule (--db, else
// $SECUREBASE_DB, else the XDG data folder), creating it when missing. Without a display it
// writes sample documents instead (headless_demo.h), before GTK is ever touched.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "demo_offer.h"
#include "headless_demo.h"
#include "main_frame.h"
#include "problem_text.h"
#include "securebase/core/paths.h"
#include "utf8_locale.h"

namespace securebase::app {

class SecureBaseApp : public wxApp {
 public:
  bool OnInit() override {
    ensureUtf8Locale();
    if (!wxApp::OnInit()) return false;
    SetAppName("securebase");
    SetAppDisplayName(_("SecureBase"));
    std::unique_ptr<Session> session;
    try {
      session = std::make_unique<Session>(databasePath(db_option_));
    } catch (const std::exception& e) {
      showProblemBox(nullptr, e);
      return false;
    }
    const bool offer = session->createdNow() && !no_demo_offer_ &&
                       std::getenv("SECUREBASE_NO_DEMO_OFFER") == nullptr;
    auto* frame = new MainFrame(std::move(session));
    frame->Show();
    if (offer)
      CallAfter([frame] {
        if (frame->session().store().listFamilies().empty() &&
            offerDemoFamilies(frame, frame->session()))
          frame->reloadCaseload();
      });
    return true;
  }

  void OnInitCmdLine(wxCmdLineParser& parser) override {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", _("database file (default: $SECUREBASE_DB, else the data folder)"));
    parser.AddSwitch("", "no-demo-offer", _("do not offer sample families on a new database"));
  }

  bool OnCmdLineParsed(wxCmdLineParser& parser) override {
    wxString db;
    if (parser.Found("db", &db)) db_option_ = db.utf8_string();
    no_demo_offer_ = parser.Found("no-demo-offer");
    return wxApp::OnCmdLineParsed(parser);
  }

 private:
  std::optional<std::string> db_option_;
  bool no_demo_offer_ = false;
};

}  // namespace securebase::app

namespace {

// --db FILE or --db=FILE, read before wx parses the command line (it needs GTK for that).
std::optional<std::string> databaseOption(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) return std::string(argv[i + 1]);
    if (std::strncmp(argv[i], "--db=", 5) == 0) return std::string(argv[i] + 5);
  }
  return std::nullopt;
}

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(securebase::app::SecureBaseApp);

int main(int argc, char** argv) {
  if (!securebase::app::displayAvailable())
    return securebase::app::runWithoutDisplay(databaseOption(argc, argv), std::cout, std::cerr);
  return wxEntry(argc, argv);
}
