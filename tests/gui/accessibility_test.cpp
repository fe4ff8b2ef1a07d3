// What a screen reader (Orca) reads of the program: the main window, the visit editor and every
// dialog are read through AT-SPI by accessibility_dump.py, as Orca reads them, and every
// element the keyboard can reach must have a name; every rating row must say its item and the
// answer given, and say the new answer once it changes.
// Runs with an AT-SPI bus of its own (SECUREBASE_GUI_TEST_AT_SPI=1, see gui_main.cpp and
// tests/gui/CMakeLists.txt).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wx/app.h>
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/evtloop.h>
#include <wx/listctrl.h>
#include <wx/timer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include "accessibility_bus.h"
#include "caseload_list.h"
#include "caseload_panel.h"
#include "counselor_dialog.h"
#include "family_dialog.h"
#include "family_panel.h"
#include "gui_support.h"
#include "interface_language.h"
#include "item_row.h"
#include "main_frame.h"
#include "new_visit.h"
#include "open_session.h"
#include "person_dialogs.h"
#include "preferences_dialog.h"
#include "print_dialog.h"
#include "quick_handout_dialog.h"
#include "report_dialog.h"
#include "securebase/demo/demo.h"
#include "securebase/service/scoring.h"
#include "temp_dir.h"
#include "visit_editor.h"
#include "visit_fixture.h"
#include "visits_page.h"

namespace securebase::testing {
namespace {

// One line of accessibility_dump.py's output.
struct Element {
  std::string window;
  int depth = 0;
  std::string role, states, name, description, labelled_by;
  bool focusable() const { return states.find('F') != std::string::npos; }
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

// accessibility_dump.py, started once per test program and asked for each dump in turn.
class Dumper {
 public:
  Dumper() {
    int to[2], from[2];
    if (pipe(to) != 0 || pipe(from) != 0) return;
    const std::string pid = std::to_string(getpid());
    pid_ = fork();
    if (pid_ == 0) {
      dup2(to[0], STDIN_FILENO);
      dup2(from[1], STDOUT_FILENO);
      close(to[1]);
      close(from[0]);
      execl(SECUREBASE_SYSTEM_PYTHON, SECUREBASE_SYSTEM_PYTHON, SECUREBASE_ACCESSIBILITY_DUMP,
            pid.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to[0]);
    close(from[1]);
    to_ = to[1];
    from_ = from[0];
  }
  ~Dumper() {
    close(to_);  // the script ends at the end of its input
    close(from_);
    if (pid_ > 0) waitpid(pid_, nullptr, 0);
  }

  // Every element of this program's window titled `title` (of all its windows when empty) as
  // AT-SPI gives them now. The script's questions are answered by this program's event loop,
  // so the loop dispatches while it works.
  std::vector<Element> read(const wxString& title) {
    const auto started = std::chrono::steady_clock::now();
    const std::string output = (std::filesystem::temp_directory_path() /
                                ("securebase-accessibility-" + std::to_string(getpid()) + ".txt"))
                                   .string();
    const std::string request = output + "\t" + title.utf8_string() + "\n";
    if (write(to_, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
      ADD_FAILURE() << "accessibility_dump.py is not running";
      return {};
    }
    std::string answer;
    while (answer.empty() || answer.back() != '\n') {
      if (std::chrono::steady_clock::now() - started > std::chrono::seconds(60)) {
        ADD_FAILURE() << "the accessibility dump took over a minute";
        return {};
      }
      pollfd ready{from_, POLLIN, 0};
      if (poll(&ready, 1, 0) > 0) {
        char c = 0;
        if (::read(from_, &c, 1) != 1) {
          ADD_FAILURE() << "accessibility_dump.py ended";
          return {};
        }
        answer += c;
        continue;
      }
      // Blocks until an event (a question from the script) comes, so each is answered at once.
      if (wxEventLoopBase* loop = wxEventLoopBase::GetActive()) loop->DispatchTimeout(5);
      wxTheApp->ProcessPendingEvents();
    }
    std::printf("dump: %lld ms\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::steady_clock::now() - started)
                                           .count()));
    EXPECT_EQ(answer, "done\n") << "this program is not on the accessibility bus";
    std::vector<Element> elements;
    std::ifstream in(output);
    std::string line;
    while (std::getline(in, line)) {
      const auto fields = split(line);
      if (fields.size() < 7) continue;
      elements.push_back(
          {fields[0], std::stoi(fields[1]), fields[2], fields[3], fields[4], fields[5], fields[6]});
    }
    // Kept on request, to see what a screen reader is given (names, descriptions, labels).
    if (std::getenv("SECUREBASE_KEEP_ACCESSIBILITY_DUMP") == nullptr) std::remove(output.c_str());
    return elements;
  }

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
};

std::unique_ptr<Dumper>& dumper() {
  static std::unique_ptr<Dumper> one;
  return one;
}

std::vector<Element> readAccessibilityTree(const wxString& title) {
  return dumper()->read(title);
}

std::vector<Element> inWindow(const std::vector<Element>& all, const wxString& title) {
  std::vector<Element> found;
  for (const auto& element : all)
    if (element.window == title.utf8_string()) found.push_back(element);
  return found;
}

// The focusable elements without a name, as "role in parent-role 'parent-name'", for the
// failure text.
std::vector<std::string> unnamed(const std::vector<Element>& elements) {
  std::vector<std::string> found;
  std::vector<const Element*> parents;  // the latest element at each depth
  for (const auto& element : elements) {
    parents.resize(static_cast<std::size_t>(element.depth));
    if (element.focusable() && element.name.empty()) {
      const Element* parent = parents.empty() ? nullptr : parents.back();
      found.push_back(element.role + " at depth " + std::to_string(element.depth) +
                      (parent ? " in " + parent->role + " '" + parent->name + "'" : ""));
    }
    parents.push_back(&element);
  }
  return found;
}

std::size_t focusableCount(const std::vector<Element>& elements) {
  std::size_t count = 0;
  for (const auto& element : elements) count += element.focusable() ? 1 : 0;
  return count;
}

// Checks the window titled `title` in a fresh dump; returns its elements.
std::vector<Element> expectAllNamed(const wxString& title) {
  const auto elements = inWindow(readAccessibilityTree(title), title);
  EXPECT_FALSE(elements.empty()) << title.utf8_string() << " is not on the accessibility bus";
  const auto missing = unnamed(elements);
  std::printf("%s: %zu of %zu focusable elements unnamed\n", title.utf8_string().c_str(),
              missing.size(), focusableCount(elements));
  EXPECT_TRUE(missing.empty()) << title.utf8_string() << ": " << ::testing::PrintToString(missing);
  return elements;
}

wxButton* findButton(wxWindow& window, const wxString& label) {
  if (auto* button = dynamic_cast<wxButton*>(&window); button && button->GetLabelText() == label)
    return button;
  for (auto* child : window.GetChildren())
    if (auto* button = findButton(*child, label)) return button;
  return nullptr;
}

class AccessibilityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { dumper() = std::make_unique<Dumper>(); }
  static void TearDownTestSuite() { dumper().reset(); }
  void SetUp() override {
    ASSERT_TRUE(accessibilityBusWanted() && std::getenv("NO_AT_BRIDGE") == nullptr)
        << "run with SECUREBASE_GUI_TEST_AT_SPI=1 (ctest does), so GTK talks to an AT-SPI bus";
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    catalog_ = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
    service::enableScoring(store, catalog_);
    demo::DemoOptions options;
    options.families = 4;
    demo::generateDemo(store, *catalog_->latest("attachment-practices"), options);
    family_ = addTestFamily(store, "Aaron family", "Ada", "Obi");
    recordRatedVisit(store, *catalog_, family_, 30, 1, false);
    draft_ = recordRatedDraft(store, *catalog_, family_, 0, 2, false);
  }
  void TearDown() override { closeAllWindows(); }

  app::MainFrame* showFrame() {
    auto* frame = showMainFrame(file_);
    frame->selectFamily(family_.family);
    pump(300);
    return frame;
  }

  // Reads the next modal dialog that `open` brings up, checks it, then cancels it. (Not
  // whenModalOpens: no mouse or keys are needed here, and its settling pause, times fifteen
  // dialogs, would double the test's time.)
  void checkModal(const std::string& what, const std::function<void()>& open) {
    bool seen = false;
    wxTimer watch;
    watch.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
      for (wxWindow* window : wxTopLevelWindows)
        if (auto* dialog = dynamic_cast<wxDialog*>(window);
            dialog && dialog->IsModal() && dialog->IsShownOnScreen()) {
          watch.Stop();
          seen = true;
          expectAllNamed(dialog->GetTitle());
          dialog->EndModal(wxID_CANCEL);
          return;
        }
    });
    watch.Start(20);
    open();
    watch.Stop();
    EXPECT_TRUE(seen) << what << " did not open";
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "accessible.db";
  std::shared_ptr<const forms::FormCatalog> catalog_;
  TestFamily family_;
  model::Id draft_ = 0;
};

TEST_F(AccessibilityTest, MainWindowNamesEveryFocusableElement) {
  auto* frame = showFrame();
  const auto elements = expectAllNamed(frame->GetTitle());
  // The chart says in words what its lines show.
  bool chart_said = false;
  for (const auto& element : elements)
    chart_said |= element.role == "panel" && element.name.find("Latest, ") != std::string::npos &&
                  element.name.find('%') != std::string::npos;
  EXPECT_TRUE(chart_said) << "no element reads the chart's latest scores";
}

// The expected words of a rating row: "<item>: <answer>" (how the draft was recorded: every
// rating item at level 2, every yes/no item "no", others unanswered).
std::string expectedRowText(const forms::Item& item, const model::Visit& visit) {
  const auto language = app::interfaceLanguage();
  std::string answer = "Not answered";
  for (const auto& set : visit.sets)
    for (const auto& observation : set.observations)
      if (observation.item_id == item.id) {
        if (item.kind == forms::ItemKind::rating && item.scale) {
          for (const auto& level : item.scale->levels)
            if (std::to_string(level.value) == observation.value)
              answer = level.label.get(language);
        } else if (item.kind == forms::ItemKind::yesno) {
          answer = observation.value == "yes" ? "Yes" : "No";
        }
      }
  return item.label.get(language) + ": " + answer;
}

TEST_F(AccessibilityTest, VisitEditorRowsSayTheirItemAndAnswer) {
  auto* frame = showFrame();
  auto* editor = app::openVisitEditor(frame, frame->session(), draft_);
  ASSERT_NE(editor, nullptr);
  editor->SetPosition(wxPoint(0, 0));
  editor->SetSize(wxSize(1280, 800));
  for (std::size_t i = 0; i < editor->rowCount(); ++i) editor->row(i);  // every row built
  pump(600);
  const auto visit = frame->session().store().visit(draft_);
  const auto elements = expectAllNamed(editor->GetTitle());
  std::size_t rating_rows = 0;
  for (std::size_t i = 0; i < editor->rowCount(); ++i) {
    const auto& item = editor->row(i).item();
    rating_rows += item.kind == forms::ItemKind::rating ? 1 : 0;
    const std::string expected = expectedRowText(item, visit);
    const bool said = std::any_of(elements.begin(), elements.end(), [&](const Element& element) {
      return element.role == "panel" && element.name == expected;
    });
    EXPECT_TRUE(said) << "no row reads \"" << expected << "\"";
  }
  EXPECT_GT(rating_rows, 10u);

  // A new answer is read at once: the first rating row, rated 1 from the keyboard.
  std::size_t first = 0;
  while (editor->row(first).item().kind != forms::ItemKind::rating) ++first;
  auto& row = editor->row(first);
  ASSERT_TRUE(row.answerKey('1'));
  pump(200);
  std::string level_one;
  for (const auto& level : row.item().scale->levels)
    if (level.value == 1) level_one = level.label.get(app::interfaceLanguage());
  const std::string expected = row.item().label.get(app::interfaceLanguage()) + ": " + level_one;
  const auto after = inWindow(readAccessibilityTree(editor->GetTitle()), editor->GetTitle());
  EXPECT_TRUE(std::any_of(
      after.begin(), after.end(),
      [&](const Element& element) { return element.role == "panel" && element.name == expected; }))
      << "after rating 1, no row reads \"" << expected << "\"";
}

wxListView* firstList(wxWindow& window) {
  if (auto* list = dynamic_cast<wxListView*>(&window)) return list;
  for (auto* child : window.GetChildren())
    if (auto* list = firstList(*child)) return list;
  return nullptr;
}

// The wx-drawn lists' rows are pixels to AT-SPI: the caseload and the visits list are read as
// their current row, and again when it changes.
TEST_F(AccessibilityTest, ListsReadTheirCurrentRow) {
  auto* frame = showFrame();  // the caseload's row of Aaron family is selected
  app::VisitsPage& page = frame->familyPanel().visits();
  auto* book = dynamic_cast<wxBookCtrlBase*>(page.GetParent());
  ASSERT_NE(book, nullptr);
  book->SetSelection(static_cast<size_t>(book->FindPage(&page)));
  wxListView* visits = firstList(page);
  ASSERT_NE(visits, nullptr);
  ASSERT_GE(visits->GetItemCount(), 2);
  const std::string of_visits = " of " + std::to_string(visits->GetItemCount()) + ": ";
  visits->Focus(1);
  visits->Select(1);
  pump(300);
  const auto reads = [&](const std::vector<std::string>& words) {
    const auto elements = inWindow(readAccessibilityTree(frame->GetTitle()), frame->GetTitle());
    return std::any_of(elements.begin(), elements.end(), [&](const Element& element) {
      return element.focusable() &&
             std::all_of(words.begin(), words.end(), [&](const std::string& word) {
               return element.name.find(word) != std::string::npos;
             });
    });
  };
  const app::CaseloadList& caseload = frame->caseload().list();
  EXPECT_TRUE(reads({"Families, row " + std::to_string(caseload.GetFirstSelected() + 1) + " of " +
                         std::to_string(caseload.GetItemCount()) + ": ",
                     "Family: Aaron family"}))
      << "the caseload does not read its selected family";
  const std::string second = visits->GetItemText(1, 0).utf8_string();
  EXPECT_TRUE(reads({"Visits, row 2" + of_visits, "Date: " + second}))
      << "the visits list does not read its selected visit";
  visits->Focus(0);
  visits->Select(0);
  pump(200);
  EXPECT_TRUE(
      reads({"Visits, row 1" + of_visits, "Date: " + visits->GetItemText(0, 0).utf8_string()}))
      << "the visits list does not follow the selection";
}

TEST_F(AccessibilityTest, EveryDialogNamesEveryFocusableElement) {
  auto* frame = showFrame();
  auto& store = frame->session().store();
  const auto family = family_.family;
  const auto modal = [&](wxDialog* dialog) {
    dialog->ShowModal();
    dialog->Destroy();
  };
  checkModal("family", [&] { modal(new app::FamilyDialog(frame, store, family)); });
  checkModal("new family", [&] { modal(new app::FamilyDialog(frame, store, std::nullopt)); });
  checkModal("caregiver", [&] { modal(new app::CaregiverDialog(frame, store, family)); });
  checkModal("child", [&] { modal(new app::ChildDialog(frame, store, family)); });
  checkModal("report", [&] { modal(new app::ReportDialog(frame, frame->session(), family)); });
  checkModal("preferences", [&] { modal(new app::PreferencesDialog(frame, store, file_)); });
  checkModal("quick handout",
             [&] { modal(new app::QuickHandoutDialog(frame, app::quickHandoutDefaults(store))); });
  const auto pdf = dir_ / "handout.pdf";
  std::ofstream(pdf) << "%PDF-1.4\n/MediaBox [ 0 0 612 792 ]\n";
  checkModal("print", [&] {
    modal(new app::PrintDialog(
        frame, pdf,
        {{"Front_Desk", "Front desk printer", true, true}, {"cap", "cap", false, false}}));
  });
  checkModal("new visit", [&] { app::startNewVisit(frame, frame->session(), family); });
  checkModal("who is working", [&] { app::chooseCounselor(frame, frame->session()); });
  checkModal("new goal", [&] {
    wxButton* button = findButton(*frame, wxString::FromUTF8("New goal…"));
    ASSERT_NE(button, nullptr);
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->ProcessWindowEvent(click);
  });
  checkModal("change passphrase", [&] { frame->changePassphrase(); });
  ASSERT_TRUE(frame->backUp(false));
  checkModal("restore backup", [&] { frame->showBackups(); });
  closeAllWindows();
  checkModal("unlock", [&] { (void)app::openSessionAsking(nullptr, file_, nullptr); });
  checkModal("new passphrase",
             [&] { (void)app::openSessionAsking(nullptr, dir_ / "another.db", nullptr); });
}

}  // namespace
}  // namespace securebase::testing
