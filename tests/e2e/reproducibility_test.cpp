#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;
using testing::slurp;

const char* const kTables[] = {"indicators_quarterly.csv", "indicators_yearly.csv",
                               "summary_quarterly.csv", "summary_yearly.csv"};

TEST(Reproducibility, SameScenarioAndSeedGiveIdenticalBytes) {
  const testing::TempDir dir;
  std::ofstream(dir / "s.lua") << testing::kSmallScenario;
  const std::string scenario = (dir / "s.lua").string();
  ASSERT_EQ(run_parcours("run " + scenario + " -q -r 2 --out " + (dir / "a").string()).exit_code,
            0);
  ASSERT_EQ(run_parcours("run " + scenario + " -q -r 2 --out " + (dir / "b").string()).exit_code,
            0);
  ASSERT_EQ(
      run_parcours("run " + scenario + " -q -r 2 --seed 8 --out " + (dir / "c").string()).exit_code,
      0);
  for (const char* table : kTables) {
    const std::string a = slurp(dir / "a" / table);
    EXPECT_FALSE(a.empty()) << table;
    EXPECT_EQ(a, slurp(dir / "b" / table)) << table;
    EXPECT_NE(a, slurp(dir / "c" / table)) << table << " ignores --seed";
  }
}

TEST(Reproducibility, ThreadCountDoesNotChangeOutputs) {
  const testing::TempDir dir;
  std::ofstream(dir / "s.lua")
      << testing::kSmallScenario +
             "policy.retention = function(c) return math.random() < 0.2 end\n";
  const std::string scenario = (dir / "s.lua").string();
  ASSERT_EQ(
      run_parcours("run " + scenario + " -q -r 4 -j 1 --out " + (dir / "one").string()).exit_code,
      0);
  ASSERT_EQ(
      run_parcours("run " + scenario + " -q -r 4 -j 2 --out " + (dir / "two").string()).exit_code,
      0);
  for (const char* table : kTables) {
    EXPECT_EQ(slurp(dir / "one" / table), slurp(dir / "two" / table)) << table;
  }
  // Replications differ from one another (each has its own streams).
  const std::string yearly = slurp(dir / "one" / "indicators_yearly.csv");
  EXPECT_NE(yearly.find("\n4,"), std::string::npos);
}

// The scheduler changes the speed only: the baseline (cancellations, resources, many event
// kinds) and the benchmark's reference model give the same bytes on the heap and the ladder.
TEST(Reproducibility, SchedulerDoesNotChangeOutputs) {
  const testing::TempDir dir;
  const std::string source = PARCOURS_SOURCE_DIR;
  const std::pair<std::string, std::string> runs[] = {
      {"baseline", source + "/scenarios/baseline.lua --set scenario.years=1"},
      {"reference", source + "/scenarios/bench/reference.lua --set arrivals.count=20000"},
  };
  for (const auto& [name, scenario] : runs) {
    for (const char* scheduler : {"heap", "ladder"}) {
      const auto r = run_parcours("run " + scenario + " --set scenario.scheduler=" + scheduler +
                                  " -q --no-registry --out " + (dir / (name + scheduler)).string());
      ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    for (const char* table : kTables) {
      const std::string heap = slurp(dir / (name + "heap") / table);
      EXPECT_FALSE(heap.empty()) << name << " " << table;
      EXPECT_EQ(heap, slurp(dir / (name + "ladder") / table)) << name << " " << table;
    }
  }
}

}  // namespace
}  // namespace parcours
