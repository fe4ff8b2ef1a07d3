// The desktop program's speed on the 10,000-family demo database (bench-data/, generated once):
// start to a shown, populated main window; selecting another family; opening the visit editor.
// Needs a display: starts its own Xvfb like the GUI tests. Each case times the work up to the
// window being painted (Update()), so layout and drawing are counted, not just construction.
#include <benchmark/benchmark.h>
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/init.h>
#include <wx/toplevel.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "build_paths.h"
#include "caseload_panel.h"
#include "demo_database.h"
#include "item_row.h"
#include "main_frame.h"
#include "new_visit.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "session.h"
#include "test_key.h"
#include "utf8_locale.h"
#include "visit_editor.h"
#include "xvfb_server.h"

namespace {

using securebase::app::MainFrame;
using securebase::app::Session;
using Clock = std::chrono::steady_clock;

void drainEvents() {
  if (wxEventLoopBase* loop = wxEventLoopBase::GetActive())
    while (loop->Pending()) loop->Dispatch();
  wxTheApp->ProcessPendingEvents();
  wxTheApp->ProcessIdle();
}

void destroyAll() {
  for (wxWindow* window : wxTopLevelWindows) window->Destroy();
  for (int i = 0; i < 20; ++i) drainEvents();
}

// /0 opens the unencrypted demo database, /1 the same data encrypted (raw test key).
MainFrame* showMainWindow(const benchmark::State& state) {
  const bool encrypted = state.range(0) != 0;
  const auto file = encrypted ? securebase::testing::encryptedDemoDatabase(10000)
                              : securebase::testing::demoDatabase(10000);
  auto* frame = new MainFrame(
      std::make_unique<Session>(file, encrypted ? securebase::testing::kTestKey : ""));
  frame->SetPosition(wxPoint(0, 0));
  frame->SetSize(wxSize(1280, 800));
  frame->Show();
  drainEvents();
  frame->Update();
  return frame;
}

void BM_StartToShownMainWindow(benchmark::State& state) {
  for (auto _ : state) {
    const auto start = Clock::now();
    MainFrame* frame = showMainWindow(state);
    state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
    state.counters["families"] = static_cast<double>(frame->caseload().list().totalCount());
    destroyAll();
  }
}
BENCHMARK(BM_StartToShownMainWindow)
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

void BM_SelectAnotherFamily(benchmark::State& state) {
  MainFrame* frame = showMainWindow(state);
  auto& list = frame->caseload().list();
  std::size_t row = 0;
  for (auto _ : state) {
    row = (row + 37) % list.shownCount();
    const auto id = list.shownRow(row).summary.family.id;
    const auto start = Clock::now();
    frame->selectFamily(id);
    drainEvents();
    frame->Update();
    state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
  }
  destroyAll();
}
BENCHMARK(BM_SelectAnotherFamily)
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(30);

// The visit to open: a family's latest, as a counselor opens it from the visits tab.
securebase::model::Id latestVisit(MainFrame& frame) {
  const auto family = frame.caseload().list().shownRow(0).summary.family.id;
  return frame.session().store().loadFamily(family).visits.back().id;
}

// From the click to the editor painted with the row it starts on: what the counselor waits for.
// The editor builds the remaining sections afterwards (see visit_rows.h).
void BM_OpenVisitEditor(benchmark::State& state) {
  MainFrame* frame = showMainWindow(state);
  const auto visit_id = latestVisit(*frame);
  for (auto _ : state) {
    const auto start = Clock::now();
    auto* editor = securebase::app::openVisitEditor(frame, frame->session(), visit_id);
    if (editor == nullptr) {
      state.SkipWithError("the visit editor did not open");
      break;
    }
    bool painted = false;
    editor->row(editor->currentRow()).Bind(wxEVT_PAINT, [&painted](wxPaintEvent& event) {
      painted = true;
      event.Skip();
    });
    wxEventLoopBase* loop = wxEventLoopBase::GetActive();
    while (!painted && Clock::now() - start < std::chrono::seconds(5)) {
      if (loop->Pending())
        loop->Dispatch();
      else
        editor->Update();
    }
    state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
    for (int i = 0; i < 10; ++i) drainEvents();
    state.counters["rows_built_then"] = static_cast<double>(editor->builtRowCount());
    editor->Destroy();
    for (int i = 0; i < 10; ++i) drainEvents();
  }
  destroyAll();
}
BENCHMARK(BM_OpenVisitEditor)
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(15);

// For comparison: until every row of the form is built and the events are drained.
void BM_VisitEditorAllRowsBuilt(benchmark::State& state) {
  MainFrame* frame = showMainWindow(state);
  const auto visit_id = latestVisit(*frame);
  for (auto _ : state) {
    const auto start = Clock::now();
    auto* editor = securebase::app::openVisitEditor(frame, frame->session(), visit_id);
    while (editor != nullptr && editor->builtRowCount() < editor->rowCount()) drainEvents();
    drainEvents();
    if (editor != nullptr) editor->Update();
    state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
    if (editor != nullptr) editor->Destroy();
    for (int i = 0; i < 10; ++i) drainEvents();
  }
  destroyAll();
}
BENCHMARK(BM_VisitEditorAllRowsBuilt)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(15);

// Live views: another program changes the file (here a second connection corrects a family's
// name, as the CLI would); timed from the change check to the window painted with every view
// read again — the caseload of 10,000 families and the selected family. The watch that calls
// this runs every second, so the wait before it is at most that.
void BM_RefreshAfterOutsideChange(benchmark::State& state) {
  MainFrame* frame = showMainWindow(state);
  auto& list = frame->caseload().list();
  frame->selectFamily(list.shownRow(list.shownCount() / 2).summary.family.id);
  drainEvents();
  const auto file = frame->databaseFile();
  const bool encrypted = state.range(0) != 0;
  securebase::store::Database other(
      file, {.key = encrypted ? std::string(securebase::testing::kTestKey) : std::string()});
  securebase::store::Store other_store(other, "bench");
  auto family = other_store.family(list.shownRow(0).summary.family.id);
  const std::string name = family.display_name;
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    family.display_name = name + (++round % 2 == 0 ? "" : " (checked)");
    other_store.updateFamily(family);
    state.ResumeTiming();
    const auto start = Clock::now();
    frame->refreshIfChanged();
    drainEvents();
    frame->Update();
    state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
  }
  family.display_name = name;
  other_store.updateFamily(family);
  state.counters["families"] = static_cast<double>(list.totalCount());
  destroyAll();
}
BENCHMARK(BM_RefreshAfterOutsideChange)
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  securebase::testing::XvfbServer xvfb;
  if (!xvfb.ok()) return 1;
  setenv("NO_AT_BRIDGE", "1", 1);
  setenv("SECUREBASE_NO_DEMO_OFFER", "1", 1);
  // Window sizes and recent files go to a scratch folder, never the user's.
  const std::string scratch = std::string(SECUREBASE_TEST_BINARY_DIR) + "/bench-home";
  setenv("XDG_CONFIG_HOME", (scratch + "/config").c_str(), 1);
  setenv("XDG_DATA_HOME", (scratch + "/data").c_str(), 1);
  // Generated (minutes) before anything is timed.
  (void)securebase::testing::encryptedDemoDatabase(10000);
  wxApp::SetInstance(new wxApp);
  int wx_argc = 1;
  char* wx_argv[] = {argv[0], nullptr};
  if (!wxEntryStart(wx_argc, wx_argv)) {
    std::fprintf(stderr, "could not start wxWidgets on display %s\n", xvfb.display().c_str());
    return 1;
  }
  securebase::app::ensureUtf8Locale();
  {
    wxGUIEventLoop loop;
    wxEventLoopActivator activate(&loop);
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  wxEntryCleanup();
  return 0;
}
