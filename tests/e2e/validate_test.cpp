// parcours validate through the real program (issue 12): validation.csv beside the run's
// tables, the summary, independence from --threads, and bad targets refused with no folder.
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
using testing::slurp;

const char* const kTargets =
    "id,indicator,period,dimension,group,value,source,tolerance\n"
    "arrivals,arrivals,2025-2026,all,all,2000,\"the scenario, per_year\",10%\n"
    "share_b,parcours_started/interviews,yearly,all,all,0.9,made up to be missed,0.05\n";

TEST(Validate, WritesValidationBesideTheRunsTablesWhateverTheThreads) {
  const testing::TempDir dir;
  std::ofstream(dir / "s.lua") << testing::kSmallScenario;
  std::ofstream(dir / "targets.csv") << kTargets;
  const std::string args = "validate " + (dir / "s.lua").string() + " --targets " +
                           (dir / "targets.csv").string() + " -r 3 -q --out ";
  const auto one = run_parcours(args + (dir / "one").string() + " -j 1");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  EXPECT_NE(one.output.find("1 of 2 targets within their tolerance (50 %)"), std::string::npos)
      << one.output;
  EXPECT_NE(one.output.find("missed share_b"), std::string::npos) << one.output;
  const auto two = run_parcours(args + (dir / "two").string() + " -j 2");
  EXPECT_EQ(two.output, one.output);
  for (const char* file : {"validation.csv", "summary_yearly.csv", "indicators_yearly.csv"}) {
    EXPECT_FALSE(slurp(dir / "one" / file).empty()) << file;
    EXPECT_EQ(slurp(dir / "one" / file), slurp(dir / "two" / file)) << file;
  }
  const std::string table = slurp(dir / "one" / "validation.csv");
  EXPECT_EQ(table.substr(0, table.find('\n')),
            "id,indicator,period,dimension,group,published,source,tolerance,tolerance_kind,"
            "accepted_low,accepted_high,simulated_mean,ci95_low,ci95_high,replications,within");
  EXPECT_NE(slurp(dir / "one" / "manifest.json").find("targets.csv"), std::string::npos);
  // The report has the section.
  const auto report = run_parcours("report " + (dir / "one").string() + " -q --lang en");
  ASSERT_EQ(report.exit_code, 0) << report.output;
  EXPECT_NE(slurp(dir / "one" / "report.en.html").find("Published vs simulated"),
            std::string::npos);
}

TEST(Validate, BadTargetsFailWithTheirLineAndLeaveNoFolder) {
  const testing::TempDir dir;
  std::ofstream(dir / "s.lua") << testing::kSmallScenario;
  std::ofstream(dir / "bad.csv") << "id,indicator,period,dimension,group,value,source,tolerance\n"
                                    "a,arrivals,2025,all,all,2000,s,ten\n";
  std::ofstream(dir / "unknown.csv")
      << "id,indicator,period,dimension,group,value,source,tolerance\n"
         "a,arrivals,2025,all,all,2000,s,1\n"
         "b,arrivls,2025,all,all,2000,s,1\n";
  for (const auto& [file, message] : std::vector<std::pair<std::string, std::string>>{
           {"bad.csv", "bad.csv:2:8: column 'tolerance'"},
           {"unknown.csv", "unknown.csv:3: unknown indicator 'arrivls'"}}) {
    const auto r = run_parcours("validate " + (dir / "s.lua").string() + " --targets " +
                                (dir / file).string() + " -r 2 -q --out " + (dir / "out").string());
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find(message), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "out")) << file;
  }
}

}  // namespace
}  // namespace parcours
