// Handouts and reports from the window, and what the caseload shows about each family: the
// handout button writes the family's personalised handout, Quick Handout a generic one, the
// report dialog a progress report; the flag, referral and trend columns and their filters; the
// trend chart painted by the PDF's chart code.
#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <fstream>

#include "caseload_panel.h"
#include "family_panel.h"
#include "gui_support.h"
#include "handout_dialog.h"
#include "main_frame.h"
#include "pdf_output.h"
#include "quick_handout_dialog.h"
#include "report_dialog.h"
#include "securebase/service/scoring.h"
#include "securebase/store/settings.h"
#include "session.h"
#include "temp_dir.h"
#include "trend_panel.h"
#include "visit_editor.h"
#include "visit_fixture.h"
#include "visits_page.h"

namespace securebase::testing {
namespace {

std::string pdfText(const std::filesystem::path& file) {
  return run("pdftotext -q -layout '" + file.string() + "' - 2>/dev/null");
}

void clickButton(wxWindow& parent, const wxString& label) {
  for (wxWindow* child : parent.GetChildren())
    if (auto* button = dynamic_cast<wxButton*>(child); button && button->GetLabel() == label) {
      wxCommandEvent click(wxEVT_BUTTON, button->GetId());
      click.SetEventObject(button);
      button->GetEventHandler()->ProcessEvent(click);
      return;
    }
  ADD_FAILURE() << "no button " << label.utf8_string();
}

void pressOk(wxDialog& dialog) {
  wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
  dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
}

class DocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    auto catalog = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
    service::enableScoring(store, catalog);
    garcia_ = addTestFamily(store, "Garcia family", "Rosa", "Mateo");
    recordRatedVisit(store, *catalog, garcia_, 40, 0, false);
    recordRatedVisit(store, *catalog, garcia_, 10, 2, true);  // improving, with a concern
    okafor_ = addTestFamily(store, "Okafor family", "Ngozi", "Ada");
    recordRatedVisit(store, *catalog, okafor_, 12, 1, false);
    model::Referral referral;
    referral.family_id = okafor_.family;
    referral.to_whom = "Lactation clinic";
    referral.reason = "Feeding";
    referral.created_on = model::Date::today().plusDays(-12);
    store.addReferral(referral);
    addTestFamily(store, "Smith family", "Kim", "Lee");
    std::filesystem::create_directories(out_);
    app::setPdfFolderWithoutAsking(out_);
  }
  void TearDown() override {
    app::setPdfFolderWithoutAsking(std::nullopt);
    closeAllWindows();
  }

  app::MainFrame* showFrame() { return showMainFrame(file_); }

  std::vector<std::filesystem::path> writtenPdfs() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(out_))
      if (entry.path().extension() == ".pdf") files.push_back(entry.path());
    return files;
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "documents.db";
  std::filesystem::path out_ = dir_ / "out";
  TestFamily garcia_, okafor_;
};

TEST_F(DocumentsTest, HandoutButtonWritesThePersonalisedHandoutNamingTheBaby) {
  auto* frame = showFrame();
  frame->selectFamily(garcia_.family);
  pump(100);
  clickButton(frame->familyPanel().visits(), _("Handou&t…"));
  pump(100);
  const auto files = writtenPdfs();
  ASSERT_EQ(files.size(), 1u);
  // Named by the family's number and the day: a print queue or a shared folder shows no name.
  EXPECT_EQ(files[0].filename().string(), "handout-" + std::to_string(garcia_.family) + "-" +
                                              model::Date::today().iso() + ".pdf");
  const std::string text = pdfText(files[0]);
  EXPECT_NE(text.find("Mateo"), std::string::npos) << text.substr(0, 400);
  // A handout goes home: no concern flag, no referral, no score.
  EXPECT_EQ(text.find("concern"), std::string::npos);
  screenshot("handout_from_visits_tab");
}

// The handout dialog proposes the family's language and the clinic's paper, and makes what is
// chosen there: here Spanish for an English-speaking family, on A4, two copies.
TEST_F(DocumentsTest, TheHandoutDialogChoosesLanguagePaperAndCopies) {
  app::Session session(file_, kTestKey);
  session.store().setSetting("paper.size", "a4");
  model::Id visit = 0;
  for (const auto& v : session.store().loadFamily(garcia_.family).visits)
    if (v.isCurrent() && v.outcome == model::VisitOutcome::completed) visit = v.id;
  ASSERT_NE(visit, 0);
  app::HandoutDialog defaults(nullptr, session, visit);
  EXPECT_EQ(defaults.language().GetSelection(), 0);  // the family's English
  EXPECT_EQ(defaults.paper().GetSelection(), 1);     // the clinic's A4
  EXPECT_EQ(defaults.copies().GetValue(), 1);
  defaults.makeWithDefaults();
  const auto one = out_ / "one.pdf";
  std::ofstream(one, std::ios::binary) << defaults.pdfBytes();

  app::HandoutDialog dialog(nullptr, session, visit);
  whenModalOpens([](wxDialog& open) {
    auto& handout = static_cast<app::HandoutDialog&>(open);
    handout.language().SetSelection(1);
    handout.copies().SetValue(2);
    screenshot("handout-dialog");
    wxUIActionSimulator sim;
    sim.Char(WXK_RETURN);
    pump(500);
    if (open.IsModal()) open.EndModal(wxID_ABORT);
  });
  ASSERT_EQ(dialog.ShowModal(), wxID_OK) << dialog.problem().utf8_string();
  const auto two = out_ / "two.pdf";
  std::ofstream(two, std::ios::binary) << dialog.pdfBytes();
  const std::string info_one = run("pdfinfo '" + one.string() + "' 2>/dev/null");
  const std::string info_two = run("pdfinfo '" + two.string() + "' 2>/dev/null");
  EXPECT_NE(info_two.find("x 841.89"), std::string::npos) << info_two;  // A4
  EXPECT_NE(info_one.find("x 841.89"), std::string::npos) << info_one;  // the clinic's A4 too
  auto pages = [](const std::string& info) {
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
  };
  EXPECT_EQ(pages(info_two), 2 * pages(info_one));  // two copies
  EXPECT_NE(pdfText(two).find("Mateo"), std::string::npos);
  EXPECT_EQ(pdfText(one).find(" el "), std::string::npos);  // English by default
  EXPECT_NE(pdfText(two).find(" el "), std::string::npos);  // Spanish as chosen
}

TEST_F(DocumentsTest, VisitEditorHandoutUsesTheVisitShown) {
  auto* frame = showFrame();
  frame->selectFamily(okafor_.family);
  pump(100);
  frame->familyPanel().visits().openRow(0);
  pump(300);
  app::VisitEditor* editor = nullptr;
  for (wxWindow* window : wxTopLevelWindows)
    if (auto* found = dynamic_cast<app::VisitEditor*>(window)) editor = found;
  ASSERT_NE(editor, nullptr);
  const auto file = editor->handout();
  ASSERT_TRUE(file.has_value());
  EXPECT_NE(pdfText(*file).find("Ada"), std::string::npos);
}

TEST_F(DocumentsTest, QuickHandoutWritesAGenericHandoutWithoutAFamily) {
  auto* frame = showFrame();
  bool saw_dialog = false;
  whenModalOpens([&](wxDialog& dialog) {
    auto* quick = dynamic_cast<app::QuickHandoutDialog*>(&dialog);
    ASSERT_NE(quick, nullptr);
    saw_dialog = true;
    quick->language().SetSelection(1);
    quick->childName().SetValue(wxString::FromUTF8("Lucía"));
    quick->copies().SetValue(2);
    pump(100);
    screenshot("quick_handout_dialog");
    pressOk(dialog);
  });
  frame->quickHandout();
  pump(100);
  EXPECT_TRUE(saw_dialog);
  // Named by the language and the day: the baby's name is not in it (handout/file_names.h).
  const auto file = out_ / ("handout-es-" + model::Date::today().iso() + ".pdf");
  ASSERT_TRUE(std::filesystem::exists(file));
  const std::string text = pdfText(file);
  EXPECT_NE(text.find("Lucía"), std::string::npos) << text.substr(0, 400);
  EXPECT_EQ(text.find("Garcia"), std::string::npos);
  const std::string info = run("pdfinfo '" + file.string() + "' 2>/dev/null");
  EXPECT_NE(info.find("Pages:"), std::string::npos);
}

TEST_F(DocumentsTest, QuickHandoutForAGirlOfFiveMonthsInSpanishAgreesAndMatchesHerAge) {
  auto* frame = showFrame();
  wxString sex_at_start, age_at_start;
  whenModalOpens([&](wxDialog& dialog) {
    auto& quick = dynamic_cast<app::QuickHandoutDialog&>(dialog);
    sex_at_start = quick.sex().GetStringSelection();
    age_at_start = quick.age().GetStringSelection();
    quick.language().SetSelection(1);
    quick.childName().SetValue("Ximena");
    quick.sex().SetSelection(1);  // girl
    quick.age().SetSelection(2);  // 4 to 6 months
    pressOk(dialog);
  });
  // On a computer that allows names in file names, the baby's name follows.
  frame->session().store().setSetting(store::setting::files_family_names, "yes");
  frame->quickHandout();
  pump(100);
  EXPECT_EQ(sex_at_start.utf8_string(), "Not said");  // nothing is assumed about the baby
  EXPECT_EQ(age_at_start.utf8_string(), "Any age (general advice)");
  const auto file = out_ / ("handout-es-" + model::Date::today().iso() + "-ximena.pdf");
  ASSERT_TRUE(std::filesystem::exists(file));
  const std::string text = pdfText(file);
  EXPECT_NE(text.find("abrázala"), std::string::npos) << text;
  EXPECT_NE(text.find("tranquila y despierta"), std::string::npos);
  EXPECT_EQ(text.find("abrázalo"), std::string::npos);
  EXPECT_EQ(text.find("tranquilo y despierto"), std::string::npos);
  EXPECT_NE(text.find("De 4 a 6 meses"), std::string::npos);  // her age's section only
  EXPECT_EQ(text.find("De 7 a 12 meses"), std::string::npos);
  EXPECT_EQ(text.find("Jugar mientras crece"), std::string::npos);
}

TEST_F(DocumentsTest, QuickHandoutRefusesANameTheFontsCannotPrint) {
  auto* frame = showFrame();
  bool stayed_open = false;
  whenModalOpens([&](wxDialog& dialog) {
    auto& quick = dynamic_cast<app::QuickHandoutDialog&>(dialog);
    quick.childName().SetValue(wxString::FromUTF8("美咲"));
    pressOk(dialog);
    pump(100);
    stayed_open = dialog.IsShown();
    dialog.EndModal(wxID_CANCEL);
  });
  frame->quickHandout();
  EXPECT_TRUE(stayed_open);
  EXPECT_TRUE(writtenPdfs().empty());
}

TEST_F(DocumentsTest, ReportDialogWritesTheProgressReport) {
  auto* frame = showFrame();
  frame->selectFamily(garcia_.family);
  pump(100);
  whenModalOpens([&](wxDialog& dialog) {
    pump(100);
    screenshot("report_dialog");
    pressOk(dialog);
  });
  frame->progressReport();
  pump(100);
  const auto files = writtenPdfs();
  ASSERT_EQ(files.size(), 1u);
  // Named by the family's number and the day, never by the family's name.
  EXPECT_EQ(files[0].filename().string(), "report-" + std::to_string(garcia_.family) + "-" +
                                              model::Date::today().iso() + "-clinical.pdf");
  const std::string text = pdfText(files[0]);
  EXPECT_NE(text.find("Garcia"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("Mateo"), std::string::npos);
}

TEST_F(DocumentsTest, FlagReferralAndTrendColumnsAndTheirFilters) {
  auto* frame = showFrame();
  auto& list = frame->caseload().list();
  ASSERT_EQ(list.GetItemCount(), 3);
  // Garcia first by name: improving, flagged; Okafor: one open referral.
  EXPECT_EQ(list.GetItemText(0, 0), "Garcia family");
  EXPECT_EQ(list.GetItemText(0, 6), wxString::FromUTF8("↑"));
  EXPECT_EQ(list.GetItemText(0, 8), wxString::FromUTF8("⚑"));
  EXPECT_EQ(list.GetItemText(1, 7), "1");
  EXPECT_EQ(list.GetItemText(2, 6), "");

  frame->caseload().setView(app::CaseloadView::flagged);
  pump(100);
  ASSERT_EQ(list.GetItemCount(), 1);
  EXPECT_EQ(list.GetItemText(0, 0), "Garcia family");
  screenshot("caseload_flagged_filter");

  frame->caseload().setView(app::CaseloadView::open_referral);
  pump(100);
  ASSERT_EQ(list.GetItemCount(), 1);
  EXPECT_EQ(list.GetItemText(0, 0), "Okafor family");
}

TEST_F(DocumentsTest, TrendChartPaintsTheSectionScores) {
  auto* frame = showFrame();
  frame->selectFamily(garcia_.family);
  pump(200);
  auto& trend = frame->familyPanel().trend();
  ASSERT_TRUE(trend.chart().has_value());
  EXPECT_EQ(trend.chart()->x_labels.size(), 2u);
  EXPECT_FALSE(trend.chart()->series.empty());
  if (auto* page = dynamic_cast<wxScrolledWindow*>(trend.GetParent())) page->Scroll(0, 10000);
  pump(300);
  const auto shot = screenshot("family_overview_trend_chart");

  // The panel's area on screen holds the chart's ink: dark text and coloured lines.
  if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) wxImage::AddHandler(new wxPNGHandler);
  wxImage image;
  ASSERT_TRUE(image.LoadFile(wxString(shot.string()), wxBITMAP_TYPE_PNG));
  wxRect area = trend.GetScreenRect().Intersect(wxRect(0, 0, image.GetWidth(), image.GetHeight()));
  ASSERT_GT(area.width * area.height, 100 * 100);
  int dark = 0, coloured = 0;
  for (int y = area.y; y < area.GetBottom(); ++y)
    for (int x = area.x; x < area.GetRight(); ++x) {
      const int r = image.GetRed(x, y), g = image.GetGreen(x, y), b = image.GetBlue(x, y);
      if (r + g + b < 200) ++dark;
      if (std::max({r, g, b}) - std::min({r, g, b}) > 60) ++coloured;
    }
  EXPECT_GT(dark, 200);
  EXPECT_GT(coloured, 200);
}

}  // namespace
}  // namespace securebase::testing
