#include "experiment/distributor.hpp"

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "support/scenarios.hpp"

namespace parcours::experiment {
namespace {

RunSettings settings(const std::string& extra, int replications) {
  RunSettings s;
  s.source = policy::ScenarioSource{"s.lua", parcours::testing::kSmallScenario + extra, {}, false};
  s.replications = replications;
  return s;
}

TEST(Distributor, PointsComeBackInOrderWithTheirOwnReplications) {
  // Two variants of different sizes in one batch: each keeps its replications 0..r-1, and a
  // variant's results are those it gives alone (common random numbers across variants).
  std::vector<RunSettings> points{settings("", 2), settings("", 3)};
  points[1].overrides.push_back(policy::parse_override("arrivals.per_year=3000"));
  LocalDistributor local;
  for (const int threads : {1, 2}) {
    const auto results = run_points(local, points, threads, {});
    ASSERT_EQ(results.size(), 2U);
    ASSERT_EQ(results[0].size(), 2U);
    ASSERT_EQ(results[1].size(), 3U);
    for (std::size_t p = 0; p < 2; ++p) {
      for (std::size_t r = 0; r < results[p].size(); ++r) {
        EXPECT_EQ(results[p][r].replication, static_cast<int>(r));
        EXPECT_EQ(results[p][r].events, run_replication(points[p], static_cast<int>(r)).events)
            << "point " << p << " replication " << r << " on " << threads << " threads";
      }
    }
    EXPECT_NE(results[0][0].events, results[1][0].events) << "the variants differ";
  }
}

TEST(Distributor, AFailingPointIsReportedWhateverTheThreads) {
  const std::vector<RunSettings> points{
      settings("", 2),
      settings("policy.conclusion = function(c) error('no rule for ' .. c.id) end\n", 2)};
  LocalDistributor local;
  std::string messages[2];
  for (const int threads : {1, 2}) {
    try {
      run_points(local, points, threads, {});
    } catch (const io::InputError& e) {
      messages[threads - 1] = e.what();
    }
  }
  EXPECT_NE(messages[0].find("no rule for"), std::string::npos) << messages[0];
  EXPECT_EQ(messages[0], messages[1]);
}

}  // namespace
}  // namespace parcours::experiment
