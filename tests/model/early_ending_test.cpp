// Activities that end before their planned end (rules P5, P7, M8, M10, M13, S7): a job found
// during the activity, or its objectives met early; what the participation then gave and cost,
// the income support paid, in-job retention in the same service, and each agreement credited
// on its own window.
#include <gtest/gtest.h>

#include <cmath>

#include "model/early_ending.hpp"
#include "support/ose_run.hpp"
#include "support/world_run.hpp"

namespace {

using parcours::core::Distribution;
using parcours::model::Hazard;
using parcours::model::ModelParameters;
using parcours::model::PeriodKind;
using parcours::testing::LedgerRun;
using parcours::testing::one_service;
using parcours::testing::run_world;
using parcours::testing::total;
namespace model = parcours::model;

// A hazard that fires at `days` (within a second): 0 before, a huge rate after.
Hazard at_day(double days) { return Hazard::piecewise_constant({0.0, 1e7}, days); }

// One 70-day service of 40 + 10 hours (level D3, $3,500 at a fixed price); no job after it.
ModelParameters seventy_days(std::uint64_t clients) {
  ModelParameters p = one_service(clients, 70, 100000);
  p.job_search.after_parcours = Hazard{};
  p.agreements.agreements[0].mode = model::FundingMode::kFixedPrice;
  p.parcours.followup_days = 91;  // rule M13's 0-3 months
  return p;
}

TEST(EarlyEnding, AJobDuringTheActivityEndsItAndTheParcours) {  // rules P7, S7, M8, M13
  // Everyone finds a job on day 35 of 70: half the hours given, 25 h, level D1 (15-30 h).
  ModelParameters p = seventy_days(2000);
  p.activities[0].job_during = at_day(35);
  const LedgerRun r = run_world(p);
  const double n = r.totals["parcours_started"];
  ASSERT_EQ(n, 2000);
  EXPECT_EQ(r.totals["jobs_during_activity"], n);
  EXPECT_EQ(r.totals["parcours_ended_employment"], n);  // the endings stay exclusive
  EXPECT_EQ(r.totals["activities_completed"], 0);
  EXPECT_EQ(r.totals["employed_within_followup_of_parcours"], n);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "hours_direct"), n * 20.0, 1e-3);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "hours_indirect"), n * 5.0, 1e-3);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_ended_at_level_reached", 0), n);
  // Priced at the level reached (D1, $1,900), not the level planned (D3, $3,500).
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_fixed_price"), n * 1900.0, 0.01);
  // Its own agreement is credited with the job, at 0 days from the end (M13).
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "employed_0_3_months"), n);
}

TEST(EarlyEnding, AJobAfterThePlannedEndDoesNotCount) {  // rule P7
  ModelParameters p = seventy_days(1000);
  p.activities[0].job_during = at_day(71);
  const LedgerRun r = run_world(p);
  EXPECT_EQ(r.totals["jobs_during_activity"], 0);
  EXPECT_EQ(r.totals["activities_completed"], r.totals["parcours_started"]);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_fixed_price"),
              r.totals["parcours_started"] * 3500.0, 0.01);
}

TEST(EarlyEnding, TheJobHazardFollowsItsRate) {  // rule P7
  // A constant hazard of 1/100 a day over 70 days: 1 - exp(-0.7) of participants.
  ModelParameters p = seventy_days(20000);
  p.activities[0].job_during = Hazard::constant(1.0 / 100);
  const LedgerRun r = run_world(p);
  parcours::testing::expect_share(r.totals["jobs_during_activity"], r.totals["parcours_started"],
                                  1 - std::exp(-0.7), "jobs during the activity");
}

TEST(EarlyEnding, ObjectivesMetEarlyEndTheActivityAsCompleted) {  // rules P5, S7, M8
  // Objectives met on day 21 of 70: 15 h given (level D1), and the plan goes on (here to the
  // job search after it).
  ModelParameters p = seventy_days(1000);
  p.activities[0].early_success = at_day(21);
  p.job_search.after_parcours = Hazard::constant(1.0 / 10);
  const LedgerRun r = run_world(p);
  const double n = r.totals["parcours_started"];
  EXPECT_EQ(r.totals["activities_ended_early"], n);
  EXPECT_EQ(r.totals["activities_completed"], n);
  EXPECT_EQ(r.totals["jobs_during_activity"], 0);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "hours_direct"), n * 12.0, 1e-3);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_fixed_price"), n * 1900.0, 0.01);
}

// `objectif_emploi`: the share of clients in the Objectif emploi program (a margin).
ModelParameters paid_weekly(double objectif_emploi) {
  ModelParameters p = seventy_days(1000);
  p.activities[0].allowance_per_week = 70;
  p.parcours.allowance_statuses = {true, true, true};
  p.activities[0].job_during = at_day(35);
  p.population.margins.push_back(
      {model::Attribute::kObjectifEmploi, {1 - objectif_emploi, objectif_emploi}, {}});
  const std::size_t m = p.population.margins.size();
  p.population.correlation.assign(m, std::vector<double>(m, 0.0));
  for (std::size_t i = 0; i < m; ++i) p.population.correlation[i][i] = 1.0;
  return p;
}

TEST(EarlyEnding, IncomeSupportStopsAtTheJobExceptObjectifEmploi) {  // rule M10
  // $70 a week: 5 weeks to the job; Objectif emploi clients keep it to the planned 10 weeks.
  LedgerRun r = run_world(paid_weekly(0.0));
  const double n = r.totals["parcours_started"];
  EXPECT_NEAR(r.totals["allowance_paid"], n * 350.0, 0.01);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "allowance_paid"), n * 350.0, 0.01);
  r = run_world(paid_weekly(1.0));
  EXPECT_NEAR(r.totals["allowance_paid"], n * 700.0, 0.01);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "allowance_paid"), n * 700.0, 0.01);
}

TEST(EarlyEnding, InJobSupportContinuesInTheSameService) {  // rules M1, M8, M11
  // A job on day 28: 20 service hours, then 20 hours of retention by the same organisation
  // on the same agreement: 40 h, level D2 (31-45 h).
  ModelParameters p = seventy_days(2000);
  p.activities[0].job_during = at_day(28);
  p.agreements.organisations[0].retention = true;
  p.retention.share = 1.0;
  p.retention.hours = Distribution::fixed(20);
  p.retention.days = Distribution::fixed(112);
  p.retention.integration_days = Distribution::fixed(14);
  p.retention.readmission_days = 84;
  const LedgerRun r = run_world(p);
  const double n = r.totals["parcours_started"];
  EXPECT_EQ(r.totals["retention_in_service"], n);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "retention_started"), n);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_ended_at_level_reached", 1), n);
}

// Two services in sequence, each under its own agreement with its own organisation: `first`
// days, then a 21-day one; the job comes `job_days` after the second ends.
ModelParameters two_services(double first, double job_days) {
  ModelParameters p = seventy_days(1000);
  p.activities[0].duration_days = Distribution::fixed(first);
  p.activities.push_back(p.activities[0]);
  p.activities[1].name = "club";
  p.activities[1].duration_days = Distribution::fixed(21);
  p.parcours.default_plan = {0, 1};
  p.agreements.organisations.push_back(p.agreements.organisations[0]);
  p.agreements.organisations[1].name = "ose 2";
  p.agreements.organisations[1].offers = {{1, 100000, -1}};
  p.agreements.agreements.push_back(p.agreements.agreements[0]);
  p.agreements.agreements[1].id = "B";
  p.agreements.agreements[1].organisation = 1;
  p.agreements.agreements[1].activity = 1;
  p.job_search.after_parcours = at_day(job_days);
  p.parcours.followup_days = 91;
  return p;
}

TEST(EarlyEnding, EachAgreementIsCreditedOnItsOwnWindow) {  // rule M13
  // A job 60 days after the second service: 81 days after the first, within both windows.
  LedgerRun r = run_world(two_services(30, 60));
  const double n = r.totals["parcours_started"];
  ASSERT_EQ(n, 1000);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "employed_0_3_months", model::kAllLevels, 0), n);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "employed_0_3_months", model::kAllLevels, 1), n);
  // 80 days after the second: 101 after the first, past its 91-day window.
  r = run_world(two_services(30, 80));
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "employed_0_3_months", model::kAllLevels, 0), 0);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "employed_0_3_months", model::kAllLevels, 1), n);
}

TEST(EarlyEnding, FoldKeepsTheEarliestEnding) {
  model::ActivityParameters a;
  a.job_during = at_day(10);
  a.early_success = at_day(5);
  parcours::core::RandomStream job(parcours::core::StreamKey{1, 0}, 1, 1);
  parcours::core::RandomStream met(parcours::core::StreamKey{1, 0}, 1, 2);
  model::StepEnding e{model::StepEnding::Kind::kPlanned, 20};
  model::fold_early_ending(e, a, 1.0, true, job, met);
  EXPECT_EQ(e.kind, model::StepEnding::Kind::kObjectives);
  EXPECT_NEAR(e.days, 5, 1e-3);
  // In a step of concurrent activities, objectives met do not end the step on their own.
  e = {model::StepEnding::Kind::kPlanned, 20};
  model::fold_early_ending(e, a, 1.0, false, job, met);
  EXPECT_EQ(e.kind, model::StepEnding::Kind::kJob);
  EXPECT_NEAR(e.days, 10, 1e-3);
}

}  // namespace
