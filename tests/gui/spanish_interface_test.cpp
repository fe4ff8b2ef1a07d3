// The window in Spanish: every window and dialog a counselor meets is opened with the interface
// language set to Español, every text it shows (labels, buttons, menus, columns, tabs, choices,
// hints, tooltips, titles) is collected by walking the widget tree, and none may hold a word of
// the interface's English. Screenshots of each at 1280x800 go to gui-screenshots/es_*.png.
#include <gtest/gtest.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/html/htmlwin.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>
#include <wx/toolbar.h>

#include <fstream>
#include <functional>
#include <regex>
#include <set>

#include "caseload_panel.h"
#include "exchange_actions.h"
#include "family_dialog.h"
#include "family_panel.h"
#include "gui_support.h"
#include "help_menu.h"
#include "interface_language.h"
#include "main_frame.h"
#include "new_visit.h"
#include "open_session.h"
#include "person_dialogs.h"
#include "preferences_dialog.h"
#include "print_dialog.h"
#include "quick_handout_dialog.h"
#include "report_dialog.h"
#include "securebase/demo/demo.h"
#include "securebase/report/report_text.h"
#include "securebase/service/scoring.h"
#include "sync_actions.h"
#include "temp_dir.h"
#include "trend_panel.h"
#include "visit_editor.h"

namespace securebase::testing {
namespace {

// Words of the interface's English strings that have no place in its Spanish: any of them,
// as a whole word, in a shown text is an untranslated string.
const std::vector<std::string> kEnglishWords = {
    "Family",      "Families",     "Visit",     "Visits",     "Handout",  "Handouts",  "Report",
    "Preferences", "Passphrase",   "Cancel",    "Save",       "Open",     "Close",     "Print",
    "Backup",      "Backups",      "Restore",   "Lock",       "Unlock",   "Goal",      "Goals",
    "Referral",    "Referrals",    "Caregiver", "Caregivers", "Child",    "Children",  "Counselor",
    "Language",    "English",      "Spanish",   "Date",       "Name",     "Phone",     "Address",
    "Clinic",      "Copies",       "Paper",     "Sign",       "Signed",   "Draft",     "Note",
    "Search",      "Show",         "Overview",  "Trend",      "Flag",     "Flags",     "Age",
    "Born",        "Relationship", "Status",    "Reason",     "Since",    "Edit",      "Add",
    "New",         "Quick",        "Select",    "File",       "View",     "Documents", "Quit",
    "Encrypt",     "Change",       "Create",    "Type",       "the",      "and",       "with",
    "your",        "Keys",         "What",      "Nothing",    "None",     "Yes",       "Home",
    "Missed",      "Outcome",      "Place",     "Present",    "Observed", "Observing", "Printer",
    "Letter",      "both",         "sides",     "Amend",      "Welcome",  "Recent",    "Find",
    "Latest",      "Every",        "Active",    "Closed",     "Overdue",  "Last",      "Next",
    "System",      "computer",     "minutes",   "Weeks",      "Sex",      "Girl",      "Boy",
    "Rate",        "practices",    "item",      "items",      "saved",    "Progress"};

// Every text the user can see in `window` and below it; `data` words (names typed by the
// counselor, dates) are not the interface's and are skipped by the caller's choice of widgets.
void collect(wxWindow& window, std::vector<wxString>& texts) {
  if (auto* text = dynamic_cast<wxTextCtrl*>(&window)) {
    texts.push_back(text->GetHint());  // the value is the counselor's data
  } else if (auto* list = dynamic_cast<wxListCtrl*>(&window)) {
    for (int i = 0; i < list->GetColumnCount(); ++i) {
      wxListItem column;
      column.SetMask(wxLIST_MASK_TEXT);
      list->GetColumn(i, column);
      texts.push_back(column.GetText());
    }
  } else if (auto* choice = dynamic_cast<wxChoice*>(&window)) {
    for (unsigned i = 0; i < choice->GetCount(); ++i) texts.push_back(choice->GetString(i));
  } else if (auto* box = dynamic_cast<wxListBox*>(&window)) {
    for (unsigned i = 0; i < box->GetCount(); ++i) texts.push_back(box->GetString(i));
  } else if (auto* book = dynamic_cast<wxNotebook*>(&window)) {
    for (std::size_t i = 0; i < book->GetPageCount(); ++i) texts.push_back(book->GetPageText(i));
  } else if (auto* tools = dynamic_cast<wxToolBar*>(&window)) {
    for (std::size_t i = 0; i < tools->GetToolsCount(); ++i) {
      const auto* tool = tools->GetToolByPos(static_cast<int>(i));
      texts.push_back(tool->GetLabel());
      texts.push_back(tool->GetShortHelp());
    }
  } else if (!dynamic_cast<wxControlWithItems*>(&window)) {
    texts.push_back(window.GetLabel());
  }
  if (window.GetToolTipText() != wxString()) texts.push_back(window.GetToolTipText());
  if (auto* top = dynamic_cast<wxTopLevelWindow*>(&window)) texts.push_back(top->GetTitle());
  if (auto* frame = dynamic_cast<wxFrame*>(&window); frame && frame->GetMenuBar()) {
    auto* bar = frame->GetMenuBar();
    for (std::size_t m = 0; m < bar->GetMenuCount(); ++m) {
      texts.push_back(bar->GetMenuLabelText(m));
      std::function<void(wxMenu&)> items = [&](wxMenu& menu) {
        for (auto* item : menu.GetMenuItems()) {
          texts.push_back(item->GetItemLabelText());
          texts.push_back(item->GetHelp());
          if (item->GetSubMenu()) items(*item->GetSubMenu());
        }
      };
      items(*bar->GetMenu(m));
    }
  }
  for (auto* child : window.GetChildren()) collect(*child, texts);
}

// The English words found in `window`'s texts, each with the text it was found in.
std::vector<std::string> englishIn(wxWindow& window) {
  std::vector<wxString> texts;
  collect(window, texts);
  std::vector<std::string> found;
  for (const auto& text : texts) {
    const std::string utf8 = text.utf8_string();
    if (utf8 == "English") continue;  // the interface-language choice names each in itself
    for (const auto& word : kEnglishWords)
      if (std::regex_search(utf8, std::regex("(^|[^A-Za-z])" + word + "($|[^A-Za-z])")))
        found.push_back(word + " in \"" + utf8 + "\"");
  }
  return found;
}

wxNotebook* findNotebook(wxWindow& window) {
  if (auto* book = dynamic_cast<wxNotebook*>(&window)) return book;
  for (auto* child : window.GetChildren())
    if (auto* book = findNotebook(*child)) return book;
  return nullptr;
}

class SpanishInterfaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app::storeInterfaceChoice(app::InterfaceChoice::spanish);
    app::setUpInterfaceLanguage();
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    auto catalog = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
    service::enableScoring(store, catalog);
    store.setSetting("clinic.name", "Clínica Esperanza");
    demo::DemoOptions options;
    options.families = 6;
    demo::generateDemo(store, *catalog->latest("attachment-practices"), options);
  }
  void TearDown() override {
    closeAllWindows();
    app::storeInterfaceChoice(app::InterfaceChoice::system);
    app::setUpInterfaceLanguage();
  }

  app::MainFrame* showFrame() {
    auto* frame = showMainFrame(file_);
    const auto& list = frame->caseload().list();
    frame->selectFamily(list.shownRow(0).summary.family.id);
    pump(300);
    return frame;
  }

  // Shows a dialog made for the test (not modal), checks it and photographs it.
  void check(wxDialog& dialog, const std::string& name) {
    dialog.Show();
    pump(300);
    EXPECT_TRUE(englishIn(dialog).empty())
        << name << ": " << ::testing::PrintToString(englishIn(dialog));
    screenshot("es_" + name);
    dialog.Destroy();
    pump(50);
  }

  // Checks the next modal dialog that `open` brings up, then cancels it.
  void checkModal(const std::string& name, const std::function<void()>& open) {
    bool seen = false;
    whenModalOpens([&](wxDialog& dialog) {
      pump(300);
      seen = true;
      EXPECT_TRUE(englishIn(dialog).empty())
          << name << ": " << ::testing::PrintToString(englishIn(dialog));
      screenshot("es_" + name);
      dialog.EndModal(wxID_CANCEL);
    });
    open();
    EXPECT_TRUE(seen) << name << " did not open";
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "muestra.db";
};

TEST_F(SpanishInterfaceTest, TheLanguageIsSpanishWithWxOwnWords) {
  EXPECT_EQ(app::interfaceLanguage(), model::Language::es);
  EXPECT_EQ(_("Cancel"), wxString::FromUTF8("Cancelar"));  // wx's stock words (wx3.2-i18n)
  EXPECT_EQ(wxGetTranslation("&File"), wxString("&Archivo"));
}

TEST_F(SpanishInterfaceTest, MainWindowEveryPage) {
  auto* frame = showFrame();
  EXPECT_TRUE(englishIn(*frame).empty()) << ::testing::PrintToString(englishIn(*frame));
  screenshot("es_main_window");
  // The family's other pages, each photographed (the walk above already read their texts).
  wxNotebook* notebook = findNotebook(*frame);
  ASSERT_NE(notebook, nullptr);
  for (std::size_t page = 1; page < notebook->GetPageCount(); ++page) {
    notebook->SetSelection(page);
    pump(200);
    screenshot("es_main_window_page_" + std::to_string(page));
  }
}

// The family's chart draws its labels in the interface's language, and a window opened after the
// language changes (later in the same process) draws them in the new one.
TEST_F(SpanishInterfaceTest, TheChartFollowsTheInterfaceLanguage) {
  const auto chartTitle = [&] {
    auto* frame = showFrame();
    const auto& chart = frame->familyPanel().trend().chart();
    const std::string title = chart ? chart->title : std::string();
    closeAllWindows();
    pump(50);
    return title;
  };
  EXPECT_EQ(chartTitle(), report::ReportText::loadDefault(model::Language::es).get("chart_title"));
  app::storeInterfaceChoice(app::InterfaceChoice::english);
  app::setUpInterfaceLanguage();
  EXPECT_EQ(chartTitle(), report::ReportText::loadDefault(model::Language::en).get("chart_title"));
}

TEST_F(SpanishInterfaceTest, VisitEditorShowsTheFormInSpanish) {
  auto* frame = showFrame();
  auto& store = frame->session().store();
  const auto family_id = frame->caseload().list().shownRow(0).summary.family.id;
  const auto record = store.loadFamily(family_id);
  ASSERT_FALSE(record.visits.empty());
  auto* editor = app::openVisitEditor(frame, frame->session(), record.visits.back().id);
  ASSERT_NE(editor, nullptr);
  editor->SetPosition(wxPoint(0, 0));
  editor->SetSize(wxSize(1280, 800));
  pump(600);
  EXPECT_TRUE(englishIn(*editor).empty()) << ::testing::PrintToString(englishIn(*editor));
  // The form's own Spanish text, not its English.
  std::vector<wxString> texts;
  collect(*editor, texts);
  const auto& form = *frame->session().formForNewVisits();
  const std::string first_item = form.sections.front().items.front().label.get("es");
  EXPECT_NE(std::find(texts.begin(), texts.end(), wxString::FromUTF8(first_item)), texts.end())
      << first_item;
  screenshot("es_visit_editor");
}

TEST_F(SpanishInterfaceTest, FamilyPersonReportPreferencesQuickHandoutAndPrintDialogs) {
  auto* frame = showFrame();
  auto& store = frame->session().store();
  const auto family_id = frame->caseload().list().shownRow(0).summary.family.id;
  check(*new app::FamilyDialog(frame, store, family_id), "family_dialog");
  check(*new app::FamilyDialog(frame, store, std::nullopt), "new_family_dialog");
  check(*new app::CaregiverDialog(frame, store, family_id), "caregiver_dialog");
  check(*new app::ChildDialog(frame, store, family_id), "child_dialog");
  check(*new app::ReportDialog(frame, frame->session(), family_id), "report_dialog");
  check(*new app::PreferencesDialog(frame, store, file_), "preferences_dialog");
  check(*new app::QuickHandoutDialog(frame, app::quickHandoutDefaults(store)), "quick_handout");
  const auto pdf = dir_ / "hoja.pdf";
  std::ofstream(pdf) << "%PDF-1.4\n/MediaBox [ 0 0 612 792 ]\n";
  check(*new app::PrintDialog(
            frame, pdf,
            {{"Front_Desk", "Front desk printer", true, true}, {"cap", "cap", false, false}}),
        "print_dialog");
}

TEST_F(SpanishInterfaceTest, HelpExportAndImportWindows) {
  auto* frame = showFrame();
  check(*app::makeShortcutsDialog(frame), "shortcuts_dialog");
  check(*app::makeAboutDialog(frame, &frame->session()), "about_dialog");
  check(*new app::ExportDialog(frame), "export_dialog");
  exchange::Conflict conflict{exchange::RecordType::family,
                              "2f0c9d1e-5b7a-4c3e-9f61-0d2b8e4a7c15",
                              exchange::ConflictReason::content_differs,
                              {"display_name"}};
  check(*new app::ImportConflictsDialog(frame, {conflict}), "import_conflicts_dialog");
  auto* guide = dynamic_cast<wxFrame*>(app::showUserGuide(frame));
  ASSERT_NE(guide, nullptr);
  guide->SetPosition(wxPoint(0, 0));
  guide->SetSize(wxSize(1280, 800));
  pump(300);
  EXPECT_TRUE(englishIn(*guide).empty()) << ::testing::PrintToString(englishIn(*guide));
  for (wxWindow* child : guide->GetChildren()) {
    if (auto* html = dynamic_cast<wxHtmlWindow*>(child)) {
      EXPECT_EQ(html->GetOpenedPageTitle().utf8_string(), "Guía de uso de SecureBase");
    }
  }
  screenshot("es_user_guide");
}

// The conflict list says why each record is left out, in Spanish, naming the differing fields as
// the window does (a key it does not know stays as it is), and shows every id whole;
// a reason too long for the screen shows whole as the tooltip of its cell.
TEST_F(SpanishInterfaceTest, ImportConflictsSayWhyInSpanishWithWholeIds) {
  using exchange::ConflictReason;
  using exchange::RecordType;
  const std::string family = "2f0c9d1e-5b7a-4c3e-9f61-0d2b8e4a7c15";
  const std::string visit = "8a3b6c1d-2e4f-4a5b-8c7d-9e0f1a2b3c4d";
  const std::string caregiver = "c0ffee00-1234-4abc-8def-0123456789ab";
  std::vector<std::string> many_fields;
  for (int i = 0; i < 24; ++i) many_fields.push_back("observation_field_" + std::to_string(i));
  const std::vector<exchange::Conflict> conflicts = {
      {RecordType::family, family, ConflictReason::content_differs, {"display_name", "phone"}},
      {RecordType::visit, visit, ConflictReason::signed_visit_differs, {"notes"}},
      {RecordType::caregiver, caregiver, ConflictReason::other_family, {}},
      {RecordType::visit,
       "5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
       ConflictReason::observes_conflicting_person,
       {caregiver}},
      {RecordType::visit, "0a1b2c3d-4e5f-4061-8273-a4b5c6d7e8f9", ConflictReason::content_differs,
       many_fields}};
  auto* frame = showFrame();
  auto* dialog = new app::ImportConflictsDialog(frame, conflicts);
  dialog->SetPosition(wxPoint(0, 0));
  dialog->Show();
  pump(400);
  screenshot("es_import_conflicts_why");
  auto& list = dialog->list();
  ASSERT_EQ(list.GetItemCount(), 5);
  const auto cell = [&](long row, int column) {
    return list.GetItemText(row, column).utf8_string();
  };
  EXPECT_EQ(cell(0, 0), "familia");
  EXPECT_EQ(cell(0, 2), "El mismo registro con otro contenido: distinto en el nombre, el teléfono");
  EXPECT_EQ(cell(1, 2),
            "Visita firmada con otro contenido: distinta en las notas (una visita firmada nunca se "
            "cambia)");
  EXPECT_EQ(cell(2, 2), "Pertenece a otra familia en esta base de datos");
  EXPECT_EQ(cell(3, 2), "Observa a " + caregiver + ", que es distinto");
  EXPECT_TRUE(englishIn(*dialog).empty()) << ::testing::PrintToString(englishIn(*dialog));

  // Whole ids and titles, and the columns inside the list's visible width.
  constexpr int kTextInset = 12;
  int right = 0;
  for (int column = 0; column < list.GetColumnCount(); ++column) {
    right += list.GetColumnWidth(column);
    if (column == 2) continue;  // the reasons take the rest
    for (long row = 0; row < list.GetItemCount(); ++row)
      EXPECT_LE(list.GetTextExtent(list.GetItemText(row, column)).x + kTextInset,
                list.GetColumnWidth(column))
          << "cut: " << cell(row, column);
  }
  EXPECT_LE(right, list.GetClientSize().x);
  // The short reasons whole; the long one cut, and whole in its tooltip.
  for (long row = 0; row < 4; ++row)
    EXPECT_LE(list.GetTextExtent(list.GetItemText(row, 2)).x + kTextInset, list.GetColumnWidth(2))
        << "cut: " << cell(row, 2);
  ASSERT_GT(list.GetTextExtent(list.GetItemText(4, 2)).x, list.GetColumnWidth(2));
  EXPECT_EQ(tooltipOverCell(list, 4, 2), list.GetItemText(4, 2));
  EXPECT_EQ(tooltipOverCell(list, 0, 2), wxString());  // a whole cell has no tooltip
  dialog->Destroy();
  pump(50);
}

TEST_F(SpanishInterfaceTest, PassphraseLockAndBackupWindows) {
  auto* frame = showFrame();
  checkModal("change_passphrase", [&] { frame->changePassphrase(); });
  ASSERT_TRUE(frame->backUp(false));
  pump(200);
  EXPECT_TRUE(englishIn(*frame).empty()) << ::testing::PrintToString(englishIn(*frame));
  screenshot("es_after_backup");
  checkModal("restore_backup", [&] { frame->showBackups(); });
  frame->lock();
  pump(400);
  EXPECT_TRUE(englishIn(*frame).empty()) << ::testing::PrintToString(englishIn(*frame));
  screenshot("es_locked");
  closeAllWindows();
  checkModal("unlock", [&] { (void)app::openSessionAsking(nullptr, file_, nullptr); });
  checkModal("new_passphrase",
             [&] { (void)app::openSessionAsking(nullptr, dir_ / "nueva.db", nullptr); });
}

// What Sync Now says it did reads in Spanish, counts and all.
TEST_F(SpanishInterfaceTest, SyncNowSaysWhatItDidInSpanish) {
  sync::SyncResult result;
  result.push.sent.families = 1;
  result.push.sent.visits = 3;
  result.push.drafts_kept = 2;
  result.pull.families = 2;
  result.pull.plan.counts[exchange::RecordType::family] = {2, 0, 0};
  result.read_only = {{"2f0c9d1e-5b7a-4c3e-9f61-0d2b8e4a7c15", "García", "Bea Soto", {}, false}};
  auto* frame = showFrame();
  auto* dialog = new app::SyncResultDialog(frame, result);
  dialog->SetPosition(wxPoint(0, 0));
  dialog->Show();
  pump(400);
  screenshot("es_sync_now_result");
  EXPECT_EQ(dialog->details().GetValue().utf8_string(),
            "enviado: 1 familia, 3 visitas firmadas\n"
            "se quedan en esta computadora: 2 visitas en borrador\n"
            "recibido: 2 familias que cambiaron en el servidor\n"
            "  familias: se añadieron 2, 0 ya estaban\n"
            "solo lectura aquí: la familia García (2f0c9d1e-5b7a-4c3e-9f61-0d2b8e4a7c15) se "
            "reasignó a Bea Soto en el servidor\n"
            "se podría quitar: 1 familia de la que el servidor tiene todo (sync --prune la quita "
            "de aquí)");
  dialog->Destroy();
}

}  // namespace
}  // namespace securebase::testing
