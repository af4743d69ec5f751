// A retention plan's hours by week (rules M2, M3).
#include "model/retention_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace {

using parcours::model::make_retention_plan;
using parcours::model::RetentionPlan;
using parcours::model::RetentionShape;
namespace core = parcours::core;

TEST(RetentionPlan, PhasesAddUpToThePlansHours) {  // rules M2, M3
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  const RetentionShape shape{3.0, 0.3, 0.2, 2.0};
  for (int k = 0; k < 200; ++k) {
    const double hours = 12 + 20 * rng.uniform();  // 12-32 hours
    const double weeks = 15 + 5 * rng.uniform();   // 15-20 weeks
    const double integration = 2 + rng.uniform();  // 2-3 weeks
    const auto plan = make_retention_plan(hours, weeks, integration, shape, rng);
    EXPECT_NEAR(plan.total_hours(), hours, 1e-9);
    EXPECT_NEAR(plan.integration_hours() + plan.consolidation_hours(), hours, 1e-9);
    EXPECT_NEAR(plan.hours_by(plan.days()), hours, 1e-9);
    EXPECT_GE(plan.weeks(), 15U);
    EXPECT_LE(plan.weeks(), 20U);
    EXPECT_GE(plan.integration_weeks(), 2U);
    EXPECT_LE(plan.integration_weeks(), 3U);
  }
}

TEST(RetentionPlan, IntegrationIsTheMostIntenseAndConsolidationDecreases) {  // rule M3
  core::RandomStream rng(core::StreamKey{1, 0}, 2, 1);
  // No returns to a higher intensity: weeks 0-1 at 3, then 1 down to 0.25 linearly.
  const RetentionShape shape{3.0, 0.25, 0.0, 1.0};
  const auto plan = make_retention_plan(26.0, 16, 2, shape, rng);
  ASSERT_EQ(plan.weeks(), 16U);
  const double unit = 26.0 / (2 * 3.0 + (1.0 + 0.25) / 2 * 14);  // hours per unit of weight
  EXPECT_NEAR(plan.week_hours(0), 3 * unit, 1e-9);
  EXPECT_NEAR(plan.week_hours(2), 1 * unit, 1e-9);
  EXPECT_NEAR(plan.week_hours(15), 0.25 * unit, 1e-9);
  for (std::size_t w = 3; w < 16; ++w) EXPECT_LT(plan.week_hours(w), plan.week_hours(w - 1));
  EXPECT_NEAR(plan.integration_hours(), 6 * unit, 1e-9);
  // Half-way through week 1: week 0 and half of week 1.
  EXPECT_NEAR(plan.hours_by(10.5), 4.5 * unit, 1e-9);
}

TEST(RetentionPlan, ReturnsToHigherIntensityAreOccasional) {  // rule M3
  core::RandomStream rng(core::StreamKey{1, 0}, 3, 1);
  const RetentionShape flat{1.0, 1.0, 0.25, 2.0};  // every week weighs 1, or 2 on a return
  int doubled = 0;
  int weeks = 0;
  for (int k = 0; k < 400; ++k) {
    const auto plan = make_retention_plan(20.0, 20, 0, flat, rng);
    double low = plan.week_hours(0);
    for (std::size_t w = 1; w < plan.weeks(); ++w) low = std::min(low, plan.week_hours(w));
    for (std::size_t w = 0; w < plan.weeks(); ++w) {
      doubled += plan.week_hours(w) > 1.5 * low ? 1 : 0;
      ++weeks;
    }
  }
  // 8,000 consolidation weeks, each a return with probability 0.25: within 4 binomial sd.
  EXPECT_NEAR(doubled / static_cast<double>(weeks), 0.25, 4 * std::sqrt(0.25 * 0.75 / weeks));
}

// A plan longer than 64 consolidation weeks keeps the later weeks' returns apart (issue 14):
// its hours still add up, and a copy gives the same weeks.
TEST(RetentionPlan, LongPlansKeepEveryWeeksReturn) {  // rule M3
  core::RandomStream rng(core::StreamKey{1, 0}, 4, 1);
  const RetentionShape shape{2.0, 0.5, 0.3, 3.0};
  auto plan = make_retention_plan(400.0, 200, 4, shape, rng);
  ASSERT_EQ(plan.weeks(), 200U);
  EXPECT_NEAR(plan.total_hours(), 400.0, 1e-9);
  // The weights: 2 for an integration week, 1 down to 0.5 for a consolidation week, three
  // times that on a return (1.5 or more). Count the returns after the 64th consolidation week.
  const double unit = plan.week_hours(0) / 2.0;  // hours per unit of weight
  int late_returns = 0;
  const std::size_t late = 4 + 64;
  for (std::size_t w = late; w < 200; ++w) late_returns += plan.week_hours(w) > 1.25 * unit ? 1 : 0;
  // 132 weeks, each a return with probability 0.3: within 4 binomial sd of 39.6.
  EXPECT_NEAR(late_returns, 132 * 0.3, 4 * std::sqrt(132 * 0.3 * 0.7));
  // A copy owns its late weeks: the original gone, it gives the same hours.
  std::vector<double> weeks;
  for (std::size_t w = 0; w < 200; ++w) weeks.push_back(plan.week_hours(w));
  const double by_then = plan.hours_by(555.5);
  RetentionPlan copy;
  copy = plan;
  plan = RetentionPlan{};
  for (std::size_t w = 0; w < 200; ++w) EXPECT_EQ(copy.week_hours(w), weeks[w]);
  EXPECT_EQ(copy.hours_by(555.5), by_then);
  // Moved, it keeps them too, and the plan it left is empty; a short plan copied over a long
  // one replaces it whole (ASan checks that the long plan's words are freed once).
  RetentionPlan moved(std::move(copy));
  EXPECT_EQ(copy.weeks(), 0U);  // NOLINT(bugprone-use-after-move): a moved-from plan is empty
  RetentionPlan assigned;
  assigned = std::move(moved);
  for (std::size_t w = 0; w < 200; ++w) EXPECT_EQ(assigned.week_hours(w), weeks[w]);
  core::RandomStream short_rng(core::StreamKey{1, 0}, 5, 1);
  const RetentionPlan short_plan = make_retention_plan(40.0, 20, 4, shape, short_rng);
  assigned = short_plan;
  ASSERT_EQ(assigned.weeks(), 20U);
  for (std::size_t w = 0; w < 20; ++w) EXPECT_EQ(assigned.week_hours(w), short_plan.week_hours(w));
}

}  // namespace
