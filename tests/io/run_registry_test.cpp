#include "io/run_registry.hpp"

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "support/temp_dir.hpp"

namespace parcours::io {
namespace {

TEST(RunRegistry, ParametersFlattenToSortedKeys) {
  const auto rows = flatten_parameters(nlohmann::json::parse(R"({
    "scenario": {"name": "pilot", "seed": 7},
    "activities": [{"name": "club", "duration_weeks": 3}, {"name": "groupe_d", "dropout_after": 0.1}],
    "evaluation": {"open_days": ["mon", "tue"], "agents": 130}
  })"));
  const ParameterRows expected{{"activities.club.duration_weeks", "3"},
                               {"activities.club.name", "club"},
                               {"activities.groupe_d.dropout_after", "0.1"},
                               {"activities.groupe_d.name", "groupe_d"},
                               {"evaluation.agents", "130"},
                               {"evaluation.open_days", "[\"mon\",\"tue\"]"},
                               {"scenario.name", "pilot"},
                               {"scenario.seed", "7"}};
  EXPECT_EQ(rows, expected);
}

TEST(RunRegistry, ARunReadsBackWhole) {
  const testing::TempDir dir;
  const auto path = dir / "sub" / "runs.sqlite";
  RunRecord run;
  run.created_utc = "2026-11-23T14:30:00Z";
  run.folder = "/results/pilot";
  run.scenario = "pilot";
  run.seed = 9'000'000'000'000'000ULL;  // above 2^53: kept exactly as an integer
  run.replications = 20;
  run.version = "0.1.0";
  run.manifest = "{}";
  std::int64_t first = 0;
  std::int64_t second = 0;
  {
    RunRegistry registry = RunRegistry::open(path);
    first =
        registry.add(run, {{"evaluation.agents", "130"}},
                     {{"2025-2026", "all", "all", "arrivals", 20, 65000.5, 12.0, 64990.0, 65011.0},
                      {"2025-2026", "all", "all", "interview_wait_days_mean", 20, std::nullopt,
                       std::nullopt, std::nullopt, std::nullopt}});
    second = registry.add(run, {}, {});
  }
  EXPECT_EQ(second, first + 1);
  const RunRegistry registry = RunRegistry::open(path);  // reopened: it was on disk
  ASSERT_EQ(registry.runs().size(), 2U);
  const RunRecord back = registry.run(first);
  EXPECT_EQ(back.seed, run.seed);
  EXPECT_EQ(back.scenario, "pilot");
  EXPECT_EQ(back.folder, "/results/pilot");
  EXPECT_EQ(registry.parameters(first), (ParameterRows{{"evaluation.agents", "130"}}));
  const auto indicators = registry.indicators(first, "all");
  ASSERT_EQ(indicators.size(), 2U);
  EXPECT_EQ(indicators[0].indicator, "arrivals");
  EXPECT_EQ(indicators[0].mean, 65000.5);
  EXPECT_FALSE(indicators[1].mean.has_value()) << "NA stays missing";
  EXPECT_TRUE(registry.indicators(first, "region").empty());
  EXPECT_THROW((void)registry.run(99), InputError);
}

TEST(RunRegistry, AFileThatIsNotADatabaseIsAnInputError) {
  const testing::TempDir dir;
  {
    std::FILE* f = std::fopen((dir / "runs.sqlite").c_str(), "w");
    std::fputs("not a database, just text that is long enough to have a header", f);
    std::fclose(f);
  }
  EXPECT_THROW((void)RunRegistry::open(dir / "runs.sqlite"), InputError);
}

}  // namespace
}  // namespace parcours::io
