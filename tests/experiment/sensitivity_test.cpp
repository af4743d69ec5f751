#include "experiment/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parcours::experiment {
namespace {

// The yearly summary of a point whose one indicator has mean `value` (all clients).
std::vector<SummaryRow> summary_with(double value) {
  return {SummaryRow{core::FiscalQuarter{2025, 1}, 0, "jobs", 3, value, 0, value, value},
          SummaryRow{core::FiscalQuarter{2025, 1}, 1, "jobs", 3, -1e9, 0, 0, 0}};  // a group
}

// y = 3 x0 - 20 x1 + small interaction, on every point of the design.
std::vector<std::vector<SummaryRow>> summaries_of(const SweepDesign& d, double interaction) {
  std::vector<std::vector<SummaryRow>> out;
  for (const auto& p : d.points) {
    out.push_back(summary_with(3 * p[0] - 20 * p[1] + interaction * p[0] * p[1]));
  }
  return out;
}

TEST(Sensitivity, GridSwingsAreReadAtTheOthersMiddleValues) {
  // x0 in {0, 1, 2, 3} (middle: the lower one, 1), x1 in {0, 0.5, 1} (middle 0.5).
  const SweepDesign d = grid_design(
      {*parse_axis("evaluation.agents=0:3:1"), *parse_axis("parcours.school_share=0:1:0.5")});
  const auto rows = sensitivity(d, summaries_of(d, 1.0));
  ASSERT_EQ(rows.size(), 2U) << "one row per parameter, for all clients only";
  // x1 swings most: from 0 to 1 at x0 = 1, 3 - 0 + 0 -> 3 - 20 + 1.
  EXPECT_EQ(rows[0].axis, 1U);
  EXPECT_DOUBLE_EQ(rows[0].mean_at_low, 3);
  EXPECT_DOUBLE_EQ(rows[0].mean_at_high, -16);
  EXPECT_DOUBLE_EQ(rows[0].swing, -19);
  // x0 from 0 to 3 at x1 = 0.5: -10 -> 9 - 10 + 1.5.
  EXPECT_EQ(rows[1].axis, 0U);
  EXPECT_DOUBLE_EQ(rows[1].swing, 10.5);
  EXPECT_TRUE(std::isnan(rows[1].standardised_coefficient));
  EXPECT_EQ(rows[0].fiscal_year, 2025);
  EXPECT_EQ(rows[0].indicator, "jobs");
}

TEST(Sensitivity, RegressionRecoversALinearResponseExactly) {
  const SweepDesign d = latin_hypercube(
      {*parse_axis("parcours.school_share=0:1"), *parse_axis("arrivals.convened_share=0:0.5")}, 12,
      5);
  const auto rows = sensitivity(d, summaries_of(d, 0.0));
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].axis, 1U);
  EXPECT_NEAR(rows[0].swing, -20 * (d.axes[1].hi - d.axes[1].lo), 1e-9);
  EXPECT_NEAR(rows[1].swing, 3 * (d.axes[0].hi - d.axes[0].lo), 1e-9);
  EXPECT_NEAR(rows[1].mean_at_high - rows[1].mean_at_low, rows[1].swing, 1e-9);
  // Standardised coefficients of an exact linear response: their squares sum to 1 when the
  // parameters are uncorrelated, and the larger swing has the larger one.
  EXPECT_GT(std::abs(rows[0].standardised_coefficient), std::abs(rows[1].standardised_coefficient));
  EXPECT_LT(rows[0].standardised_coefficient, 0);
}

}  // namespace
}  // namespace parcours::experiment
