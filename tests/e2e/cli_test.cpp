#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;

// A result table's rows, each as its fields (no field of these tables holds a comma).
std::vector<std::vector<std::string>> rows_of(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

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
  // Rule M13's indicators, as the guide lists them per kind of agreement, and what they must
  // satisfy: attainment is started over target; results and ends of retention are at most
  // the participations and the retention starts they come from; each level's hours lie in
  // its band (rule M8: D1 up to 30, D2 31-45, D3 46-60, D4 over 60); CIT renewals and PSEA at
  // most PH2's participants.
  // Agreement-year rows (one replication: the mean is the value), by agreement, level, indicator.
  // Sums over an agreement's years (keyed "agreement|level|indicator"), and each year's own
  // values (keyed "agreement year|level|indicator") for averages and attainment.
  std::map<std::string, double> v;
  std::map<std::string, double> year;
  std::map<std::string, std::string> group_of;
  std::map<std::string, std::string> years;       // "agreement year" -> group
  std::map<std::string, std::string> first_year;  // agreement -> its first agreement year
  for (const auto& f : rows_of(testing::slurp(out / "retention_summary.csv"))) {
    ASSERT_EQ(f.size(), 16U);
    if (f[3] != "agreement_year" || f[10] == "NA") continue;
    v[f[0] + "|" + f[7] + "|" + f[8]] += std::stod(f[10]);
    year[f[0] + " " + f[4] + "|" + f[7] + "|" + f[8]] = std::stod(f[10]);
    group_of[f[0]] = f[2];
    years[f[0] + " " + f[4]] = f[2];
    if (first_year[f[0]].empty() || f[4] < first_year[f[0]]) first_year[f[0]] = f[4];
  }
  auto at = [&](const std::string& agreement, const char* level, const char* indicator) {
    const auto it = v.find(agreement + "|" + level + "|" + indicator);
    return it == v.end() ? 0.0 : it->second;
  };
  auto in = [&](const std::string& agreement_year, const char* level, const char* indicator) {
    const auto it = year.find(agreement_year + "|" + level + "|" + indicator);
    return it == year.end() ? 0.0 : it->second;
  };
  for (const auto& [y, group] : years) {
    const double target = in(y, "all", "participants_target");
    if (target > 0) {
      EXPECT_NEAR(in(y, "all", "attainment_pct"),
                  100 * in(y, "all", "participants_started") / target, 1e-6)
          << y;
    }
    if (group != "D" && group != "PH1") continue;
    const double bands[5] = {0, 30, 45, 60, 1e9};
    const char* levels[4] = {"D1", "D2", "D3", "D4"};
    for (int l = 0; l < 4; ++l) {
      if (in(y, levels[l], "participants_ended_at_level_reached") == 0) continue;
      const double hours = in(y, levels[l], "hours_per_participant_at_level_reached");
      EXPECT_GT(hours, bands[l]) << y << " " << levels[l];
      EXPECT_LE(hours, bands[l + 1]) << y << " " << levels[l];
    }
  }
  double employed = 0.0;
  double retained = 0.0;
  std::map<std::string, int> seen;
  for (const auto& [agreement, group] : group_of) {
    ++seen[group];
    // An agreement whose first year began before the reported period (2025-04-01) had starts in
    // the warm-up, which no table reports: its sums are not comparable.
    if (!v.contains(agreement + "|all|participants_started") ||
        first_year[agreement] < "2025-2026") {
      continue;
    }
    const double started = at(agreement, "all", "participants_started");
    EXPECT_LE(at(agreement, "all", "employed_end_of_retention_full_time") +
                  at(agreement, "all", "employed_end_of_retention_part_time"),
              group == "D" || group == "PH1" ? at(agreement, "all", "retention_started") : started)
        << agreement;
    if (group == "D" || group == "PH1") {
      EXPECT_LE(
          at(agreement, "all", "employed_0_3_months") + at(agreement, "all", "school_0_3_months"),
          at(agreement, "all", "participants_ended_at_level_reached"))
          << agreement;
      employed += at(agreement, "all", "employed_0_3_months");
      retained += at(agreement, "all", "retention_started");
    }
    if (group == "PH2") {
      EXPECT_LE(at(agreement, "all", "cit_renewals"), started) << agreement;
      EXPECT_LE(at(agreement, "all", "psea_retention"), started) << agreement;
    }
  }
  EXPECT_GT(seen["D"], 0);
  EXPECT_GT(seen["ME"], 0);
  EXPECT_GT(seen["PH2"], 0);
  EXPECT_GT(employed, 0);
  EXPECT_GT(retained, 0);
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
  // Each row's P50 is at most its P90; means add up: the mean over all levels is the sum of
  // the levels' means (participants and hours), and the service has participants at all.
  std::map<std::string, double> mean;  // "level indicator funding_mode" -> mean
  for (const auto& f : rows_of(sizing)) {
    ASSERT_EQ(f.size(), 10U);
    EXPECT_LE(std::stod(f[8]), std::stod(f[9])) << f[3] << " " << f[4] << " " << f[5];
    mean[f[3] + " " + f[4] + " " + f[5]] += std::stod(f[7]);
  }
  for (const char* what : {"participants any", "hours any"}) {
    const std::string w = what;
    const double levels = mean["D1 " + w] + mean["D2 " + w] + mean["D3 " + w] + mean["D4 " + w];
    EXPECT_GT(levels, 0) << what;
    EXPECT_NEAR(mean["all " + w], levels, 1e-6 * levels) << what;
  }
  const auto bad = run_parcours("size --quiet --organisation \"OSE Capitle\" --service groupe_d");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("did you mean 'OSE Capitale'"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace parcours
