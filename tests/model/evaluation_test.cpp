// The evaluation interview and its conclusions (rules E2, E5-E7, D4), run through the world.
#include "model/world.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "support/queueing.hpp"
#include "support/world_run.hpp"

namespace parcours::model {
namespace {

using parcours::testing::expect_share;
using parcours::testing::run;
using parcours::testing::small_model;
using parcours::testing::Totals;

TEST(Evaluation, ConclusionsFollowTheirShares) {  // rule E5
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

TEST(Evaluation, RefusalsEndTheEvaluationAndSomeGoToCompliance) {  // rule E6
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

TEST(Evaluation, ClientsArrivingAfterHoursWaitForTheOpening) {  // rule E2
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
  // Agent time is the interviews' time: about 20,000 interviews of Exp(1 h); the tolerance
  // covers the Poisson count and the exponential durations (4 standard deviations).
  const double hour = 1.0 / 24;
  EXPECT_NEAR(busy, 20000 * hour, 4 * std::sqrt(20000 * 2 * hour * hour + 20000 * hour * hour));
}

TEST(Evaluation, SpecialisedEvaluationsQueueLikeAnMmcQueue) {  // rules E5, E7
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

TEST(Evaluation, DistanceIsReassessedAtANewEvaluation) {  // rule D4
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

}  // namespace
}  // namespace parcours::model
