// Services of organisations under agreements (rules S2-S8, M8, M11): costing under both funding
// modes to the cent, signature dates, eligibility, follow-up results, and a waitlisted service
// against the exact M/M/c/K answer.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/simulation.hpp"
#include "core/student_t.hpp"
#include "model/world.hpp"
#include "support/ose_run.hpp"
#include "support/world_run.hpp"

namespace {

using parcours::core::Distribution;
using parcours::model::Agreement;
using parcours::model::AgreementValue;
using parcours::model::FundingMode;
using parcours::model::ModelParameters;
using parcours::model::Organisation;
using parcours::model::PeriodKind;
using parcours::testing::everyone_in_parcours;
using parcours::testing::LedgerRun;
using parcours::testing::one_service;
using parcours::testing::run_world;
using parcours::testing::total;
namespace model = parcours::model;
namespace core = parcours::core;

TEST(Ose, BothFundingModesMatchTheArithmeticToTheCent) {  // rule S7
  ModelParameters p = one_service(200, 70, 1000);
  const LedgerRun r = run_world(p);
  const double n = r.totals["parcours_started"];
  ASSERT_EQ(n, 200);
  ASSERT_EQ(total(r, PeriodKind::kAgreementYear, "participants_ended"), n);
  // 50 hours (40 direct + 10 indirect) fall in level D3 (46-60 h, rule M8): $3,500 each at a
  // fixed price; at actual costs 50 h x $65 x 1.15 = $3,737.50 each.
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_started", 2), n);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_started", 0), 0);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_fixed_price"), n * 3500.0, 0.005);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_actual_costs"), n * 3737.50, 0.005);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost"), n * 3737.50, 0.005);  // its mode
  // The same totals by quarter and by fiscal year: hours and costs spread over the quarters
  // the participations ran in lose nothing.
  EXPECT_NEAR(total(r, PeriodKind::kQuarter, "cost_actual_costs"), n * 3737.50, 0.005);
  EXPECT_NEAR(total(r, PeriodKind::kFiscalYear, "hours_direct"), n * 40.0, 1e-6);
  EXPECT_NEAR(total(r, PeriodKind::kFiscalYear, "hours_indirect"), n * 10.0, 1e-6);

  // Group delivery: 5 participants share the direct hours, 40 / 5 + 10 = 18 counsellor hours,
  // 18 x $65 x 1.15 = $1,345.50 each; the participant still receives 40 hours.
  p.activities[0].service.delivery = model::Delivery::kGroup;
  p.activities[0].service.group_size = 5;
  p.agreements.agreements[0].mode = FundingMode::kFixedPrice;
  const LedgerRun g = run_world(p);
  EXPECT_NEAR(total(g, PeriodKind::kAgreementYear, "cost_actual_costs"), n * 1345.50, 0.005);
  EXPECT_NEAR(total(g, PeriodKind::kAgreementYear, "cost"), n * 3500.0, 0.005);
  EXPECT_NEAR(total(g, PeriodKind::kAgreementYear, "hours_direct"), n * 40.0, 1e-6);
}

TEST(Ose, DisabilityOverheadIsCappedByTheAgreement) {  // rule S7
  Agreement a;
  a.hourly_cost = 50;
  a.overhead_share = 0.2;
  a.disability_overhead_max = 10000;
  EXPECT_DOUBLE_EQ(a.actual_cost(10, 0), 600.0);
  EXPECT_DOUBLE_EQ(a.actual_cost(10, 4000), 4600.0);
  EXPECT_DOUBLE_EQ(a.actual_cost(10, 12000), 10600.0);  // at most $10,000 of overhead
}

TEST(Ose, AnAbandonedParticipationCostsWhatWasGiven) {  // rule S7
  // Everyone abandons at day 35 of a 70-day service: half the hours were given.
  ModelParameters p = one_service(100, 70, 1000);
  p.parcours.closure_enabled = true;
  p.parcours.closure_days = Distribution::fixed(35);
  const LedgerRun r = run_world(p);
  const double n = r.totals["parcours_ended_closure"];
  ASSERT_EQ(n, 100);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "hours_direct"), n * 20.0, 1e-6);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_actual_costs"), n * 3737.50 / 2, 0.005);
  // The fixed price was due at the start, for the planned level (D3).
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_fixed_price"), n * 3500.0, 0.005);
}

TEST(Ose, AgreementYearsTurnOnTheFirstOfJuly) {  // rule S6
  EXPECT_EQ(core::agreement_year_of(*core::parse_date("2026-06-30")), 2025);
  EXPECT_EQ(core::agreement_year_of(*core::parse_date("2026-07-01")), 2026);
  EXPECT_EQ(model::agreement_year_of(core::FiscalQuarter{2026, 1}), 2025);  // Apr-Jun 2026
  EXPECT_EQ(model::agreement_year_of(core::FiscalQuarter{2026, 2}), 2026);  // Jul-Sep 2026
  EXPECT_EQ(model::agreement_year_of(core::FiscalQuarter{2026, 4}), 2026);  // Jan-Mar 2027

  // An agreement ending on 30 June and the next signed on 1 July: each books the
  // participations that start while it is in force, and none starts in neither.
  ModelParameters p = one_service(2000, 14, 1000);
  const core::Calendar calendar(p.horizon.start);
  Agreement& first = p.agreements.agreements[0];
  first.end = calendar.time_of(*core::parse_date("2025-07-01"));  // last day 30 June 2025
  Agreement second = first;
  second.id = "B";
  second.start = first.end;
  second.end = 1e6;
  p.agreements.agreements.push_back(second);
  const LedgerRun r = run_world(p);
  const double a =
      total(r, PeriodKind::kAgreementYear, "participants_started", model::kAllLevels, 0);
  const double b =
      total(r, PeriodKind::kAgreementYear, "participants_started", model::kAllLevels, 1);
  EXPECT_EQ(a + b, r.totals["activities_started"]);
  EXPECT_GT(a, 0);
  EXPECT_GT(b, 0);
  // Agreement A's starts are all in agreement year 2024-2025 (April-June 2025) ...
  for (const AgreementValue& v : r.values) {
    if (v.kind == PeriodKind::kAgreementYear && v.indicator == "participants_started" &&
        v.level == model::kAllLevels && v.value > 0) {
      EXPECT_EQ(v.year, v.agreement == 0 ? 2024 : 2025) << "agreement " << v.agreement;
    }
  }
  // ... and its participations still under way on 1 July end on its books, in 2025-2026.
  double ended_late = 0;
  for (const AgreementValue& v : r.values) {
    if (v.agreement == 0 && v.kind == PeriodKind::kAgreementYear && v.year == 2025 &&
        v.indicator == "participants_ended" && v.level == model::kAllLevels) {
      ended_late += v.value;
    }
  }
  EXPECT_GT(ended_late, 0);
}

TEST(Ose, NoActivityBeforeTheAgreementIsSigned) {  // rule S8
  ModelParameters p = one_service(1000, 14, 1000);
  p.agreements.agreements[0].start = 120;  // signed on day 120: clients referred before wait
  const LedgerRun r = run_world(p);
  EXPECT_EQ(r.totals["ose_not_served"], 0);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_started"), 1000);
  for (const AgreementValue& v : r.values) {  // quarter 1 (days 0-90) has no start
    if (v.kind == PeriodKind::kQuarter && v.quarter.quarter == 1 && v.quarter.year == 2025 &&
        v.indicator == "participants_started") {
      EXPECT_EQ(v.value, 0);
    }
  }
  // With no agreement in force nor to come, the step is skipped.
  p.agreements.agreements[0].start = 0;
  p.agreements.agreements[0].end = 60;
  const LedgerRun late = run_world(p);
  EXPECT_GT(late.totals["ose_not_served"], 0);
  EXPECT_EQ(late.totals["ose_not_served"] +
                total(late, PeriodKind::kAgreementYear, "participants_started"),
            1000);
}

TEST(Ose, OnlyEligibleClientsTakeTheService) {  // rules S2, S4
  ModelParameters p = one_service(4000, 14, 1000);
  p.population.margins.push_back({model::Attribute::kDisability, {0.7, 0.3}, {}});
  const std::size_t n = p.population.margins.size();
  p.population.correlation.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) p.population.correlation[i][i] = 1.0;
  p.activities[0].service.eligibility.disability_only = true;  // PH1
  const LedgerRun r = run_world(p);
  const double started = r.totals["parcours_started"];
  parcours::testing::expect_share(r.totals["activities_started"], started, 0.3,
                                  "eligible (disability)");
  EXPECT_EQ(r.totals["activities_ineligible"] + r.totals["activities_started"], started);
}

TEST(Ose, FollowUpCountsJobsWithinItsWindowExactly) {  // rule S2 (job-search club)
  // A 21-day service with a 182-day follow-up from its start, then a job hazard of 1/60 a
  // day: a job falls in the follow-up with probability 1 - exp(-(182 - 21) / 60).
  ModelParameters p = one_service(20000, 21, 100000);
  p.arrivals.over_days = 200;
  p.activities[0].service.followup_days = 182;
  p.job_search.after_parcours = model::Hazard::constant(1.0 / 60);
  const LedgerRun r = run_world(p);
  const double ended = total(r, PeriodKind::kAgreementYear, "participants_ended");
  parcours::testing::expect_share(total(r, PeriodKind::kAgreementYear, "employed_in_followup"),
                                  ended, 1 - std::exp(-(182.0 - 21.0) / 60.0), "follow-up jobs");
}

TEST(Ose, TheFollowUpsHoursAreGivenUntilTheJobOrItsEnd) {  // rule S2 (job-search club)
  // 10 hours of follow-up over days 21-182 after the start, given until a job (rate 1/60 a
  // day after the end) or the window's end: 10 E[min(T, 161)] / 161 hours a participant, with
  // E[min(T, 161)] = 60 (1 - exp(-161/60)); at the agreement's hourly cost.
  ModelParameters p = one_service(20000, 21, 100000);
  p.arrivals.over_days = 200;
  p.activities[0].service.followup_days = 182;
  p.activities[0].service.followup_hours = Distribution::fixed(10);
  p.job_search.after_parcours = model::Hazard::constant(1.0 / 60);
  const LedgerRun r = run_world(p);
  const double ended = total(r, PeriodKind::kAgreementYear, "participants_ended");
  const double followup = total(r, PeriodKind::kAgreementYear, "hours_direct") - 40.0 * ended;
  const double expected = 10.0 * 60 * (1 - std::exp(-161.0 / 60)) / 161;
  EXPECT_NEAR(followup / ended, expected, 4 * 10.0 / std::sqrt(ended));
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_actual_costs"),
              ended * 3737.50 + followup * 65 * 1.15, 0.01 * ended);
}

TEST(Ose, AYouthServiceMayBeExtendedAgainAndAgain) {  // rule S2 ("prolongée")
  // 182 days, extended by 28 days with probability 0.3 each time: 182 + 28 * 0.3 / 0.7 days
  // on average, read from extra costs of $7 a week ($1 a day).
  ModelParameters p = one_service(6000, 182, 100000);
  p.horizon.years = 3;
  p.activities[0].extension_probability = 0.3;
  p.activities[0].extension_days = Distribution::fixed(28);
  p.activities[0].extra_costs_per_week = 7;
  const LedgerRun r = run_world(p);
  const double n = r.totals["activities_completed"];
  ASSERT_GT(n, 5000);
  const double sd = 28 * std::sqrt(0.3) / 0.7;
  EXPECT_NEAR(r.totals["extra_costs_paid"] / n, 182 + 28 * 0.3 / 0.7, 4 * sd / std::sqrt(n));
}

TEST(Ose, DemarcheursAdmitNewApplicantsObjectifEmploiAndReentrants) {  // rule S4
  model::Eligibility e;
  e.statuses = {true, false, false};  // last-resort assistance only
  e.new_applicant_months = 6;
  model::Profile p;
  p.income_support = model::IncomeSupport::kLastResort;
  p.months_on_assistance = 6;
  EXPECT_TRUE(e.admits(p));  // a new applicant
  p.months_on_assistance = 7;
  EXPECT_FALSE(e.admits(p));
  EXPECT_TRUE(e.admits(p, true));  // a re-entrant, back at the office
  p.objectif_emploi = true;
  EXPECT_TRUE(e.admits(p));  // an Objectif emploi participant
  p.income_support = model::IncomeSupport::kEmploymentInsurance;
  EXPECT_FALSE(e.admits(p, true));
  EXPECT_FALSE(e.everyone());
}

// M/M/c/K: blocking probability and mean wait of the admitted.
struct Mmck {
  double blocking;
  double wait;
};
Mmck mmck(double lambda, double mu, int c, int k) {
  const double a = lambda / mu;
  std::vector<double> p(static_cast<std::size_t>(k) + 1);
  double term = 1;
  double sum = 0;
  for (int n = 0; n <= k; ++n) {
    if (n > 0) term *= a / std::min(n, c);
    p[static_cast<std::size_t>(n)] = term;
    sum += term;
  }
  double lq = 0;
  for (int n = 0; n <= k; ++n) {
    p[static_cast<std::size_t>(n)] /= sum;
    if (n > c) lq += (n - c) * p[static_cast<std::size_t>(n)];
  }
  const double blocking = p[static_cast<std::size_t>(k)];
  return {blocking, lq / (lambda * (1 - blocking))};
}

TEST(Ose, AWaitlistedServiceMatchesTheExactMmckAnswer) {  // rule S6 (places and waitlists)
  // Requests arrive as a Poisson stream (interviews take a moment, with agents to spare),
  // each takes one of c = 20 places for an exponential time (mean 3 days), and at most
  // 8 wait: an M/M/c/K queue with K = 28.
  constexpr int kReplications = 8;
  constexpr double kDays = 3000;
  constexpr std::uint64_t kClients = 21000;  // 7 a day: offered load 21 for 20 places
  const Mmck exact = mmck(kClients / kDays, 1.0 / 3, 20, 28);
  core::Tally blocking;
  core::Tally wait;
  for (int rep = 0; rep < kReplications; ++rep) {
    ModelParameters p = one_service(kClients, 3, 20);
    p.horizon.years = 9;
    p.arrivals.over_days = kDays;
    p.evaluation.agents = 1000;
    p.evaluation.interview_days = Distribution::exponential(1e-5);
    p.activities[0].duration_days = Distribution::exponential(3);
    p.agreements.organisations[0].offers[0].waitlist = 8;
    const LedgerRun r = run_world(p, static_cast<std::uint64_t>(rep));
    const double started = total(r, PeriodKind::kAgreementYear, "participants_started");
    const double turned = total(r, PeriodKind::kAgreementYear, "turned_away");
    ASSERT_EQ(total(r, PeriodKind::kAgreementYear, "waitlist_dropouts"), 0);
    blocking.add(turned / (started + turned));
    wait.add(total(r, PeriodKind::kAgreementYear, "wait_days_total") / started);
  }
  // 99.9 % Student intervals over the replications (each is a long run; the start empty is
  // a few days of 3,000).
  const double t = core::student_t_quantile(0.9995, kReplications - 1);
  const double se_b = std::sqrt(blocking.variance() / kReplications);
  const double se_w = std::sqrt(wait.variance() / kReplications);
  EXPECT_NEAR(blocking.mean(), exact.blocking, t * se_b) << "exact " << exact.blocking;
  EXPECT_NEAR(wait.mean(), exact.wait, t * se_w) << "exact " << exact.wait;
  EXPECT_GT(exact.blocking, 0.02);  // the test does test blocking
}

}  // namespace
