// What the security GUI tests share: an encrypted database with three families, the main
// window on it, and ways to read what the screen shows.
#pragma once

#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/string.h>

#include <filesystem>
#include <string>
#include <vector>

#include "gui_support.h"
#include "main_frame.h"
#include "pdf_output.h"
#include "temp_dir.h"
#include "test_key.h"

namespace securebase::testing {

namespace fs = std::filesystem;

// The families' names and their people's, none of which may show while locked.
extern const std::vector<std::string> kFamilyNames;

std::string firstBytes(const fs::path& file, std::size_t count);
std::string oneLine(wxString text);
void pressOk(wxDialog& dialog);
void click(wxButton& button);
// Every shown text of every window that contains one of kFamilyNames.
std::vector<std::string> shownFamilyText();

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Bui family", "Lan", "Minh");
    addTestFamily(store, "Alvarez family");
    addTestFamily(store, "Clarke family", "Jo", "Mia");
    fs::create_directories(out_);
    app::setPdfFolderWithoutAsking(out_);
  }
  void TearDown() override {
    app::setPdfFolderWithoutAsking(std::nullopt);
    closeAllWindows();
  }

  app::MainFrame* showFrame() { return showMainFrame(file_); }

  TempDir dir_;
  fs::path file_ = dir_ / "locked.db";
  fs::path out_ = dir_ / "out";
};

}  // namespace securebase::testing
