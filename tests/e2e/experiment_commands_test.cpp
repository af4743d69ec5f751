// The experiment commands of issue 6 (compare, sweep, calibrate, analytic) through the real
// program: their tables, their independence from --threads, and their errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;
using testing::slurp;

std::string small_scenario(const testing::TempDir& dir) {
  std::ofstream(dir / "s.lua") << testing::kSmallScenario;
  return (dir / "s.lua").string();
}

void expect_same_files(const fs::path& one, const fs::path& two,
                       std::initializer_list<const char*> files) {
  for (const char* file : files) {
    const std::string a = slurp(one / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, slurp(two / file)) << file << " depends on --threads";
  }
}

TEST(ExperimentCommands, EachHasHelp) {
  for (const char* command :
       {"compare --help", "sweep --help", "calibrate --help", "analytic --help"}) {
    const auto r = run_parcours(command);
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << command << r.output;
  }
}

TEST(ExperimentCommands, CompareIsPairedAndIndependentOfThreads) {
  const testing::TempDir dir;
  const std::string s = small_scenario(dir);
  const std::string args =
      "compare " + s + " " + s + " --set-b evaluation.agents=3 -r 3 -q --seed 5 --out ";
  ASSERT_EQ(run_parcours(args + (dir / "one").string() + " -j 1").exit_code, 0);
  const auto r = run_parcours(args + (dir / "two").string() + " -j 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_same_files(dir / "one", dir / "two",
                    {"comparison_yearly.csv", "comparison_quarterly.csv", "a/indicators_yearly.csv",
                     "b/indicators_yearly.csv", "a/summary_yearly.csv"});
  const std::string yearly = slurp(dir / "one" / "comparison_yearly.csv");
  EXPECT_EQ(yearly.substr(0, yearly.find('\n')),
            "fiscal_year,dimension,group,indicator,replications,mean_a,mean_b,difference,"
            "difference_sd,ci95_low,ci95_high,unpaired_half_width,half_width_ratio");
  // Arrivals do not depend on the number of agents: on common random numbers they are the
  // same in A and B, replication by replication.
  EXPECT_NE(yearly.find("2025-2026,all,all,arrivals,3,"), std::string::npos);
  const std::size_t arrivals = yearly.find("2025-2026,all,all,arrivals,3,");
  const std::string row = yearly.substr(arrivals, yearly.find('\n', arrivals) - arrivals);
  EXPECT_NE(row.find(",0,0,0,0,"), std::string::npos) << row;
  // A's tables are those `run` writes for A with the same seed and replications.
  ASSERT_EQ(
      run_parcours("run " + s + " -r 3 -q --seed 5 --out " + (dir / "run").string()).exit_code, 0);
  EXPECT_EQ(slurp(dir / "run" / "indicators_yearly.csv"),
            slurp(dir / "one" / "a" / "indicators_yearly.csv"));
}

TEST(ExperimentCommands, SweepIsIndependentOfThreads) {
  const testing::TempDir dir;
  const std::string s = small_scenario(dir);
  const std::string args = "sweep " + s +
                           " --set evaluation.agents=2:3:1 --set parcours.school_share=0:0.2:0.2"
                           " -r 2 -q --out ";
  ASSERT_EQ(run_parcours(args + (dir / "one").string() + " -j 1").exit_code, 0);
  const auto r = run_parcours(args + (dir / "two").string() + " -j 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_same_files(dir / "one", dir / "two",
                    {"sweep_yearly.csv", "sweep_quarterly.csv", "sensitivity.csv"});
  const std::string yearly = slurp(dir / "one" / "sweep_yearly.csv");
  EXPECT_EQ(yearly.substr(0, yearly.find('\n')),
            "point,evaluation.agents,parcours.school_share,fiscal_year,dimension,group,"
            "indicator,replications,mean,sd,ci95_low,ci95_high");
  EXPECT_NE(yearly.find("\n4,3,0.2,2025-2026,all,all,arrivals,2,"), std::string::npos);
  EXPECT_EQ(yearly.find("\n5,"), std::string::npos) << "2 x 2 points only";
  const std::string tornado = slurp(dir / "one" / "sensitivity.csv");
  EXPECT_NE(tornado.find("2025-2026,parcours_ended_school,1,parcours.school_share,0,0.2,0,"),
            std::string::npos)
      << tornado;
}

TEST(ExperimentCommands, LatinHypercubeSweepIsIndependentOfThreads) {
  const testing::TempDir dir;
  const std::string s = small_scenario(dir);
  const std::string args = "sweep " + s +
                           " --set 'parcours.dropout={family=\"constant\",rate_per_week="
                           "$(0.01:0.05)}' --set parcours.school_share=0:0.2 --lhs 4 -r 2 -q "
                           "--out ";
  ASSERT_EQ(run_parcours(args + (dir / "one").string() + " -j 1").exit_code, 0);
  ASSERT_EQ(run_parcours(args + (dir / "two").string() + " -j 2").exit_code, 0);
  expect_same_files(dir / "one", dir / "two", {"sweep_yearly.csv", "sensitivity.csv"});
  EXPECT_NE(slurp(dir / "one" / "sensitivity.csv").find(",regression_lhs\n"), std::string::npos);
}

TEST(ExperimentCommands, BadSweepRangesExitOneAndWriteNothing) {
  const testing::TempDir dir;
  const std::string s = small_scenario(dir);
  const fs::path out = dir / "out";
  for (const std::string range : {"evaluation.agent=2:3:1", "evaluation.agents=3:2:1",
                                  "evaluation.agents=2:3:0", "parcours.school_share=0:2:1"}) {
    const auto r = run_parcours("sweep " + s + " --set " + range + " -q --out " + out.string());
    EXPECT_EQ(r.exit_code, 1) << range << r.output;
    EXPECT_NE(r.output.find("parcours: error: "), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find('\n'), r.output.size() - 1) << "one line: " << r.output;
    EXPECT_FALSE(fs::exists(out)) << range;
  }
  const auto r =
      run_parcours("sweep " + s + " --set parcours.school_share=0:2:1 -q --out " + out.string());
  EXPECT_NE(r.output.find("(at sweep point 3: parcours.school_share=2)"), std::string::npos)
      << r.output;
}

TEST(ExperimentCommands, CalibrateMeetsTheTargetAndWritesItsTable) {
  const testing::TempDir dir;
  const std::string s = small_scenario(dir);
  const std::string args =
      "calibrate " + s +
      " --param parcours.school_share --bounds 0:0.5 "
      "--indicator parcours_ended_school/parcours_started --target 0.1 -r 3 -q --out ";
  const auto one = run_parcours(args + (dir / "one").string() + " -j 1");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  EXPECT_NE(one.output.find("parcours.school_share = "), std::string::npos) << one.output;
  EXPECT_NE(one.output.find("(target 0.1)"), std::string::npos) << one.output;
  EXPECT_EQ(run_parcours(args + (dir / "two").string() + " -j 2").output, one.output);
  expect_same_files(dir / "one", dir / "two", {"calibration.csv", "evaluations.csv"});
  const std::string table = slurp(dir / "one" / "calibration.csv");
  EXPECT_EQ(table.substr(0, table.find('\n')),
            "parameter,indicator,period,target,value,ci95_low,ci95_high,mean_at_value,"
            "sd_at_value,slope,replications,evaluations,converged");
  EXPECT_NE(table.find(",true\n"), std::string::npos) << table;

  const auto outside =
      run_parcours("calibrate " + s +
                   " --param parcours.school_share --bounds 0:0.01 --indicator "
                   "parcours_ended_school/parcours_started --target 0.5 -q --out " +
                   (dir / "none").string());
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_NE(outside.output.find("widen --bounds"), std::string::npos) << outside.output;
  EXPECT_FALSE(fs::exists(dir / "none"));
}

TEST(ExperimentCommands, SweepReadsPointsFromATable) {
  const testing::TempDir dir;
  const std::string s = small_scenario(dir);
  std::ofstream(dir / "points.csv")
      << "evaluation.agents,parcours.school_share\n2,0\n3,0.1\n4,0.2\n";
  const auto r = run_parcours("sweep " + s + " --points " + (dir / "points.csv").string() +
                              " -r 2 -q --out " + (dir / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string yearly = slurp(dir / "out" / "sweep_yearly.csv");
  EXPECT_NE(yearly.find("\n3,4,0.2,2025-2026,all,all,arrivals,2,"), std::string::npos);
  EXPECT_NE(slurp(dir / "out" / "sensitivity.csv").find(",regression_points\n"), std::string::npos);
  // A bad column is blamed on the table's header.
  std::ofstream(dir / "bad.csv") << "evaluation.agent\n2\n";
  const auto bad = run_parcours("sweep " + s + " --points " + (dir / "bad.csv").string() +
                                " -q --out " + (dir / "bad").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("bad.csv:1:1: "), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("did you mean 'agents'"), std::string::npos) << bad.output;
  EXPECT_FALSE(fs::exists(dir / "bad"));
}

TEST(ExperimentCommands, AnalyticPrintsTheExactSharesOrRefuses) {
  const testing::TempDir dir;
  const std::string s = small_scenario(dir);
  auto r = run_parcours("analytic " + s);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("duration_weeks must be exponential"), std::string::npos) << r.output;
  r = run_parcours("analytic " + s +
                   " --set 'activity.groupe_d.duration_weeks={dist=\"exponential\",mean=10}'"
                   " --set 'activity.club.duration_weeks={dist=\"exponential\",mean=3}'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // The small scenario's chain in closed form (per week): Groupe D ends at 1/10, the club at
  // 1/3, abandonment at 0.02 throughout, 10 % abandon after the club, then a job at 0.125.
  const double d = 0.02;
  const double p_gd = 0.1 / (0.1 + d);
  const double p_club = (1.0 / 3) / (1.0 / 3 + d);
  const double p_job = 0.125 / (0.125 + d);
  const double employment = p_gd * p_club * 0.9 * p_job;
  auto share = [&](const std::string& outcome) {
    const std::size_t at = r.output.find("\n  " + outcome + " ");
    EXPECT_NE(at, std::string::npos) << outcome << " in " << r.output;
    return at == std::string::npos ? -1.0 : std::stod(r.output.substr(at + 3 + outcome.size()));
  };
  EXPECT_NEAR(share("employment"), employment, 1e-6);
  EXPECT_NEAR(share("dropout"), 1 - employment, 1e-6);
  EXPECT_NEAR(share("closure") + share("school") + share("other_measure"), 0.0, 1e-12);
  // Expected days from the job search to the end: 1 / (0.125 + 0.02) weeks.
  const std::size_t search = r.output.find("\n  job search ");
  ASSERT_NE(search, std::string::npos) << r.output;
  EXPECT_NEAR(std::stod(r.output.substr(search + 13)), 7.0 / (0.125 + d), 0.01);
  EXPECT_EQ(r.output.find("simulated"), std::string::npos) << "nothing is run unless asked";
  r = run_parcours("analytic " + std::string(PARCOURS_SOURCE_DIR) +
                   "/scenarios/exact_parcours.lua --simulate -r 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("simulated (95 % binomial interval)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Parcours started over 2 replications\n"), std::string::npos)
      << r.output << "every Parcours of exact_parcours.lua ends within its horizon";
  r = run_parcours("analytic");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("baseline.lua: policy.plan makes the Parcours differ"), std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace parcours
