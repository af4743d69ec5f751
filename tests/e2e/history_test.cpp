// The run history end to end: `parcours run` records itself, `parcours runs` reads it back,
// and two runs finishing together both land in an intact database.

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;

std::string scenario(const testing::TempDir& dir) {
  std::ofstream(dir / "s.lua") << testing::kSmallScenario;
  return (dir / "s.lua").string();
}

std::string pragma(const fs::path& db, const char* sql) {
  sqlite3* handle = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::string result;
  sqlite3_exec(
      handle, sql,
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) += values[0] != nullptr ? values[0] : "NULL";
        return 0;
      },
      &result, nullptr);
  sqlite3_close(handle);
  return result;
}

TEST(History, RunsAreRecordedShownAndCompared) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  const std::string registry = " --registry " + (dir / "runs.sqlite").string();
  ASSERT_EQ(
      run_parcours("run " + s + " -q -r 2 --out " + (dir / "a").string() + registry).exit_code, 0);
  ASSERT_EQ(run_parcours("run " + s + " -q -r 2 --set evaluation.agents=3 --out " +
                         (dir / "b").string() + registry)
                .exit_code,
            0);
  auto r = run_parcours("runs list" + registry);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find((dir / "a").string()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find((dir / "b").string()), std::string::npos) << r.output;

  r = run_parcours("runs show 1" + registry);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("run 1: small, seed 7, 2 replications"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("evaluation.agents = 2"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2025-2026  arrivals"), std::string::npos) << r.output;

  r = run_parcours("runs diff 1 2" + registry);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("parameters that differ (1):\n  evaluation.agents\n    run 1: 2\n"
                          "    run 2: 3\n"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("interview_wait_days_mean"), std::string::npos) << r.output;

  r = run_parcours("runs show 9" + registry);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("no run 9"), std::string::npos) << r.output;
}

TEST(History, NoRegistryAndTheEnvironmentVariable) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  const fs::path db = dir / "env.sqlite";
  ASSERT_EQ(run_parcours("run " + s + " -q --no-registry --registry " + db.string() + " --out " +
                         (dir / "a").string())
                .exit_code,
            0);
  EXPECT_FALSE(fs::exists(db)) << "--no-registry wins";
  ASSERT_EQ(setenv("PARCOURS_REGISTRY", db.c_str(), 1), 0);
  const auto r = run_parcours("run " + s + " -q --out " + (dir / "b").string());
  unsetenv("PARCOURS_REGISTRY");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(pragma(db, "SELECT count(*) FROM runs;"), "1");
  const auto missing = run_parcours("runs list --registry " + (dir / "none.sqlite").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("no run history here yet"), std::string::npos) << missing.output;
}

TEST(History, TwoRunsInParallelBothRegister) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  const fs::path db = dir / "runs.sqlite";
  const int runs_per_process = 3;
  auto runner = [&](const std::string& name, int* failures) {
    for (int i = 0; i < runs_per_process; ++i) {
      const auto r = run_parcours("run " + s + " -q -j 1 --registry " + db.string() + " --out " +
                                  (dir / (name + std::to_string(i))).string());
      if (r.exit_code != 0 || !r.output.empty()) ++*failures;
    }
  };
  int failures_a = 0;
  int failures_b = 0;
  std::thread a(runner, "a", &failures_a);
  std::thread b(runner, "b", &failures_b);
  a.join();
  b.join();
  EXPECT_EQ(failures_a + failures_b, 0) << "a run failed or warned";
  EXPECT_EQ(pragma(db, "SELECT count(*) FROM runs;"), std::to_string(2 * runs_per_process));
  EXPECT_EQ(pragma(db, "SELECT count(DISTINCT folder) FROM runs;"),
            std::to_string(2 * runs_per_process));
  EXPECT_EQ(pragma(db, "SELECT count(DISTINCT run_id) FROM run_indicators;"),
            std::to_string(2 * runs_per_process))
      << "each run's indicators were written with it";
  EXPECT_EQ(pragma(db, "PRAGMA integrity_check;"), "ok");
  EXPECT_EQ(pragma(db, "PRAGMA journal_mode;"), "wal");
  EXPECT_EQ(pragma(db, "PRAGMA user_version;"), "1");
}

}  // namespace
}  // namespace parcours
