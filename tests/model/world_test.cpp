#include "model/world.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "model/effects.hpp"
#include "model/parcours_chain.hpp"
#include "support/model_parameters.hpp"
#include "support/queueing.hpp"

namespace parcours::model {
namespace {

using parcours::testing::small_model;

// Totals over the whole run, by indicator (counts summed over quarters).
struct Totals {
  std::map<std::string, double> sum;
  std::map<std::string, std::vector<double>> by_quarter;
  double operator[](const std::string& name) const { return sum.at(name); }
};

Totals run(const ModelParameters& params, std::uint64_t replication = 0) {
  core::Simulation sim(core::StreamKey{params.horizon.seed, replication});
  ParametricRules rules(params);
  World world(sim, params, rules);
  world.run();
  Totals totals;
  for (const IndicatorValue& v : world.indicators().quarterly_values()) {
    if (v.group != 0) continue;         // all clients; groups have their own test
    if (std::isnan(v.value)) continue;  // undefined in that quarter (e.g. no interview)
    totals.sum[std::string(v.indicator)] += v.value;
    totals.by_quarter[std::string(v.indicator)].push_back(v.value);
  }
  return totals;
}

// |observed share - p| within 4 binomial standard errors.
void expect_share(double count, double n, double p, const std::string& what) {
  ASSERT_GT(n, 0) << what;
  EXPECT_NEAR(count / n, p, 4.0 * std::sqrt(p * (1 - p) / n)) << what << ": " << count << "/" << n;
}

TEST(World, EveryClientIsAccountedFor) {
  const Totals t = run(small_model());
  EXPECT_EQ(t["arrivals"], 5000);
  EXPECT_EQ(t["arrivals_convened"] + t["arrivals_self_referred"], t["arrivals"]);
  // Every completed interview ends in exactly one conclusion; after a specialised evaluation
  // (C) a second conclusion is drawn.
  EXPECT_EQ(t["conclusion_a"] + t["conclusion_b"] + t["conclusion_c"] + t["conclusion_d"],
            t["interviews"] + t["specialised_evaluations"] - t["refusals"]);
  EXPECT_EQ(t["parcours_started"], t["conclusion_b"]);  // rule P1
  // Started = ended by a reason + still active at the end (rule P7).
  EXPECT_EQ(t["parcours_started"],
            t["parcours_ended_employment"] + t["parcours_ended_dropout"] +
                t["parcours_ended_school"] + t["parcours_ended_other_measure"] +
                t["parcours_ended_closure"] + t.by_quarter.at("parcours_active_end").back());
  EXPECT_GT(t["retention_started"], 0);
}

TEST(World, ConclusionsFollowTheirShares) {  // rule E5
  ModelParameters p = small_model();
  p.arrivals.count = 40000;
  p.evaluation.agents = 20;
  p.evaluation.referred_return_probability = 0;
  p.evaluation.conclusion_shares = {0.35, 0.5, 0.0, 0.15};
  const Totals t = run(p);
  const double n = t["interviews"];
  expect_share(t["conclusion_a"], n, 0.35, "A");
  expect_share(t["conclusion_b"], n, 0.5, "B");
  expect_share(t["conclusion_d"], n, 0.15, "D");
  EXPECT_EQ(t["conclusion_c"], 0);
}

TEST(World, ParcoursOutcomesMatchTheExactCompetingRisksAnswer) {  // rules P2, P7, D6
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

TEST(World, OutcomeSharesAgreeWithTheAbsorbingMarkovChain) {  // rules P2, P7, D6
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

TEST(World, DropoutEffectsScaleTheHazardByDistance) {  // rules D5, D6
  // The dropout hazard is d exp(beta k) for a client with k limiting characteristics (D1),
  // k ~ Binomial(5, p) (see small_model). With one exponential activity (rate a) then job search
  // (rate j): P(job) = sum_k P(k) a/(a + d_k) j/(j + d_k), exactly.
  ModelParameters p = small_model();
  p.arrivals.count = 40000;
  p.horizon.years = 10;
  p.evaluation.agents = 30;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
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

TEST(World, GroupsSplitEveryCountAndStockOfAllClients) {  // rules D2, P6
  ModelParameters p = small_model();
  p.arrivals.count = 20000;
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  const IndicatorTable& table = world.indicators();
  std::map<std::pair<std::string, std::string>, double> totals;  // (dimension, indicator)
  std::map<std::string, double> distance_arrivals;
  for (const IndicatorValue& v : table.quarterly_values()) {
    if (std::isnan(v.value)) continue;
    const auto& [dimension, label] = table.group_labels()[v.group];
    totals[{dimension, std::string(v.indicator)}] += v.value;
    if (dimension == "distance" && v.indicator == "arrivals") distance_arrivals[label] += v.value;
  }
  for (const char* indicator : {"arrivals", "interviews", "parcours_started", "employed",
                                "parcours_active_end", "clients_in_system_end"}) {
    const double all = totals[{"all", indicator}];
    EXPECT_GT(all, 0) << indicator;
    EXPECT_EQ((totals[{"income_support", indicator}]), all) << indicator;
    EXPECT_EQ((totals[{"distance", indicator}]), all) << indicator;
  }
  // Rule D2's classes: 3+ limiting characteristics of 5 drawn, each with probability q.
  const double q = parcours::testing::kLimitingProbability;
  double three_plus = 0;
  for (int k = 3; k <= 5; ++k) {
    three_plus += std::tgamma(6) / (std::tgamma(k + 1) * std::tgamma(6 - k)) * std::pow(q, k) *
                  std::pow(1 - q, 5 - k);
  }
  expect_share(distance_arrivals["3+"], totals[{"all", "arrivals"}], three_plus, "3+");
}

TEST(World, SpecialisedEvaluationsQueueLikeAnMmcQueue) {  // rules E5, E7
  // Interviews are an M/M/c queue, whose departures are Poisson (Burke); a share pC of them
  // goes to c' specialised evaluators with exponential service: an M/M/c' queue of its own,
  // whose mean wait is Erlang C's. Quarterly means (after a warm-up quarter) are the batches.
  ModelParameters p = small_model();
  p.arrivals.count = 0;
  p.arrivals.per_year = 36500;  // 100 a day
  p.horizon.years = 3;
  p.evaluation.agents = 10;
  p.evaluation.referred_return_probability = 0;
  p.evaluation.conclusion_shares = {0.5, 0.3, 0.2, 0.0};  // 20 C a day
  p.evaluation.specialised_evaluators = 5;
  p.evaluation.specialised_delay_days = core::Distribution::exponential(0.2);  // 25 a day max
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  std::vector<double> batches;
  for (std::size_t q = 1; q < world.indicators().quarters(); ++q) {
    batches.push_back(world.indicators().record(q).specialised_wait_days.mean());
  }
  double mean = 0;
  for (double b : batches) mean += b;
  mean /= static_cast<double>(batches.size());
  double var = 0;
  for (double b : batches) var += (b - mean) * (b - mean);
  const double se = std::sqrt(var / static_cast<double>(batches.size() - 1) /
                              static_cast<double>(batches.size()));
  const double exact = parcours::testing::erlang_c_mean_wait(5, 100.0 * 0.2, 1 / 0.2);
  EXPECT_NEAR(mean, exact, 4 * se) << "se " << se;
  EXPECT_GT(exact, 0.05);  // a queue worth testing (utilisation 0.8)
}

TEST(World, OseReferralsDelayTheActivityAndTheChainAgrees) {  // rule P8
  ModelParameters p = small_model();
  p.arrivals.count = 30000;
  p.horizon.years = 10;
  p.evaluation.agents = 30;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
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

// Records what the rules see, to test what the world tells them.
class RecordingRules : public ParametricRules {
 public:
  using ParametricRules::ParametricRules;
  Conclusion conclusion(const Client& c, const Profile& p, core::RandomStream& rng) override {
    seen.emplace_back(c.evaluations, c.limiting_characteristics);
    return ParametricRules::conclusion(c, p, rng);
  }
  std::vector<std::pair<int, int>> seen;  // (evaluations done, limiting characteristics)
};

// Triples every client's dropout hazard, as a policy.dropout_multiplier hook could.
class TriplingRules : public ParametricRules {
 public:
  using ParametricRules::ParametricRules;
  double dropout_multiplier(const Client&, const Profile&) override { return 3.0; }
};

TEST(World, TheRulesMultiplierScalesTheDropoutHazard) {  // rules D5, D6
  ModelParameters p = small_model();
  p.arrivals.count = 30000;
  p.horizon.years = 10;
  p.evaluation.agents = 30;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.retention.share = 0;
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  TriplingRules rules(p);
  World world(sim, p, rules);
  world.run();
  double employed = 0;
  double started = 0;
  for (const IndicatorValue& v : world.indicators().quarterly_values()) {
    if (v.group != 0) continue;
    if (v.indicator == "parcours_ended_employment") employed += v.value;
    if (v.indicator == "parcours_started") started += v.value;
  }
  ModelParameters tripled = p;
  tripled.parcours.dropout = Hazard::constant(3 * p.parcours.dropout.rate);
  const double exact = parcours_chain(tripled, p.parcours.default_plan)
                           .solve()
                           .probability(kChainStart, kChainEmployment);
  EXPECT_NEAR(employed / started, exact, 2.576 * std::sqrt(exact * (1 - exact) / started));
}

TEST(World, DistanceIsReassessedAtANewEvaluation) {  // rule D4
  // Everyone is 44 at entry, referred out (D) and back a year later: at 45 the age limits
  // integration (D1), and so does the time out of work, now past its threshold.
  ModelParameters p = small_model();
  p.arrivals.count = 200;
  p.population.margins = {{Attribute::kAge, {}, {{0, 44}, {1, 44}}},
                          {Attribute::kMonthsOutOfWork, {}, {{0, 20}, {1, 20}}}};
  p.population.correlation = {{1, 0}, {0, 1}};
  p.evaluation.conclusion_shares = {0.0, 0.0, 0.0, 1.0};
  p.evaluation.referred_return_probability = 1.0;
  p.evaluation.referred_return_days = core::Distribution::fixed(366);
  core::Simulation sim(core::StreamKey{1, 0});
  RecordingRules rules(p);
  World world(sim, p, rules);
  world.run();
  int first = 0;
  int second = 0;
  for (const auto& [evaluations, limiting] : rules.seen) {
    if (evaluations == 1) {
      EXPECT_EQ(limiting, 0);
      ++first;
    }
    if (evaluations == 2) {
      EXPECT_EQ(limiting, 2);
      ++second;
    }
  }
  EXPECT_EQ(first, 200);
  EXPECT_GT(second, 150);
}

TEST(World, AccompanimentContactsFollowTheirFrequency) {  // rules P4, D5
  // A 73.5-day activity, then straight back to school: a contact every 7 days gives exactly
  // 10 contacts per Parcours (days 7 to 70; none falls near the end, where rounding decides).
  ModelParameters p = small_model();
  p.arrivals.count = 3000;
  p.horizon.years = 3;
  p.evaluation.agents = 10;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.activities = {parcours::testing::activity("ten_weeks", core::Distribution::fixed(73.5), 0.0)};
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.school_share = 1.0;
  p.accompaniment.enabled = true;
  p.accompaniment.interval_days = {7, 7};
  p.accompaniment.contact_days = core::Distribution::fixed(1.0 / 24);
  p.accompaniment.agent_share = 0.6;
  const Totals t = run(p);
  EXPECT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  EXPECT_EQ(t["accompaniment_contacts"], 10 * t["parcours_started"]);
  expect_share(t["accompaniment_contacts_by_agent"], t["accompaniment_contacts"], 0.6, "agent");
}

TEST(World, FailedChecksReviseThePlanUpToItsLimit) {  // rules P3, P5
  // One activity checked successful with probability s; a failure revises the plan (the
  // same default plan again) at most R times. Revisions per Parcours K: P(K >= k) = (1-s)^k
  // for k <= R, so E[K] = sum (1-s)^k and E[K^2] = sum (2k-1)(1-s)^k.
  ModelParameters p = small_model();
  p.arrivals.count = 20000;
  p.horizon.years = 8;
  p.evaluation.agents = 20;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.activities = {parcours::testing::activity("only", core::Distribution::exponential(14), 0.0)};
  p.activities[0].success_probability = 0.6;
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.max_revisions = 3;
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

TEST(World, ClientsArrivingAfterHoursWaitForTheOpening) {  // rule E2
  // Open Monday to Friday, 9:00 to 17:00, with agents to spare: a client arriving while the
  // office is closed waits until it opens. For arrivals spread evenly over the week the mean
  // wait is sum(L^2/2)/168 h over the closed stretches L (four nights of 16 h, a weekend of
  // 64 h): 15.24 h; and E[W^2] = sum(L^3/3)/168 h^2 gives the standard error.
  ModelParameters p = small_model();
  p.arrivals.count = 0;
  p.arrivals.per_year = 20000;
  p.horizon.years = 1;
  p.evaluation.agents = 200;
  p.evaluation.opening_hours = true;
  p.evaluation.open_days = {true, true, true, true, true, false, false};
  p.evaluation.open_from_hours = 9;
  p.evaluation.open_to_hours = 17;
  p.evaluation.referred_return_probability = 0;
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  core::Tally waits;
  double busy = 0;
  double capacity = 0;
  for (std::size_t q = 0; q < world.indicators().quarters(); ++q) {
    waits.merge(world.indicators().record(q).interview_wait_days);
    busy += world.indicators().record(q).agent_busy_days;
    capacity += world.indicators().record(q).agent_capacity_days;
  }
  const double mean_h = (4 * 16.0 * 16 / 2 + 64.0 * 64 / 2) / 168;
  const double square_h = (4 * std::pow(16.0, 3) / 3 + std::pow(64.0, 3) / 3) / 168;
  const double se_days =
      std::sqrt((square_h - mean_h * mean_h) / static_cast<double>(waits.count())) / 24;
  EXPECT_NEAR(waits.mean(), mean_h / 24, 4 * se_days);
  // Capacity counts only the open hours: 40 of the week's 168.
  EXPECT_NEAR(capacity, 200 * 365 * 40.0 / 168, 200 * 2.0);
  EXPECT_GT(busy / capacity, 0.0);
}

TEST(World, IncomeSupportIsPaidForTheWeeksOfParticipation) {  // rules P6, S5
  // A 10-week activity paying a $100 allowance (to clients without other support) and $20 of
  // extra costs a week; every Parcours is closed at week 5, so 5 weeks are paid.
  ModelParameters p = small_model();
  p.arrivals.count = 2000;
  p.horizon.years = 3;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.activities = {parcours::testing::activity("ten_weeks", core::Distribution::fixed(70), 0.0)};
  p.activities[0].allowance_per_week = 100;
  p.activities[0].extra_costs_per_week = 20;
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.closure_enabled = true;  // at week 5, mid-activity
  p.parcours.closure_days = core::Distribution::fixed(35);
  p.parcours.school_share = 1.0;
  p.parcours.allowance_statuses[static_cast<std::size_t>(IncomeSupport::kNone)] = true;
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  double allowance = 0;
  double extra = 0;
  double started = 0;
  for (std::size_t q = 0; q < world.indicators().quarters(); ++q) {
    allowance += world.indicators().record(q).allowance_paid;
    extra += world.indicators().record(q).extra_costs_paid;
    started += static_cast<double>(
        world.indicators().record(q).counts[static_cast<std::size_t>(Count::kParcoursStarted)]);
  }
  // Every Parcours is closed at week 5, before the activity's end: 5 weeks paid each.
  EXPECT_NEAR(allowance, started * 5 * 100, 1e-6 * allowance);
  EXPECT_NEAR(extra, started * 5 * 20, 1e-6 * extra);
  p.parcours.allowance_statuses = {};
  core::Simulation sim2(core::StreamKey{p.horizon.seed, 0});
  World world2(sim2, p, rules);
  world2.run();
  EXPECT_EQ(world2.indicators().record(1).allowance_paid, 0.0) << "no status receives it";
}

TEST(World, ConcurrentActivitiesRunTogether) {  // rule P2
  // Two weeks of one activity alongside four of another: the step lasts four weeks, and both
  // are paid for all of it (income support is by week of participation in the step).
  ModelParameters p = small_model();
  p.arrivals.count = 2000;
  p.horizon.years = 3;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  p.activities = {parcours::testing::activity("short", core::Distribution::fixed(14), 0.0),
                  parcours::testing::activity("long", core::Distribution::fixed(28), 0.0)};
  p.activities[1].concurrent = true;
  p.activities[0].extra_costs_per_week = 10;
  p.activities[1].extra_costs_per_week = 10;
  p.parcours.default_plan = {0, 1};
  p.parcours.dropout = Hazard::none();
  p.parcours.school_share = 1.0;
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  double extra = 0;
  double started = 0;
  double activities = 0;
  for (std::size_t q = 0; q < world.indicators().quarters(); ++q) {
    const PeriodRecord& r = world.indicators().record(q);
    extra += r.extra_costs_paid;
    started += static_cast<double>(r.counts[static_cast<std::size_t>(Count::kParcoursStarted)]);
    activities +=
        static_cast<double>(r.counts[static_cast<std::size_t>(Count::kActivitiesCompleted)]);
  }
  EXPECT_EQ(activities, 2 * started);
  EXPECT_NEAR(extra, started * 2 * 4 * 10, 1e-6 * extra);
  EXPECT_THROW(parcours_chain(p, p.parcours.default_plan), std::invalid_argument);
}

TEST(World, RefusalsEndTheEvaluationAndSomeGoToCompliance) {  // rule E6
  ModelParameters p = small_model();
  p.arrivals.count = 30000;
  p.evaluation.agents = 20;
  p.evaluation.referred_return_probability = 0;
  p.evaluation.refusal_probability = 0.1;
  p.evaluation.refusal_without_reason_share = 0.4;
  const Totals t = run(p);
  expect_share(t["refusals"], t["interviews"], 0.1, "refusals");
  expect_share(t["compliance_referrals"], t["refusals"], 0.4, "compliance");
}

TEST(World, EndOfPlanOutcomesFollowTheirShares) {  // rule P7
  ModelParameters p = small_model();
  p.arrivals.count = 30000;
  p.horizon.years = 8;
  p.evaluation.agents = 20;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
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

TEST(World, AnOpenParcoursIsClosedAfterItsTime) {  // rule P7
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

TEST(World, JobsWithinTheFollowUpWindowMatchTheExactShare) {  // rules P7, M13
  // Everyone abandons right after a one-week activity, then searches alone for Exp(mean m)
  // days: the share employed within w days of the end is exactly 1 - exp(-w/m).
  ModelParameters p = small_model();
  p.arrivals.count = 20000;
  p.horizon.years = 6;
  p.evaluation.agents = 20;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
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

TEST(World, AgentUtilisationMatchesOfferedLoad) {  // rule E2: agents as a resource
  ModelParameters p = small_model();
  p.arrivals.count = 20000;
  p.evaluation.referred_return_probability = 0;
  p.evaluation.second_meeting_probability = 0;
  core::Simulation sim(core::StreamKey{3, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  // Over the arrival window (first 4 quarters), offered load = lambda * E[S] / c.
  const double load = 20000.0 / 364 * (1.0 / 24) / 3;
  double busy = 0;
  double capacity = 0;
  for (std::size_t q = 0; q < 4; ++q) {
    busy += world.indicators().record(q).agent_busy_days;
    capacity += 3 * world.indicators().record(q).days;
  }
  EXPECT_NEAR(busy / capacity, load, 0.02);
}

TEST(World, SeasonalityShapesArrivalsByMonth) {  // rule E1
  ModelParameters p = small_model();
  p.arrivals.count = 0;
  p.arrivals.per_year = 20000;
  p.horizon.years = 1;
  // January-March (fiscal Q4) at twice the weight of the other months.
  p.arrivals.monthly_weight = {2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  const Totals t = run(p);
  const auto& q = t.by_quarter.at("arrivals");
  ASSERT_EQ(q.size(), 4U);
  const double expected_q4 = 20000.0 * 6 / 15;  // Q4 holds 6 of the 15 weight units
  EXPECT_NEAR(q[3], expected_q4, 4 * std::sqrt(expected_q4));
  EXPECT_NEAR(t["arrivals"], 20000, 4 * std::sqrt(20000.0));
}

TEST(World, SameSeedSameRunOtherReplicationOtherRun) {
  const ModelParameters p = small_model();
  EXPECT_EQ(run(p, 0).sum, run(p, 0).sum);
  EXPECT_NE(run(p, 0).sum, run(p, 1).sum);
}

TEST(World, ChangingOneDecisionLeavesOtherDrawsAlone) {
  // Common random numbers: each draw has its own stream per client, so a different
  // retention share cannot move arrivals, conclusions or Parcours outcomes.
  ModelParameters a = small_model();
  ModelParameters b = small_model();
  b.retention.share = 0.5;
  const Totals ta = run(a);
  const Totals tb = run(b);
  for (const char* same : {"arrivals", "interviews", "conclusion_a", "conclusion_b",
                           "parcours_ended_dropout", "parcours_ended_employment", "employed"}) {
    EXPECT_EQ(ta[same], tb[same]) << same;
  }
  EXPECT_LT(ta["retention_started"], tb["retention_started"]);
}

}  // namespace
}  // namespace parcours::model
