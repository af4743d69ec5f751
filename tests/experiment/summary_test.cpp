#include "experiment/summary.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parcours::experiment {
namespace {

ReplicationResult result_with(double value) {
  ReplicationResult r;
  r.quarterly.push_back({core::FiscalQuarter{2025, 1}, 0, "arrivals", value});
  r.yearly.push_back({core::FiscalQuarter{2025, 1}, 0, "arrivals", value * 4});
  return r;
}

TEST(Summary, MeanSdAndStudentInterval) {
  const std::vector<ReplicationResult> results{result_with(1), result_with(2), result_with(3),
                                               result_with(4)};
  const auto rows = summarise(results, Periods::kQuarterly);
  ASSERT_EQ(rows.size(), 1U);
  const double sd = std::sqrt(5.0 / 3.0);
  EXPECT_DOUBLE_EQ(rows[0].mean, 2.5);
  EXPECT_NEAR(rows[0].sd, sd, 1e-12);
  // t(0.975, 3) = 3.182446
  EXPECT_NEAR(rows[0].ci95_high - rows[0].mean, 3.182446 * sd / 2, 1e-5);
  EXPECT_NEAR(rows[0].mean - rows[0].ci95_low, 3.182446 * sd / 2, 1e-5);
  EXPECT_DOUBLE_EQ(summarise(results, Periods::kYearly)[0].mean, 10);
}

TEST(Summary, OneReplicationHasNoInterval) {
  const auto rows = summarise({result_with(7)}, Periods::kQuarterly);
  EXPECT_EQ(rows[0].mean, 7);
  EXPECT_TRUE(std::isnan(rows[0].sd));
  EXPECT_TRUE(std::isnan(rows[0].ci95_low));
}

}  // namespace
}  // namespace parcours::experiment
