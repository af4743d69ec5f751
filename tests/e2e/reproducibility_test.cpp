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

}  // namespace
}  // namespace parcours
