// securebase: the desktop program. Opens the database by the CLI's rule (--db, else
// $SECUREBASE_DB, else the XDG data folder): a missing file is created encrypted with a
// passphrase chosen in a dialog, an encrypted one asks for its passphrase. Scripts and tests
// give the passphrase with --passphrase-fd N or --passphrase-file FILE — never on the command
// line or in the environment. Without a display it writes sample documents instead
// (headless_demo.h), before GTK is ever touched.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>

#include "accessible_names.h"
#include "demo_offer.h"
#include "headless_demo.h"
#include "interface_language.h"
#include "main_frame.h"
#include "open_session.h"
#include "problem_text.h"
#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"
#include "securebase/core/paths.h"
#include "securebase/core/process_safety.h"
#include "utf8_locale.h"

namespace securebase::app {

// From --passphrase-fd or --passphrase-file, read before wx starts; wiped once used.
static std::optional<std::string> supplied_passphrase;

class SecureBaseApp : public wxApp {
 public:
  bool OnInit() override {
    ensureUtf8Locale();
    if (!wxApp::OnInit()) return false;
    SetAppName("securebase");
    setUpInterfaceLanguage();
    SetAppDisplayName(_("SecureBase"));
    nameDialogsAsTheyOpen();  // the passphrase dialog is the first
    std::unique_ptr<Session> session;
    try {
      session = openSessionAsking(nullptr, databasePath(db_option_),
                                  supplied_passphrase ? &*supplied_passphrase : nullptr);
    } catch (const std::exception& e) {
      std::cerr << "securebase: " << e.what() << "\n";  // for scripts, which see no window
      showProblemBox(nullptr, e);
    }
    if (supplied_passphrase) wipe(*supplied_passphrase);
    if (!session) return false;  // refused or cancelled: nothing to show

    const bool offer = session->createdNow() && !no_demo_offer_ &&
                       std::getenv("SECUREBASE_NO_DEMO_OFFER") == nullptr;
    auto* frame = new MainFrame(std::move(session));
    frame->Show();
    // One question after another, once the window shows: who is working first (signatures and
    // the audit trail name them), then the offers.
    CallAfter([frame, offer] {
      frame->askWhoIsWorking();
      if (frame->locked()) return;
      if (!frame->session().encrypted()) frame->offerEncryption();
      if (offer && frame->session().store().listFamilies().empty() &&
          offerDemoFamilies(frame, frame->session()))
        frame->reloadCaseload();
    });
    return true;
  }

  void OnInitCmdLine(wxCmdLineParser& parser) override {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", _("database file (default: $SECUREBASE_DB, else the data folder)"));
    parser.AddSwitch("", "no-demo-offer", _("do not offer sample families on a new database"));
    // Read and removed before wx parses the command line; listed here for --help.
    parser.AddOption("", "passphrase-fd", _("read the database passphrase from descriptor N"),
                     wxCMD_LINE_VAL_NUMBER);
    parser.AddOption("", "passphrase-file", _("read the database passphrase from FILE"));
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

// `--name VALUE` or `--name=VALUE`, read before wx parses the command line (it needs GTK for
// that). With `remove`, the option is taken out of argv.
std::optional<std::string> takeOption(int& argc, char** argv, const char* name, bool remove) {
  const std::size_t length = std::strlen(name);
  for (int i = 1; i < argc; ++i) {
    int used = 0;
    std::optional<std::string> value;
    if (std::strcmp(argv[i], name) == 0 && i + 1 < argc) {
      value = argv[i + 1];
      used = 2;
    } else if (std::strncmp(argv[i], name, length) == 0 && argv[i][length] == '=') {
      value = argv[i] + length + 1;
      used = 1;
    }
    if (!value) continue;
    if (remove) {
      for (int j = i; j + used <= argc; ++j) argv[j] = argv[j + used];
      argc -= used;
    }
    return value;
  }
  return std::nullopt;
}

// The passphrase from --passphrase-fd N or --passphrase-file FILE (both removed from argv).
std::optional<std::string> suppliedPassphrase(int& argc, char** argv) {
  const auto fd = takeOption(argc, argv, "--passphrase-fd", true);
  const auto file = takeOption(argc, argv, "--passphrase-file", true);
  if (fd && file) securebase::throwBadInput("give --passphrase-fd or --passphrase-file, not both");
  if (file) return securebase::readPassphraseFile(*file);
  if (!fd) return std::nullopt;
  char* end = nullptr;
  const long number = std::strtol(fd->c_str(), &end, 10);
  if (fd->empty() || *end != '\0' || number < 0 || number > 1024)
    securebase::throwBadInput("--passphrase-fd needs a file descriptor number");
  return securebase::readPassphraseFd(static_cast<int>(number));
}

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(securebase::app::SecureBaseApp);

int main(int argc, char** argv) {
  securebase::protectProcess();
  try {
    securebase::app::supplied_passphrase = suppliedPassphrase(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "securebase: " << e.what() << "\n";
    return 2;
  }
  if (!securebase::app::displayAvailable())
    return securebase::app::runWithoutDisplay(takeOption(argc, argv, "--db", false),
                                              securebase::app::supplied_passphrase, std::cout,
                                              std::cerr);
  return wxEntry(argc, argv);
}
