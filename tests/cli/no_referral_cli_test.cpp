// A "no referral made" record as the command line lists it: family show (table and json), the
// caseload's open-referral count and the export file.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli_fixture.h"
#include "securebase/store/store.h"

using namespace securebase;
using namespace securebase::testing;
namespace json = boost::json;

class NoReferralCli : public CliTest {
 protected:
  void SetUp() override {
    init();
    workAsDana();
    ids = addFamily();
    store::Database database(db(), testKeyOptions(db()));
    store::Store store(database, "Dana Cruz");
    record_id = store.addNoReferral(std::stoll(ids.family), std::nullopt, "wellbeing-concern",
                                    "Already sees her doctor");
  }
  FamilyIds ids;
  model::Id record_id = 0;
};

TEST_F(NoReferralCli, FamilyShowListsItAsNoReferralMadeWithWhyAndWho) {
  const auto out = ok({"family", "show", ids.family});
  EXPECT_NE(out.find(std::to_string(record_id) + "  [no referral made] Already sees her doctor  (" +
                     model::Date::today().iso() + ", concern wellbeing-concern, by Dana Cruz)"),
            std::string::npos)
      << out;

  const auto parsed = json::parse(ok({"family", "show", ids.family, "--format", "json"}));
  const auto& referral = parsed.at("referrals").as_array().at(0).as_object();
  EXPECT_EQ(referral.at("kind").as_string(), "no_referral");
  EXPECT_EQ(referral.at("reason").as_string(), "Already sees her doctor");
  EXPECT_EQ(referral.at("recorded_by").as_string(), "Dana Cruz");
}

TEST_F(NoReferralCli, ItIsNotAnOpenReferralAndTheExportCarriesIt) {
  const auto caseload = json::parse(ok({"caseload", "--format", "json"}));
  EXPECT_EQ(caseload.as_array().at(0).at("open_referrals").as_string(), "0");
  EXPECT_EQ(ok({"caseload", "--referrals", "--format", "csv"}).find("Rivera"), std::string::npos);

  const auto file = dir() / "out.json";
  ok({"export", "-o", file.string()});
  std::stringstream text;
  text << std::ifstream(file).rdbuf();
  EXPECT_NE(text.str().find("\"version\": 3"), std::string::npos);
  EXPECT_NE(text.str().find("\"kind\":\"no_referral\""), std::string::npos);
}

TEST_F(NoReferralCli, TheClinicalReportListsItWithTheReferrals) {
  const auto pdf = dir() / "report.pdf";
  ok({"report", "--family", ids.family, "-o", pdf.string()});
  FILE* pipe = ::popen(("pdftotext -q -layout '" + pdf.string() + "' -").c_str(), "r");
  std::string text;
  char buffer[4096];
  for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    text.append(buffer, n);
  ::pclose(pipe);
  EXPECT_NE(text.find("No referral made"), std::string::npos) << text;
  EXPECT_NE(text.find("Already sees her doctor"), std::string::npos) << text;
}
