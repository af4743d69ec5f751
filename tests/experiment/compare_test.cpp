#include "experiment/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/student_t.hpp"

namespace parcours::experiment {
namespace {

// A replication with one yearly value per group, groups labelled as given.
ReplicationResult result_with(const model::GroupLabels& groups, const std::vector<double>& values) {
  ReplicationResult r;
  r.groups = groups;
  for (std::size_t g = 0; g < values.size(); ++g) {
    r.yearly.push_back(
        {core::FiscalQuarter{2025, 1}, static_cast<std::uint16_t>(g), "arrivals", values[g]});
  }
  return r;
}

const model::GroupLabels kAllAndRegion{{"all", "all"}, {"region", "Montréal"}};

TEST(Compare, PairedDifferenceWithStudentIntervalAndWelchReference) {
  // B = A + 10 + a small wobble: A's large spread cancels in the differences.
  const std::vector<double> a{100, 140, 90, 170};
  const std::vector<double> wobble{1, -1, 2, -2};
  std::vector<ReplicationResult> ra;
  std::vector<ReplicationResult> rb;
  for (std::size_t k = 0; k < a.size(); ++k) {
    ra.push_back(result_with({{"all", "all"}}, {a[k]}));
    rb.push_back(result_with({{"all", "all"}}, {a[k] + 10 + wobble[k]}));
  }
  const auto rows = compare(ra, rb, Periods::kYearly);
  ASSERT_EQ(rows.size(), 1U);
  const ComparisonRow& row = rows[0];
  EXPECT_EQ(row.replications, 4);
  EXPECT_DOUBLE_EQ(row.mean_a, 125);
  EXPECT_DOUBLE_EQ(row.mean_b, 135);
  EXPECT_DOUBLE_EQ(row.difference, 10);
  const double sd = std::sqrt((1 + 1 + 4 + 4) / 3.0);
  EXPECT_NEAR(row.difference_sd, sd, 1e-12);
  const double half = core::student_t_quantile(0.975, 3) * sd / 2;
  EXPECT_NEAR(row.ci95_high - row.difference, half, 1e-9);
  EXPECT_NEAR(row.difference - row.ci95_low, half, 1e-9);
  // Welch: both variances from the values above; df from Welch-Satterthwaite.
  const double var_a = (625 + 225 + 1225 + 2025) / 3.0;
  const double var_b = (24 * 24 + 14 * 14 + 33 * 33 + 43 * 43) / 3.0;  // b: 111 149 102 178
  const double se2 = (var_a + var_b) / 4;
  const double df = se2 * se2 / ((var_a * var_a + var_b * var_b) / (16.0 * 3));
  EXPECT_NEAR(row.unpaired_half_width, core::student_t_quantile(0.975, df) * std::sqrt(se2), 1e-9);
  EXPECT_NEAR(row.half_width_ratio, half / row.unpaired_half_width, 1e-12);
  EXPECT_LT(row.half_width_ratio, 0.1) << "pairing must narrow this interval a lot";
}

TEST(Compare, GroupsAreMatchedByLabelAndRowsMissingInBAreLeftOut) {
  // B lists Montréal first and has no "all" row: only Montréal is compared, by its label.
  std::vector<ReplicationResult> ra{result_with(kAllAndRegion, {5, 1}),
                                    result_with(kAllAndRegion, {6, 2})};
  const model::GroupLabels other{{"region", "Montréal"}, {"region", "Laval"}};
  std::vector<ReplicationResult> rb{result_with(other, {4, 100}), result_with(other, {7, 100})};
  const auto rows = compare(ra, rb, Periods::kYearly);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].group, 1);
  EXPECT_DOUBLE_EQ(rows[0].mean_a, 1.5);
  EXPECT_DOUBLE_EQ(rows[0].mean_b, 5.5);
  EXPECT_DOUBLE_EQ(rows[0].difference, 4);
}

TEST(Compare, OneReplicationHasNoIntervals) {
  const auto rows = compare({result_with({{"all", "all"}}, {3})},
                            {result_with({{"all", "all"}}, {5})}, Periods::kYearly);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_DOUBLE_EQ(rows[0].difference, 2);
  EXPECT_TRUE(std::isnan(rows[0].ci95_low));
  EXPECT_TRUE(std::isnan(rows[0].unpaired_half_width));
}

TEST(Compare, IdenticalScenariosHaveAZeroWidthPairedInterval) {
  std::vector<ReplicationResult> r{result_with({{"all", "all"}}, {3}),
                                   result_with({{"all", "all"}}, {8})};
  const auto rows = compare(r, r, Periods::kYearly);
  EXPECT_EQ(rows[0].ci95_low, 0);
  EXPECT_EQ(rows[0].ci95_high, 0);
  EXPECT_GT(rows[0].unpaired_half_width, 0);
  EXPECT_EQ(rows[0].half_width_ratio, 0);
}

}  // namespace
}  // namespace parcours::experiment
