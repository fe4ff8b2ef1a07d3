// GUI tests run once in Spanish and once in English: the interface's language set before each
// test and the system's again after it.
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "gui_support.h"
#include "interface_language.h"

namespace securebase::testing {

// The room a report list's header and cells keep around a text (the header insets its label by
// 5 px on each side, the cells by a little more): a text wider than its column minus this is cut.
inline constexpr int kTextInset = 12;

struct LanguageCase {
  app::InterfaceChoice choice;
  std::string name;
};
inline void PrintTo(const LanguageCase& language, std::ostream* out) {
  *out << language.name;
}

// Derived fixtures call BothLanguagesTest::SetUp() first; TearDown closes every window.
class BothLanguagesTest : public ::testing::TestWithParam<LanguageCase> {
 protected:
  void SetUp() override {
    app::storeInterfaceChoice(GetParam().choice);
    app::setUpInterfaceLanguage();
  }
  void TearDown() override {
    closeAllWindows();
    app::storeInterfaceChoice(app::InterfaceChoice::system);
    app::setUpInterfaceLanguage();
  }
};

// For INSTANTIATE_TEST_SUITE_P(BothLanguages, Fixture, bothLanguages(), languageName).
inline auto bothLanguages() {
  return ::testing::Values(LanguageCase{app::InterfaceChoice::spanish, "es"},
                           LanguageCase{app::InterfaceChoice::english, "en"});
}
inline std::string languageName(const ::testing::TestParamInfo<LanguageCase>& info) {
  return info.param.name;
}

}  // namespace securebase::testing
