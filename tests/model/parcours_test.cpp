// The Parcours (rules P2-P8, D5, D6) run through the world, against exact answers where any.
#include "model/world.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "model/effects.hpp"
#include "model/parcours_chain.hpp"
#include "support/world_run.hpp"

namespace parcours::model {
namespace {

using parcours::testing::everyone_in_parcours;
using parcours::testing::expect_share;
using parcours::testing::run;
using parcours::testing::small_model;
using parcours::testing::Totals;

TEST(Parcours, ParcoursOutcomesMatchTheExactCompetingRisksAnswer) {  // rules P2, P7, D6
  // With constant hazards the Parcours is an absorbing Markov chain: in each activity i the
  // client finishes at rate a_i or abandons at rate d; after finishing, abandons with
  // probability q_i; in the final job search finds a job at rate j or abandons at rate d.
  // P(job) = prod_i [a_i / (a_i + d) (1 - q_i)] * j / (j + d).
  ModelParameters p = small_model();
  p.arrivals.count = 30000;
  p.horizon.years = 8;  // long enough that every Parcours has ended
  p.evaluation.agents = 20;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.retention.share = 0;
  const double a1 = 1.0 / 14;
  const double a2 = 1.0 / 28;
  const double d = 1.0 / 200;
  const double j = 1.0 / 56;
  const double exact = a1 / (a1 + d) * (1 - 0.1) * a2 / (a2 + d) * (1 - 0.2) * j / (j + d);
  const Totals t = run(p);
  EXPECT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  expect_share(t["parcours_ended_employment"], t["parcours_started"], exact, "employment");
}

TEST(Parcours, OutcomeSharesAgreeWithTheAbsorbingMarkovChain) {  // rules P2, P7, D6
  // Every duration exponential: the Parcours is an absorbing Markov chain (solved exactly with
  // Eigen). Each outcome's simulated share must fall in its 99 % interval around the exact one.
  ModelParameters p = small_model();
  p.arrivals.count = 40000;
  p.horizon.years = 10;  // long enough that every Parcours has ended
  p.evaluation.agents = 30;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.parcours.school_share = 0.05;
  p.parcours.other_measure_share = 0.08;
  p.parcours.closure_enabled = true;
  p.parcours.closure_days = core::Distribution::exponential(400);
  p.retention.share = 0;
  const AbsorbingChain::Solution exact = parcours_chain(p, p.parcours.default_plan).solve();
  const Totals t = run(p);
  ASSERT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  const double n = t["parcours_started"];
  const std::pair<const char*, const char*> outcomes[] = {
      {kChainEmployment, "parcours_ended_employment"},
      {kChainDropout, "parcours_ended_dropout"},
      {kChainClosure, "parcours_ended_closure"},
      {kChainSchool, "parcours_ended_school"},
      {kChainOtherMeasure, "parcours_ended_other_measure"}};
  double total = 0;
  for (const auto& [state, indicator] : outcomes) {
    const double share = exact.probability(kChainStart, state);
    total += share;
    EXPECT_NEAR(t[indicator] / n, share, 2.576 * std::sqrt(share * (1 - share) / n)) << state;
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
}

TEST(Parcours, DropoutEffectsScaleTheHazardByDistance) {  // rules D5, D6
  // The dropout hazard is d exp(beta k) for a client with k limiting characteristics (D1),
  // k ~ Binomial(5, p) (see small_model). With one exponential activity (rate a) then job search
  // (rate j): P(job) = sum_k P(k) a/(a + d_k) j/(j + d_k), exactly.
  ModelParameters p = everyone_in_parcours(40000, 10);
  p.activities = {parcours::testing::activity("only", core::Distribution::exponential(30), 0.0)};
  p.parcours.default_plan = {0};
  const double beta = 0.4;
  p.parcours.dropout_effects.terms = {{Covariate::kLimitingCharacteristics, beta}};
  p.retention.share = 0;
  const double a = 1.0 / 30;
  const double j = 1.0 / 56;
  const double d = 1.0 / 200;
  const double q = parcours::testing::kLimitingProbability;
  const int m = parcours::testing::kLimitingDrawn;
  double exact = 0;
  for (int k = 0; k <= m; ++k) {
    const double pk = std::tgamma(m + 1) / (std::tgamma(k + 1) * std::tgamma(m - k + 1)) *
                      std::pow(q, k) * std::pow(1 - q, m - k);
    const double dk = d * std::exp(beta * k);
    exact += pk * a / (a + dk) * j / (j + dk);
  }
  const Totals t = run(p);
  expect_share(t["parcours_ended_employment"], t["parcours_started"], exact, "employment");
  // Without the effect the share is clearly higher: the test can tell the two apart.
  EXPECT_GT(a / (a + d) * j / (j + d) - exact, 0.05);
}

TEST(Parcours, OseReferralsDelayTheActivityAndTheChainAgrees) {  // rule P8
  ModelParameters p = everyone_in_parcours(30000, 10);
  p.activities[1].referral = true;  // the second activity is an OSE's
  p.activities[1].referral_days = core::Distribution::exponential(21);
  p.retention.share = 0;
  const double exact =
      parcours_chain(p, p.parcours.default_plan).solve().probability(kChainStart, kChainEmployment);
  const Totals t = run(p);
  const double n = t["parcours_started"];
  EXPECT_GT(t["ose_referrals"], 0);
  EXPECT_NEAR(t["parcours_ended_employment"] / n, exact,
              2.576 * std::sqrt(exact * (1 - exact) / n));
  // Without the referral wait (and its exposure to dropout) the share would be higher.
  p.activities[1].referral = false;
  const double without =
      parcours_chain(p, p.parcours.default_plan).solve().probability(kChainStart, kChainEmployment);
  EXPECT_GT(without - exact, 5 * std::sqrt(exact * (1 - exact) / n));
}

// Triples every client's dropout hazard, as a policy.dropout_multiplier hook could.
class TriplingRules : public ParametricRules {
 public:
  using ParametricRules::ParametricRules;
  double dropout_multiplier(const Client&, const Profile&) override { return 3.0; }
};

TEST(Parcours, TheRulesMultiplierScalesTheDropoutHazard) {  // rules D5, D6
  ModelParameters p = everyone_in_parcours(30000, 10);
  p.retention.share = 0;
  TriplingRules rules(p);
  const Totals t = run(p, rules);
  const double employed = t["parcours_ended_employment"];
  const double started = t["parcours_started"];
  ModelParameters tripled = p;
  tripled.parcours.dropout = Hazard::constant(3 * p.parcours.dropout.rate);
  const double exact = parcours_chain(tripled, p.parcours.default_plan)
                           .solve()
                           .probability(kChainStart, kChainEmployment);
  EXPECT_NEAR(employed / started, exact, 2.576 * std::sqrt(exact * (1 - exact) / started));
}

// Everyone in one 73.5-day activity, then straight back to school, with accompaniment every
// 7 days when near the labour market and every 5 days when far (rule D2: three limiting
// characteristics or more); `far`: all clients far (all five drawn characteristics limiting),
// else all near (none).
ModelParameters accompanied(bool far) {
  ModelParameters p = everyone_in_parcours(3000, 3);
  p.activities = {parcours::testing::activity("ten_weeks", core::Distribution::fixed(73.5), 0.0)};
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.school_share = 1.0;
  for (Margin& m : p.population.margins) {
    const bool schooling = m.attribute == Attribute::kSchooling;
    m.probabilities = schooling ? std::vector<double>{far ? 1.0 : 0.0, 0, far ? 0.0 : 1.0, 0}
                                : std::vector<double>{far ? 0.0 : 1.0, far ? 1.0 : 0.0};
  }
  p.accompaniment.enabled = true;
  p.accompaniment.interval_days = {7, 5};
  p.accompaniment.contact_days = core::Distribution::fixed(1.0 / 24);
  p.accompaniment.agent_share = 0.6;
  return p;
}

TEST(Parcours, AccompanimentContactsFollowTheirFrequency) {  // rules P4, D5
  // Near: days 7 to 70, exactly 10 contacts per Parcours; far: days 5 to 70, exactly 14 (none
  // falls near the end, where rounding decides).
  Totals t = run(accompanied(false));
  EXPECT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  EXPECT_EQ(t["accompaniment_contacts"], 10 * t["parcours_started"]);
  expect_share(t["accompaniment_contacts_by_agent"], t["accompaniment_contacts"], 0.6, "agent");
  t = run(accompanied(true));
  EXPECT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  EXPECT_EQ(t["accompaniment_contacts"], 14 * t["parcours_started"]);
}

TEST(Parcours, FailedChecksReviseThePlanUpToItsLimit) {  // rules P3, P5
  // One activity checked successful with probability s; a failure revises the plan (the
  // same default plan again) at most R times. Revisions per Parcours K: P(K >= k) = (1-s)^k
  // for k <= R, so E[K] = sum (1-s)^k and E[K^2] = sum (2k-1)(1-s)^k.
  ModelParameters p = everyone_in_parcours(20000, 8);
  p.activities = {parcours::testing::activity("only", core::Distribution::exponential(14), 0.0)};
  p.activities[0].success_probability = 0.6;
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.max_revisions = 3;
  p.retention.repeat_approval_probability = 1;  // rule M12: the repeat is always approved here
  double mean = 0;
  double square = 0;
  for (int k = 1; k <= 3; ++k) {
    mean += std::pow(0.4, k);
    square += (2 * k - 1) * std::pow(0.4, k);
  }
  const Totals t = run(p);
  const double n = t["parcours_started"];
  EXPECT_NEAR(t["plan_revisions"] / n, mean, 4 * std::sqrt((square - mean * mean) / n));
  EXPECT_EQ(t["activities_started"], n + t["plan_revisions"]);
}

TEST(Parcours, ACompletedActivityIsNotRepeatedWithoutApproval) {  // rule M12
  // Revised plans name the completed activity again: it is refused unless approved, with
  // probability q; each approved repeat may fail its check again.
  ModelParameters p = everyone_in_parcours(20000, 8);
  p.activities = {parcours::testing::activity("only", core::Distribution::exponential(14), 0.0)};
  p.activities[0].success_probability = 0.6;
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.max_revisions = 1;
  p.retention.repeat_approval_probability = 0;
  Totals t = run(p);
  const double n = t["parcours_started"];
  EXPECT_GT(t["plan_revisions"], 0);
  EXPECT_EQ(t["activities_repeat_refused"], t["plan_revisions"]);
  EXPECT_EQ(t["activities_started"], n);
  p.retention.repeat_approval_probability = 0.25;
  t = run(p);
  expect_share(t["activities_repeat_refused"], t["plan_revisions"], 0.75, "repeats refused");
  EXPECT_EQ(t["activities_started"],
            t["parcours_started"] + t["plan_revisions"] - t["activities_repeat_refused"]);
}

TEST(Parcours, IncomeSupportIsPaidForTheWeeksOfParticipation) {  // rules P6, S5
  // A 10-week activity paying a $100 allowance (to clients without other support) and $20 of
  // extra costs a week; every Parcours is closed at week 5, so 5 weeks are paid.
  ModelParameters p = everyone_in_parcours(2000, 3);
  p.activities = {parcours::testing::activity("ten_weeks", core::Distribution::fixed(70), 0.0)};
  p.activities[0].allowance_per_week = 100;
  p.activities[0].extra_costs_per_week = 20;
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.closure_enabled = true;  // at week 5, mid-activity
  p.parcours.closure_days = core::Distribution::fixed(35);
  p.parcours.school_share = 1.0;
  p.parcours.allowance_statuses[static_cast<std::size_t>(IncomeSupport::kNone)] = true;
  const Totals t = run(p);
  const double started = t["parcours_started"];
  // Every Parcours is closed at week 5, before the activity's end: 5 weeks paid each.
  EXPECT_NEAR(t["allowance_paid"], started * 5 * 100, 1e-6 * t["allowance_paid"]);
  EXPECT_NEAR(t["extra_costs_paid"], started * 5 * 20, 1e-6 * t["extra_costs_paid"]);
  p.parcours.allowance_statuses = {};
  EXPECT_EQ(run(p)["allowance_paid"], 0.0) << "no status receives it";
}

TEST(Parcours, ConcurrentActivitiesRunTogether) {  // rule P2
  // Two weeks of one activity alongside four of another: the step lasts four weeks, and both
  // are paid for all of it (income support is by week of participation in the step).
  ModelParameters p = everyone_in_parcours(2000, 3);
  p.activities = {parcours::testing::activity("short", core::Distribution::fixed(14), 0.0),
                  parcours::testing::activity("long", core::Distribution::fixed(28), 0.0)};
  p.activities[1].concurrent = true;
  p.activities[0].extra_costs_per_week = 10;
  p.activities[1].extra_costs_per_week = 10;
  p.parcours.default_plan = {0, 1};
  p.parcours.dropout = Hazard::none();
  p.parcours.school_share = 1.0;
  const Totals t = run(p);
  EXPECT_EQ(t["activities_completed"], 2 * t["parcours_started"]);
  EXPECT_NEAR(t["extra_costs_paid"], t["parcours_started"] * 2 * 4 * 10,
              1e-6 * t["extra_costs_paid"]);
  EXPECT_THROW(parcours_chain(p, p.parcours.default_plan), std::invalid_argument);
}

TEST(Parcours, EndOfPlanOutcomesFollowTheirShares) {  // rule P7
  ModelParameters p = everyone_in_parcours(30000, 8);
  p.parcours.default_plan = {};  // the plan ends at once: every Parcours reaches the outcome
  p.parcours.dropout = Hazard::none();
  p.parcours.school_share = 0.2;
  p.parcours.other_measure_share = 0.1;
  const Totals t = run(p);
  const double n = t["parcours_started"];
  expect_share(t["parcours_ended_school"], n, 0.2, "school");
  expect_share(t["parcours_ended_other_measure"], n, 0.1, "other measure");
  EXPECT_EQ(t["parcours_ended_employment"] + t["parcours_ended_school"] +
                t["parcours_ended_other_measure"],
            n);
}

TEST(Parcours, AnOpenParcoursIsClosedAfterItsTime) {  // rule P7
  ModelParameters p = small_model();
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.parcours.dropout = Hazard::none();
  p.parcours.closure_enabled = true;
  p.parcours.closure_days = core::Distribution::fixed(1.0);  // before any activity can end
  p.activities = {parcours::testing::activity("long", core::Distribution::fixed(30), 0.0)};
  p.parcours.default_plan = {0};
  const Totals t = run(p);
  EXPECT_GT(t["parcours_started"], 0);
  EXPECT_EQ(t["parcours_ended_closure"],
            t["parcours_started"] - t.by_quarter.at("parcours_active_end").back());
  EXPECT_EQ(t["activities_completed"], 0);
}

TEST(Parcours, JobsWithinTheFollowUpWindowMatchTheExactShare) {  // rules P7, M13
  // Everyone abandons right after a one-week activity, then searches alone for Exp(mean m)
  // days: the share employed within w days of the end is exactly 1 - exp(-w/m).
  ModelParameters p = everyone_in_parcours(20000, 6);
  p.parcours.dropout = Hazard::none();
  p.activities = {parcours::testing::activity("only", core::Distribution::fixed(7), 1.0)};
  p.parcours.default_plan = {0};
  p.parcours.followup_days = 91.3;
  p.job_search.after_exit = Hazard::constant(1.0 / 120);
  p.retention.share = 0;
  const Totals t = run(p);
  EXPECT_EQ(t["parcours_ended_dropout"], t["parcours_started"]);
  expect_share(t["employed_within_followup_of_parcours"], t["parcours_ended_dropout"],
               1 - std::exp(-91.3 / 120), "followed-up jobs");
}

}  // namespace
}  // namespace parcours::model
