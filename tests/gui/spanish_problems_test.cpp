// Problems the core refuses, shown in the Spanish window: the catalog's wording with the names,
// dates and files filled in (problemText), on a dialog's problem line and the lock panel; the
// CLI keeps the core's English (what()), checked here on the same errors.
#include <gtest/gtest.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include <functional>

#include "gui_support.h"
#include "interface_language.h"
#include "lock_panel.h"
#include "main_frame.h"
#include "preferences_dialog.h"
#include "problem_text.h"
#include "standard_dialog.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

// The first text field in `window`'s children, depth first: a date field's text sits inside its
// panel, beside the calendar button.
wxTextCtrl* firstTextField(wxWindow& window) {
  for (wxWindow* child : window.GetChildren()) {
    if (auto* field = dynamic_cast<wxTextCtrl*>(child)) return field;
    if (wxTextCtrl* inner = firstTextField(*child)) return inner;
  }
  return nullptr;
}

std::string oneLine(wxString text) {
  text.Replace("\n", " ");
  return text.utf8_string();
}

class SpanishProblemsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app::storeInterfaceChoice(app::InterfaceChoice::spanish);
    app::setUpInterfaceLanguage();
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    family_ = addTestFamily(store, "Familia García", "Ana", "Leo");
    born_ = store.children(family_.family).front().birth_date;
  }
  void TearDown() override {
    closeAllWindows();
    app::storeInterfaceChoice(app::InterfaceChoice::system);
    app::setUpInterfaceLanguage();
  }

  app::MainFrame* showFrame() {
    auto* frame = showMainFrame(file_);
    frame->selectFamily(family_.family);
    pump(200);
    return frame;
  }

  // Types `text` into the first text field of the modal dialog that `open` brings up, presses
  // OK and returns the problem line (the dialog stays open on a refusal; then it is cancelled).
  std::string refusedInDialog(const wxString& text, const std::string& shot,
                              const std::function<void()>& open) {
    std::string problem;
    whenModalOpens([&](wxDialog& dialog) {
      if (wxTextCtrl* field = firstTextField(dialog)) field->SetValue(text);
      wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
      dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
      pump(100);
      if (auto* standard = dynamic_cast<app::StandardDialog*>(&dialog))
        problem = oneLine(standard->problem());
      screenshot(shot);
      dialog.EndModal(wxID_CANCEL);
    });
    open();
    return problem;
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "familias.db";
  TestFamily family_;
  model::Date born_;
};

TEST_F(SpanishProblemsTest, AVisitBeforeTheBirthNamesTheChildAndBothDates) {
  auto* frame = showFrame();
  const std::string date = born_.plusDays(-30).iso();
  const std::string problem = refusedInDialog(wxString::FromUTF8(date), "es_new_visit_before_birth",
                                              [&] { frame->newVisit(); });
  EXPECT_EQ(problem, "La fecha de visita " + date + " es anterior al nacimiento de Leo (" +
                         born_.iso() + ").");
  EXPECT_TRUE(frame->session().store().loadFamily(family_.family).visits.empty());
}

TEST_F(SpanishProblemsTest, AnUnprintableNameNamesTheFieldAndTheCharacter) {
  auto* frame = showFrame();
  const std::string problem = refusedInDialog(
      wxString::FromUTF8("王 familia"), "es_family_unprintable_name", [&] { frame->newFamily(); });
  EXPECT_EQ(problem,
            "El nombre de la familia: el carácter «王» (U+738B) no se puede "
            "imprimir en las hojas ni en los informes.");
  EXPECT_EQ(frame->session().store().listFamilies().size(), 1u);
}

// A wrong passphrase is said plainly, in Spanish: not that the file may be damaged, which the
// counselor cannot act on there (the panel above it already names the file).
TEST_F(SpanishProblemsTest, AWrongPassphraseOnTheLockedWindowIsSaidPlainly) {
  auto* frame = showFrame();
  frame->lock();
  pump(200);
  auto& panel = frame->lockPanel();
  panel.passphrase().SetValue("no es la frase");
  panel.tryUnlock();
  pump(100);
  EXPECT_TRUE(frame->locked());
  const std::string problem = oneLine(panel.problem());
  EXPECT_EQ(problem.rfind("Frase de contraseña incorrecta: no abre esta base de datos. Revise que "
                          "Bloq Mayús esté apagado",
                          0),
            0u)
      << problem;
  EXPECT_EQ(problem.find("dañad"), std::string::npos) << problem;
  screenshot("es_locked_wrong_passphrase");
}

TEST_F(SpanishProblemsTest, APreferenceTheSettingsTableRefusesIsExplainedInSpanish) {
  auto* frame = showFrame();
  std::string problem;
  whenModalOpens([&](wxDialog& dialog) {
    auto& preferences = dynamic_cast<app::PreferencesDialog&>(dialog);
    preferences.backupFolder().SetValue("copias");  // not a full path
    wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
    dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);

    pump(100);
    problem = oneLine(preferences.problem());
    screenshot("es_preferences_relative_backup_folder");
    dialog.EndModal(wxID_CANCEL);
  });
  frame->editPreferences();
  EXPECT_EQ(problem, "Backup.folder debe ser la ruta completa de una carpeta (/…).");
  EXPECT_EQ(frame->session().store().setting("backup.folder"), std::nullopt);
}

TEST_F(SpanishProblemsTest, WhatOpeningPutRightAfterACrashIsToldInSpanish) {
  // The sentence finishInterruptedChange returns, as the window logs it.
  const ErrorText undone = errorText(
      "the unfinished passphrase change of {1} was undone: the old passphrase still opens it",
      std::string("familias.db"));
  EXPECT_EQ(app::translatedText(undone).utf8_string(),
            "se deshizo el cambio de frase de contraseña sin terminar de familias.db: la frase "
            "anterior todavía la abre");
  // A core refusal whose cause is another core refusal: both parts in Spanish.
  try {
    store::Database missing(dir_ / "no-such-folder" / "x.db", {});
    FAIL() << "opened a database in a folder that does not exist";
  } catch (const Error& e) {
    const Error wrapped(e.kind(),
                        errorText("{1}; the previous file was put back unchanged", causePart(e)));
    EXPECT_EQ(app::problemText(wrapped).utf8_string(),
              "No se puede crear la base de datos " + (dir_ / "no-such-folder" / "x.db").string() +
                  ": su carpeta no existe; se volvió a poner el archivo anterior sin cambios.");
  }
}

TEST_F(SpanishProblemsTest, TheCommandLineKeepsTheEnglish) {
  // The same refusals through the core, as the CLI prints them.
  app::storeInterfaceChoice(app::InterfaceChoice::english);
  app::setUpInterfaceLanguage();
  { store::Database db(file_, {.key = kTestKey}); }
  try {
    store::Database db(file_, {.key = "not the passphrase"});
    ADD_FAILURE() << "a wrong passphrase opened the database";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("wrong passphrase for database " + file_.string() +
                                              " (if the passphrase is right, the file is damaged: "
                                              "restore it from a backup",
                                          0),
              0u)
        << e.what();
    EXPECT_EQ(e.text().wording,
              "wrong passphrase for database {1} (if the passphrase is right, the file is "
              "damaged: {2})");
  }
}

}  // namespace
}  // namespace securebase::testing
