// Issue 15 through the real program: uncertain parameters in a run's tables and manifest,
// joint calibration's tables and warning, and client journeys (trace.csv), each independent of
// --threads.
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

std::string write_scenario(const testing::TempDir& dir, const std::string& text) {
  std::ofstream(dir / "s.lua") << text;
  return (dir / "s.lua").string();
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

TEST(ResearchCommands, UncertainParametersInTheTablesAndTheManifest) {
  const testing::TempDir dir;
  const std::string s = write_scenario(
      dir, testing::replace(testing::kSmallScenario, "rate_per_week = 0.02 }",
                            "rate_per_week = uncertain { dist = \"uniform\", min = 0.01, "
                            "max = 0.03 } }"));
  const std::string args = "run " + s + " -r 3 -q --no-registry --out ";
  ASSERT_EQ(run_parcours(args + (dir / "one").string() + " -j 1").exit_code, 0);
  const auto two = run_parcours(args + (dir / "two").string() + " -j 2");
  ASSERT_EQ(two.exit_code, 0) << two.output;
  const std::string parameters = slurp(dir / "one" / "parameters.csv");
  EXPECT_EQ(parameters, slurp(dir / "two" / "parameters.csv"));
  EXPECT_EQ(slurp(dir / "one" / "indicators_yearly.csv"),
            slurp(dir / "two" / "indicators_yearly.csv"));
  EXPECT_EQ(first_line(parameters), "replication,parameter,value");
  for (const char* row :
       {"\n1,parcours.dropout.rate_per_week,0.0", "\n2,parcours.dropout", "\n3,parcours.dropout"}) {
    EXPECT_NE(parameters.find(row), std::string::npos) << row << "\n" << parameters;
  }
  const std::string manifest = slurp(dir / "one" / "manifest.json");
  EXPECT_NE(manifest.find("\"uncertain_parameters\""), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("uniform("), std::string::npos) << manifest;
  // One uncertain parameter ranks from 4 replications: not with 3 (a note says so), and the
  // same bytes with 1 or 2 threads.
  EXPECT_FALSE(fs::exists(dir / "one" / "uncertainty_ranking.csv"));
  const auto noted =
      run_parcours("run " + s + " -r 3 --no-registry --out " + (dir / "noted").string());
  EXPECT_NE(noted.output.find("uncertainty_ranking.csv needs at least 4 replications"),
            std::string::npos)
      << noted.output;
  const std::string four = "run " + s + " -r 4 -q --no-registry --out ";
  ASSERT_EQ(run_parcours(four + (dir / "four1").string() + " -j 1").exit_code, 0);
  ASSERT_EQ(run_parcours(four + (dir / "four2").string() + " -j 2").exit_code, 0);
  const std::string ranking = slurp(dir / "four1" / "uncertainty_ranking.csv");
  EXPECT_EQ(ranking, slurp(dir / "four2" / "uncertainty_ranking.csv"));
  EXPECT_NE(ranking.find(",parcours_ended_dropout,1,parcours.dropout.rate_per_week,"),
            std::string::npos)
      << ranking;
  // Without uncertain parameters there is no parameters.csv.
  const std::string plain = write_scenario(dir, testing::kSmallScenario);
  ASSERT_EQ(run_parcours("run " + plain + " -q --no-registry --out " + (dir / "plain").string())
                .exit_code,
            0);
  EXPECT_FALSE(fs::exists(dir / "plain" / "parameters.csv"));
  EXPECT_FALSE(fs::exists(dir / "plain" / "trace.csv"));
  EXPECT_FALSE(fs::exists(dir / "plain" / "uncertainty_ranking.csv"));
}

TEST(ResearchCommands, JointCalibrationWritesItsTablesAndWarnsOfAnIdleParameter) {
  const testing::TempDir dir;
  const std::string s = write_scenario(dir, testing::kSmallScenario);
  std::ofstream(dir / "targets.csv")
      << "id,indicator,period,dimension,group,value,source,tolerance\n"
         "school,parcours_ended_school/parcours_started,2025-2026,all,all,0.1,made up,0.01\n";
  // retention.hours moves no Parcours outcome: the search must say so.
  const std::string args = "calibrate " + s + " --targets " + (dir / "targets.csv").string() +
                           " --param parcours.school_share --bounds 0:0.5"
                           " --param retention.hours --bounds 10:30"
                           " --max-evaluations 12 -r 2 -q --out ";
  const auto one = run_parcours(args + (dir / "one").string() + " -j 1");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  EXPECT_NE(one.output.find("warning: retention.hours moves no target"), std::string::npos)
      << one.output;
  EXPECT_EQ(one.output.find("warning: parcours.school_share"), std::string::npos) << one.output;
  const auto two = run_parcours(args + (dir / "two").string() + " -j 2");
  EXPECT_EQ(two.output, one.output);
  for (const char* file :
       {"calibration_parameters.csv", "calibration_targets.csv", "evaluations.csv"}) {
    EXPECT_EQ(slurp(dir / "one" / file), slurp(dir / "two" / file)) << file;
  }
  const std::string parameters = slurp(dir / "one" / "calibration_parameters.csv");
  EXPECT_EQ(first_line(parameters), "parameter,lo,hi,value,ci95_low,ci95_high,moves_a_target");
  EXPECT_NE(parameters.find("\nparcours.school_share,0,0.5,"), std::string::npos) << parameters;
  EXPECT_NE(parameters.find(",false\n"), std::string::npos) << parameters;
  EXPECT_NE(slurp(dir / "one" / "calibration_targets.csv").find("\nschool,"), std::string::npos);
  // One --bounds for two --param: refused before anything runs, no folder.
  const auto bad = run_parcours("calibrate " + s + " --targets " + (dir / "targets.csv").string() +
                                " --param parcours.school_share --bounds 0:0.5"
                                " --param retention.hours -q --out " +
                                (dir / "bad").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("one --bounds per --param"), std::string::npos) << bad.output;
  EXPECT_FALSE(fs::exists(dir / "bad"));
}

TEST(ResearchCommands, TraceFollowsClientsWhateverTheThreads) {
  const testing::TempDir dir;
  const std::string s = write_scenario(dir, testing::kSmallScenario);
  const std::string args = "run " + s + " -r 2 --trace 3 -q --no-registry --out ";
  ASSERT_EQ(run_parcours(args + (dir / "one").string() + " -j 1").exit_code, 0);
  ASSERT_EQ(run_parcours(args + (dir / "two").string() + " -j 2").exit_code, 0);
  const std::string trace = slurp(dir / "one" / "trace.csv");
  EXPECT_EQ(trace, slurp(dir / "two" / "trace.csv"));
  EXPECT_EQ(first_line(trace),
            "replication,client,time_days,date,row,what,stage,hook,returned,agreement,hours");
  EXPECT_NE(trace.find(",event,arrival,arriving,"), std::string::npos);
  EXPECT_NE(trace.find("\n2,"), std::string::npos) << "the second replication's clients";
  // The tables are those of a run without --trace.
  ASSERT_EQ(
      run_parcours("run " + s + " -r 2 -q --no-registry --out " + (dir / "off").string()).exit_code,
      0);
  EXPECT_EQ(slurp(dir / "off" / "indicators_yearly.csv"),
            slurp(dir / "one" / "indicators_yearly.csv"));
  const auto given = run_parcours("run " + s + " --trace-clients 5,9 -q --no-registry --out " +
                                  (dir / "given").string());
  ASSERT_EQ(given.exit_code, 0) << given.output;
  const std::string journeys = slurp(dir / "given" / "trace.csv");
  EXPECT_NE(journeys.find("\n1,5,"), std::string::npos);
  EXPECT_NE(journeys.find("\n1,9,"), std::string::npos);
}

}  // namespace
}  // namespace parcours
