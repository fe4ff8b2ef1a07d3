// Dates and paths in dialogs: every date field has a calendar button beside it, also opened with
// Alt+↓ in the text (it opens on the date typed, and the day picked there is written into the
// text as YYYY-MM-DD), the logo file and the backup folder in Preferences have a button that
// chooses them, and the report dialog remembers the audience chosen last time.
#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/calctrl.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "date_field.h"
#include "gui_support.h"
#include "pdf_output.h"
#include "person_dialogs.h"
#include "preferences_dialog.h"
#include "report_dialog.h"
#include "securebase/store/settings.h"
#include "session.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;

class DateAndPathFieldsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    session_ = std::make_unique<app::Session>(file_, kTestKey);
    family_ = addTestFamily(session_->store(), "Haddad family", "Rania", "Omar");
  }
  void TearDown() override {
    closeAllWindows();
    session_.reset();
  }

  TempDir dir_;
  fs::path file_ = dir_ / "dates.db";
  std::unique_ptr<app::Session> session_;
  TestFamily family_;
};

// The date field that holds `text`.
app::DateField& fieldOf(wxTextCtrl& text) {
  auto* field = dynamic_cast<app::DateField*>(text.GetParent());
  EXPECT_NE(field, nullptr) << "a date typed without a calendar beside it";
  return *field;
}

// Picks `day` on the calendar that opens next (then Return); `shown` gets the day it opened on.
void pickOnNextCalendar(const wxDateTime& day, std::string& shown) {
  whenModalOpens([day, &shown](wxDialog& dialog) {
    auto* calendar = dynamic_cast<app::CalendarDialog*>(&dialog);
    ASSERT_NE(calendar, nullptr);
    shown = calendar->calendar().GetDate().FormatISODate().utf8_string();
    screenshot("date-calendar-dialog");
    calendar->calendar().SetDate(day);
    wxUIActionSimulator sim;
    sim.Char(WXK_RETURN);
    pump(200);
    if (dialog.IsModal()) dialog.EndModal(wxID_ABORT);
  });
}

TEST_F(DateAndPathFieldsTest, EveryDateFieldHasACalendarButtonAndAltDownAndTypingStillWorks) {
  app::ReportDialog report(nullptr, *session_, family_.family);
  app::ChildDialog child(nullptr, session_->store(), family_.family);
  for (app::StandardDialog* dialog : std::initializer_list<app::StandardDialog*>{&report, &child}) {
    dialog->SetPosition(wxPoint(40, 40));
    dialog->Show();
    pump(300);
    std::vector<wxTextCtrl*> dates = {&child.born()};
    if (dialog == &report) dates = {&report.from(), &report.to()};
    for (wxTextCtrl* text : dates) {
      app::DateField& field = fieldOf(*text);
      EXPECT_NE(field.calendarButton().GetLabel().Find('&'), wxNOT_FOUND);
      text->SetValue("2024-11-02");  // typed
      std::string shown;
      pickOnNextCalendar(wxDateTime(14, wxDateTime::Mar, 2025), shown);
      wxUIActionSimulator sim;
      wxButton& button = field.calendarButton();
      sim.MouseMove(button.GetScreenRect().GetPosition() + button.GetSize() / 2);
      pump(50);
      sim.MouseClick();
      pump(300);
      EXPECT_EQ(shown, "2024-11-02") << "the calendar opens on the date typed";
      EXPECT_EQ(text->GetValue().utf8_string(), "2025-03-14");
      screenshot("date-field-after-calendar");

      // Alt+Down in the text opens it too.
      pickOnNextCalendar(wxDateTime(3, wxDateTime::Feb, 2025), shown);
      text->SetFocus();
      pump(50);
      sim.Char(WXK_DOWN, wxMOD_ALT);
      pump(300);
      EXPECT_EQ(shown, "2025-03-14");
      EXPECT_EQ(text->GetValue().utf8_string(), "2025-02-03");
    }
    dialog->Hide();
  }
  // A child added with the calendar's date.
  child.name().SetValue("Lina");
  whenModalOpens([](wxDialog& dialog) {
    wxUIActionSimulator sim;
    sim.Char(WXK_RETURN);
    pump(200);
    if (dialog.IsModal()) dialog.EndModal(wxID_ABORT);
  });
  ASSERT_EQ(child.ShowModal(), wxID_OK) << child.problem().utf8_string();
  const auto children = session_->store().loadFamily(family_.family).children;
  ASSERT_EQ(children.size(), 2u);
  for (const auto& added : children) {
    if (added.name == "Lina") {
      EXPECT_EQ(added.birth_date.iso(), "2025-02-03");
    }
  }
}

TEST_F(DateAndPathFieldsTest, PreferencesChoosesTheLogoFileAndTheBackupFolderWithAButton) {
  app::PreferencesDialog dialog(nullptr, session_->store(), file_);
  for (const auto* key : {store::setting::clinic_logo, store::setting::backup_folder}) {
    wxButton& button = dialog.browseButton(key);
    EXPECT_NE(button.GetLabel().Find('&'), wxNOT_FOUND) << key;
    EXPECT_TRUE(button.IsEnabled()) << key;
  }
  // Each button sits beside its own field.
  EXPECT_EQ(dialog.browseButton(store::setting::clinic_logo).GetParent(),
            dialog.logo().GetParent());
  EXPECT_EQ(dialog.browseButton(store::setting::backup_folder).GetParent(),
            dialog.backupFolder().GetParent());
  dialog.Show();
  dialog.SetPosition(wxPoint(40, 20));
  pump(300);
  screenshot("preferences-browse-buttons");
}

TEST_F(DateAndPathFieldsTest, TheReportDialogRemembersTheAudience) {
  const fs::path out = dir_ / "reports";
  fs::create_directories(out);
  app::setPdfFolderWithoutAsking(out);
  {
    app::ReportDialog first(nullptr, *session_, family_.family);
    EXPECT_EQ(first.audience().GetSelection(), 0);  // clinical, the first time
    first.audience().SetSelection(1);
    whenModalOpens([](wxDialog& dialog) {
      wxUIActionSimulator sim;
      sim.Char(WXK_RETURN);
      pump(500);
      if (dialog.IsModal()) dialog.EndModal(wxID_ABORT);
    });
    first.ShowModal();  // Return: the report is made (or refused) with that audience
  }
  app::ReportDialog second(nullptr, *session_, family_.family);
  EXPECT_EQ(second.audience().GetSelection(), 1);  // for the parents, as last time
  app::setPdfFolderWithoutAsking(std::nullopt);
}

}  // namespace
}  // namespace securebase::testing
