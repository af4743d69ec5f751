#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;

TEST(Cli, HelpAndVersion) {
  auto r = run_parcours("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("parcours 0."), std::string::npos) << r.output;
  for (const char* command : {"--help", "run --help", "check --help"}) {
    r = run_parcours(command);
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << command << r.output;
  }
  r = run_parcours("run --replications 0");
  EXPECT_NE(r.exit_code, 0);
}

TEST(Cli, CheckAcceptsTheBaselineAndListsParameters) {
  auto r = run_parcours("check");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("baseline.lua: ok"), std::string::npos) << r.output;
  r = run_parcours("check --parameters");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("convened_share"), std::string::npos);
  EXPECT_NE(r.output.find("rule E1"), std::string::npos);
}

TEST(Cli, SetTakesOneValueSoTheScenarioMayFollow) {
  const auto r = run_parcours("check --set scenario.years=2 --seed 5 " +
                              std::string(PARCOURS_SOURCE_DIR) + "/scenarios/baseline.lua");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("for 2 years, seed 5"), std::string::npos) << r.output;
}

TEST(Cli, BrokenScenarioExitsNonZeroNamesTheLineAndWritesNothing) {
  const testing::TempDir dir;
  std::string text = testing::kSmallScenario;
  text.replace(text.find("convened_share = 0.5"), 20, "convened_share = 1.3");
  std::ofstream(dir / "broken.lua") << text;
  const fs::path out = dir / "out";
  const auto r = run_parcours("run " + (dir / "broken.lua").string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("broken.lua:2:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("between 0 and 1"), std::string::npos) << r.output;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().extension(), ".lua") << "left behind: " << entry.path();
  }
}

TEST(Cli, FailureDuringTheRunKeepsThePreviousResults) {
  const testing::TempDir dir;
  const fs::path out = dir / "out";
  std::ofstream(dir / "good.lua") << testing::kSmallScenario;
  ASSERT_EQ(
      run_parcours("run " + (dir / "good.lua").string() + " -q --out " + out.string()).exit_code,
      0);
  const std::string before = testing::slurp(out / "indicators_quarterly.csv");
  ASSERT_FALSE(before.empty());

  // A hook that fails only once the simulation is under way (on the 50th client).
  std::ofstream(dir / "late.lua")
      << testing::kSmallScenario +
             "policy.conclusion = function(c)\n"
             "  if c.id == 50 then error('no rule for this client') end\n"
             "  return 'A'\nend\n";
  const auto r = run_parcours("run " + (dir / "late.lua").string() + " -q --out " + out.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("late.lua:18: no rule for this client"), std::string::npos) << r.output;
  EXPECT_EQ(testing::slurp(out / "indicators_quarterly.csv"), before);
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 3) << "only good.lua, late.lua and the previous out/ may remain";
}

TEST(Cli, BaselineWritesItsTablesAndManifest) {
  const testing::TempDir dir;
  const fs::path out = dir / "baseline";
  const auto r = run_parcours("run --quiet --set scenario.years=1 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(r.output.empty()) << "--quiet printed: " << r.output;
  for (const char* file : {"indicators_quarterly.csv", "indicators_yearly.csv",
                           "summary_quarterly.csv", "summary_yearly.csv", "manifest.json"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
  const std::string quarterly = testing::slurp(out / "indicators_quarterly.csv");
  EXPECT_EQ(quarterly.substr(0, quarterly.find('\n')),
            "replication,fiscal_year,quarter,period_start,dimension,group,indicator,value");
  EXPECT_NE(quarterly.find("1,2025-2026,4,2026-01-01,all,all,parcours_started,"),
            std::string::npos);
  EXPECT_NE(quarterly.find("1,2025-2026,4,2026-01-01,region,Montréal,parcours_started,"),
            std::string::npos);
  EXPECT_NE(quarterly.find("1,2025-2026,4,2026-01-01,distance,3+,parcours_started,"),
            std::string::npos);
  const std::string manifest = testing::slurp(out / "manifest.json");
  EXPECT_NE(manifest.find("\"sha256\""), std::string::npos);
  EXPECT_NE(manifest.find("\"seed\": 20250401"), std::string::npos);
  // The baseline has agreements: the budget tables and rule M13's retention indicators.
  const std::string agreements = testing::slurp(out / "agreements_summary.csv");
  EXPECT_NE(agreements.find("MTL-GD-2528,OSE Montréal-Centre,groupe_d,Montréal,fixed_price,"
                            "agreement_year,2025-2026,NA,2025-07-01,D2,attainment_pct,"),
            std::string::npos);
  EXPECT_NE(agreements.find(",cost_actual_costs,"), std::string::npos);
  const std::string costs = testing::slurp(out / "costs_summary.csv");
  EXPECT_NE(costs.find("fiscal_year,2025-2026,organisation,OSE Régions,cost,"), std::string::npos);
  const std::string m13 = testing::slurp(out / "retention_summary.csv");
  for (const char* row :
       {",D,agreement_year,2025-2026,NA,2025-07-01,D1,employed_0_3_months,",
        ",D,agreement_year,2025-2026,NA,2025-07-01,all,employed_end_of_retention_full_time,",
        ",D,agreement_year,2025-2026,NA,2025-07-01,D3,hours_per_participant_at_level_reached,",
        ",ME,agreement_year,2025-2026,NA,2025-07-01,all,employed_end_of_retention_part_time,",
        ",PH2,agreement_year,2025-2026,NA,2025-07-01,all,cit_renewals,"}) {
    EXPECT_NE(m13.find(row), std::string::npos) << row;
  }
}

TEST(Cli, SizeGivesParticipantsHoursAndDollarsAtP50AndP90) {  // rules S6, S7, M8
  const testing::TempDir dir;
  const fs::path out = dir / "size";
  const auto r = run_parcours(
      "size --quiet --set scenario.years=1 --organisation \"OSE Capitale\" --service groupe_d "
      "-r 3 --out " +
      out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string sizing = testing::slurp(out / "sizing.csv");
  EXPECT_EQ(sizing.substr(0, sizing.find('\n')),
            "organisation,service,agreement_year,level,indicator,funding_mode,replications,mean,"
            "p50,p90");
  for (const char* row : {"OSE Capitale,groupe_d,2025-2026,D1,participants,any,3,",
                          "OSE Capitale,groupe_d,2025-2026,D4,hours,any,3,",
                          "OSE Capitale,groupe_d,2025-2026,all,cost,fixed_price,3,",
                          "OSE Capitale,groupe_d,2025-2026,all,cost,actual_costs,3,"}) {
    EXPECT_NE(sizing.find(row), std::string::npos) << row;
  }
  const auto bad = run_parcours("size --quiet --organisation \"OSE Capitle\" --service groupe_d");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("did you mean 'OSE Capitale'"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace parcours
