#include "experiment/replications.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "io/input_error.hpp"
#include "support/scenarios.hpp"

namespace parcours::experiment {
namespace {

RunSettings settings(const std::string& extra, int replications, int threads) {
  RunSettings s;
  s.source = policy::ScenarioSource{"s.lua", parcours::testing::kSmallScenario + extra, {}, false};
  s.replications = replications;
  s.threads = threads;
  return s;
}

TEST(Replications, ResultsComeBackInIndexOrderWhateverTheThreads) {
  const auto one = run_replications(settings("", 3, 1));
  const auto two = run_replications(settings("", 3, 2));
  ASSERT_EQ(one.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(one[i].replication, static_cast<int>(i));
    EXPECT_EQ(one[i].events, two[i].events);
    ASSERT_EQ(one[i].quarterly.size(), two[i].quarterly.size());
    for (std::size_t k = 0; k < one[i].quarterly.size(); ++k) {
      const double x = one[i].quarterly[k].value;
      const double y = two[i].quarterly[k].value;
      EXPECT_TRUE(x == y || (std::isnan(x) && std::isnan(y))) << x << " vs " << y;
    }
  }
  EXPECT_NE(one[0].events, one[1].events) << "replications must differ";
}

TEST(Replications, ProgressReachesOne) {
  double last = 0;
  run_replications(settings("", 2, 2), [&last](double f) {
    EXPECT_GE(f, 0.0);
    EXPECT_LE(f, 1.0);
    last = f;
  });
  EXPECT_DOUBLE_EQ(last, 1.0);
}

TEST(Replications, TheSameErrorIsReportedWhateverTheThreads) {
  // Fails in some replications only (the draw depends on the replication's streams).
  const std::string hook =
      "policy.dropout_after = function(c, activity)\n"
      "  if math.random() < 0.0005 then error('rare failure in client ' .. c.id) end\n"
      "  return false\nend\n";
  std::string first;
  std::string second;
  try {
    run_replications(settings(hook, 4, 1));
  } catch (const io::InputError& e) {
    first = e.what();
  }
  try {
    run_replications(settings(hook, 4, 2));
  } catch (const io::InputError& e) {
    second = e.what();
  }
  EXPECT_NE(first.find("rare failure in client"), std::string::npos) << first;
  EXPECT_EQ(first, second);
}

}  // namespace
}  // namespace parcours::experiment
