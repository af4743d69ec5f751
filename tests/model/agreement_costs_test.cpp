// Rule P7 on the agreements' books: what participants cost in all, per participant begun and
// per person placed.
#include <gtest/gtest.h>

#include <cmath>

#include "support/ose_run.hpp"

namespace {

using parcours::model::FundingMode;
using parcours::model::ModelParameters;
using parcours::model::PeriodKind;
using parcours::testing::LedgerRun;
using parcours::testing::one_service;
using parcours::testing::run_world;
using parcours::testing::total;

TEST(AgreementCosts, PerParticipantIsThePricePlusWhatTheWeeksPaid) {
  // 200 clients, each 4 weeks in a fixed-price service of 50 hours (level D3, $3,500) with
  // $10 a week of extra costs (rule P6): $3,540 each.
  ModelParameters p = one_service(200, 28, 100000);
  p.agreements.agreements[0].mode = FundingMode::kFixedPrice;
  p.activities[0].extra_costs_per_week = 10;
  p.parcours.followup_days = 91;  // rule M13: a job within 3 months is a placement
  const LedgerRun r = run_world(p);
  ASSERT_EQ(total(r, PeriodKind::kFiscalYear, "participants_started"), 200);
  EXPECT_NEAR(total(r, PeriodKind::kFiscalYear, "cost_total"), 200 * 3540.0, 1e-6);
  // One fiscal year with starts (the others' ratio is NA and left out of the total).
  EXPECT_NEAR(total(r, PeriodKind::kFiscalYear, "cost_per_participant"), 3540.0, 1e-9);
  // Each fiscal year's ratio is that year's cost over that year's placements.
  double placed = 0;
  for (const auto& v : r.values) {
    if (v.kind != PeriodKind::kFiscalYear || v.level != parcours::model::kAllLevels ||
        v.indicator != "cost_per_person_placed") {
      continue;
    }
    double cost = 0;
    double employed = 0;
    for (const auto& w : r.values) {
      if (w.kind != v.kind || w.year != v.year || w.level != v.level) continue;
      if (w.indicator == "cost_total") cost = w.value;
      if (w.indicator == "employed_0_3_months") employed = w.value;
    }
    placed += employed;
    if (employed > 0) {
      EXPECT_NEAR(v.value, cost / employed, 1e-9) << v.year;
    } else {
      EXPECT_TRUE(std::isnan(v.value)) << v.year << ": no one placed, no cost per person";
    }
  }
  EXPECT_GT(placed, 0);
}

}  // namespace
