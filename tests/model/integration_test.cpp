// ICTE's job-integration phase (rule M9; sim/model/integration.cpp): the job starts inside the
// 20-week path, the Parcours ends by employment then, the participation runs to its planned
// end with retention included, and the wage contribution is booked on the agreement for the
// weeks the job lasted.
#include <gtest/gtest.h>

#include <cmath>

#include "support/ose_run.hpp"
#include "support/world_run.hpp"

namespace {

using parcours::core::Distribution;
using parcours::model::Hazard;
using parcours::model::ModelParameters;
using parcours::model::PeriodKind;
using parcours::testing::expect_share;
using parcours::testing::LedgerRun;
using parcours::testing::one_service;
using parcours::testing::run_world;
using parcours::testing::total;
namespace model = parcours::model;

// A 140-day (20-week) ICTE-like service whose last 77 days (11 weeks) are the job, with a wage
// contribution of $250 a week for a share of the participants; no other job hazard.
ModelParameters icte(std::uint64_t clients, double wage_share) {
  ModelParameters p = one_service(clients, 140, 100000);
  p.horizon.years = 3;
  model::ActivityParameters& a = p.activities[0];
  a.service.measure = model::Measure::kIcte;
  a.retention_included = true;
  a.integration_days = Distribution::fixed(77);
  a.wage_contribution_share = wage_share;
  a.wage_contribution_per_week = 250;
  p.job_search.after_parcours = Hazard{};  // a job only inside the path
  p.retention.followup_days = 365;
  return p;
}

TEST(Integration, TheJobStartsInsideThePathAndThePathRunsToItsEnd) {  // rules M9, P7
  const LedgerRun r = run_world(icte(4000, 1.0));
  const double started = total(r, PeriodKind::kAgreementYear, "participants_started");
  ASSERT_GT(started, 3500);
  const double ended = total(r, PeriodKind::kAgreementYear, "participants_ended");
  // Every participant gets the integration job at day 63, which ends the Parcours.
  EXPECT_EQ(r.totals["integration_jobs"], r.totals["activities_started"]);
  EXPECT_EQ(r.totals["parcours_ended_employment"], r.totals["integration_jobs"]);
  EXPECT_EQ(r.totals["jobs_during_activity"], 0);  // not a job that cuts the path short
  EXPECT_EQ(r.totals["retention_within_participation"], r.totals["integration_jobs"]);
  EXPECT_EQ(r.totals["retention_started"], 0);  // no separate plan (M9)
  // The participation runs its 140 days: all 50 hours given, and 11 weeks of contribution.
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "hours_direct"), 40.0 * ended, 1e-6 * ended);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "wage_contribution"), 11 * 250.0 * ended,
              1e-6 * ended);
  // Employed 0-3 months after its end: every one of them (M13).
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "employed_0_3_months"), ended);
}

TEST(Integration, OnlyAShareHasAWageContribution) {  // rule M9: "avec ou sans"
  const LedgerRun r = run_world(icte(6000, 0.4));
  const double ended = total(r, PeriodKind::kAgreementYear, "participants_ended");
  const double with = total(r, PeriodKind::kAgreementYear, "wage_contribution") / (11 * 250.0);
  expect_share(with, ended, 0.4, "with a wage contribution");
}

TEST(Integration, AJobLostDuringThePhaseEndsTheParticipationThen) {  // rules M9, M5, M7
  // Lost at rate 1/50 a day from its start: the contribution pays E[min(T, 77)] days,
  // (1 - exp(-77/50)) * 50, and the lost ones are readmitted (within 84 days).
  ModelParameters p = icte(6000, 1.0);
  p.retention.job_loss = Hazard::constant(1.0 / 50);
  p.retention.readmission_days = 84;
  p.retention.followup_days = 77;
  const LedgerRun r = run_world(p);
  const double first = r.totals["integration_jobs"] - r.totals["readmissions"];
  ASSERT_GT(first, 5000);
  const double lost_share = 1 - std::exp(-77.0 / 50);
  const double lost_in_phase = r.totals["job_losses"];
  ASSERT_GT(lost_in_phase, 0);
  EXPECT_EQ(r.totals["readmissions"] + r.totals["returns_to_office"], lost_in_phase);
  // Each integration job (first or after readmission) pays its days at $250 a week.
  const double days = (1 - std::exp(-77.0 / 50)) * 50;
  const double jobs = r.totals["integration_jobs"];
  const double wage = total(r, PeriodKind::kAgreementYear, "wage_contribution");
  // Sd of min(T, 77) is under 77 days: 4 standard errors of the mean.
  EXPECT_NEAR(wage / jobs, 250.0 * days / 7, 4 * 250.0 / 7 * 77 / std::sqrt(jobs));
  expect_share(lost_in_phase, jobs, lost_share, "lost during the phase");
}

}  // namespace
