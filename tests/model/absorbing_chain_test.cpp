#include "model/absorbing_chain.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/random_stream.hpp"
#include "core/statistics.hpp"

#include "support/text.hpp"

namespace parcours::model {
namespace {

using testing::contains;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

// A walk on 0..n moving up at rate p * speed and down at rate q * speed; 0 and n absorb.
AbsorbingChain gamblers_ruin(int n, double p, double q, double speed) {
  AbsorbingChain chain;
  for (int i = 0; i <= n; ++i) chain.add_state(std::to_string(i));
  for (int i = 1; i < n; ++i) {
    chain.add_rate(i, i + 1, p * speed);
    chain.add_rate(i, i - 1, q * speed);
  }
  return chain;
}

TEST(AbsorbingChain, GamblersRuinBiased) {
  const int n = 5;
  const double p = 0.4;
  const double q = 0.6;
  const double speed = 2;  // jumps per day, so days = steps / 2
  const AbsorbingChain::Solution sol = gamblers_ruin(n, p, q, speed).solve();
  ASSERT_EQ(sol.absorbing, (std::vector<std::string>{"0", "5"}));
  ASSERT_EQ(sol.transient, (std::vector<std::string>{"1", "2", "3", "4"}));
  const double r = q / p;
  for (int i = 1; i < n; ++i) {
    const std::string from = std::to_string(i);
    const double win = (1 - std::pow(r, i)) / (1 - std::pow(r, n));
    const double steps = i / (q - p) - n / (q - p) * win;
    EXPECT_NEAR(sol.probability(from, "5"), win, 1e-12) << from;
    EXPECT_NEAR(sol.probability(from, "0"), 1 - win, 1e-12) << from;
    EXPECT_NEAR(sol.time_to_absorption(from), steps / speed, 1e-12) << from;
  }
}

TEST(AbsorbingChain, GamblersRuinFair) {
  const int n = 6;
  const AbsorbingChain::Solution sol = gamblers_ruin(n, 0.5, 0.5, 1).solve();
  for (int i = 1; i < n; ++i) {
    const std::string from = std::to_string(i);
    EXPECT_NEAR(sol.probability(from, "6"), static_cast<double>(i) / n, 1e-12) << from;
    EXPECT_NEAR(sol.time_to_absorption(from), i * (n - i), 1e-12) << from;
  }
}

TEST(AbsorbingChain, TwoStageCompetingRisksByHand) {  // rules P2, P7, D6
  // An activity ends at rate a or is abandoned at rate d; after it the client abandons with
  // probability q (a branch, no time); then job search finds a job at rate j or is abandoned at d.
  const double a = 1.0 / 14;
  const double d = 1.0 / 200;
  const double q = 0.1;
  const double j = 1.0 / 56;
  AbsorbingChain chain;
  const int activity = chain.add_state("activity");
  const int decision = chain.add_state("decision");
  const int search = chain.add_state("search");
  const int job = chain.add_state("job");
  const int dropout = chain.add_state("dropout");
  chain.add_rate(activity, decision, a);
  chain.add_rate(activity, dropout, d);
  chain.add_branch(decision, dropout, q);
  chain.add_branch(decision, search, 1 - q);
  chain.add_rate(search, job, j);
  chain.add_rate(search, dropout, d);
  const AbsorbingChain::Solution sol = chain.solve();

  const double p_job = a / (a + d) * (1 - q) * j / (j + d);
  EXPECT_NEAR(sol.probability("activity", "job"), p_job, 1e-12);
  EXPECT_NEAR(sol.probability("activity", "dropout"), 1 - p_job, 1e-12);
  EXPECT_NEAR(sol.probability("decision", "job"), (1 - q) * j / (j + d), 1e-12);
  EXPECT_NEAR(sol.probability("search", "job"), j / (j + d), 1e-12);
  // Time: the activity's holding time, then (if it ends and the client goes on) the search's.
  const double t_search = 1 / (j + d);
  const double t_activity = 1 / (a + d) + a / (a + d) * (1 - q) * t_search;
  EXPECT_NEAR(sol.time_to_absorption("activity"), t_activity, 1e-9);
  EXPECT_NEAR(sol.time_to_absorption("decision"), (1 - q) * t_search, 1e-9);  // no time itself
  EXPECT_NEAR(sol.time_to_absorption("search"), t_search, 1e-9);
}

TEST(AbsorbingChain, StatesThatCannotBeAbsorbedAreNamed) {
  AbsorbingChain chain;
  const int activity = chain.add_state("activity");
  const int limbo = chain.add_state("limbo");
  const int loop = chain.add_state("loop");
  const int job = chain.add_state("job");
  chain.add_rate(activity, job, 0.1);
  chain.add_rate(activity, limbo, 0.1);
  chain.add_rate(limbo, loop, 1);
  chain.add_branch(loop, limbo, 1);
  const std::string msg = error_of([&] { (void)chain.solve(); });
  EXPECT_TRUE(contains(msg, "'limbo'")) << msg;
  EXPECT_TRUE(contains(msg, "'loop'")) << msg;
  EXPECT_FALSE(contains(msg, "activity")) << msg;
}

TEST(AbsorbingChain, OnlyZeroRatesOutIsATrapNotAnOutcome) {
  AbsorbingChain chain;
  const int activity = chain.add_state("activity");
  const int job = chain.add_state("job");
  chain.add_rate(activity, job, 0);
  const std::string msg = error_of([&] { (void)chain.solve(); });
  EXPECT_TRUE(contains(msg, "'activity'")) << msg;
}

TEST(AbsorbingChain, BadInputIsRejected) {
  AbsorbingChain chain;
  const int a = chain.add_state("activity");
  const int b = chain.add_state("decision");
  const int c = chain.add_state("job");
  EXPECT_TRUE(contains(error_of([&] { chain.add_state("job"); }), "duplicate"));
  const std::string negative = error_of([&] { chain.add_rate(a, c, -0.5); });
  EXPECT_TRUE(contains(negative, "'activity' -> 'job'")) << negative;
  EXPECT_TRUE(contains(negative, "-0.5")) << negative;
  EXPECT_NE(error_of([&] { chain.add_rate(a, c, std::nan("")); }), "");
  EXPECT_NE(error_of([&] { chain.add_rate(a, a, 1); }), "");
  EXPECT_NE(error_of([&] { chain.add_rate(a, 7, 1); }), "");
  EXPECT_NE(error_of([&] { chain.add_branch(b, c, 1.5); }), "");

  chain.add_rate(a, b, 0.1);
  const std::string mixed = error_of([&] { chain.add_branch(a, c, 0.5); });
  EXPECT_TRUE(contains(mixed, "either timed or a branch")) << mixed;
  chain.add_branch(b, c, 0.5);
  EXPECT_NE(error_of([&] { chain.add_rate(b, c, 0.5); }), "");

  const std::string sum = error_of([&] { (void)chain.solve(); });  // 'decision' sums to 0.5
  EXPECT_TRUE(contains(sum, "'decision'")) << sum;
  chain.add_branch(b, a, 0.5);  // now 1: back to the activity half the time
  const AbsorbingChain::Solution sol = chain.solve();
  EXPECT_NEAR(sol.probability("activity", "job"), 1, 1e-12);
  EXPECT_NEAR(sol.time_to_absorption("activity"), 2 / 0.1, 1e-9);  // geometric: 2 activities
}

// A chain with loops, mixing timed and branch states and three outcomes, described once and
// both solved and simulated directly.
struct Transition {
  int from;
  int to;
  double value;
  bool timed;
};

TEST(AbsorbingChain, MatchesADirectMonteCarloSimulation) {  // rules P2, P3, P7, D6
  const std::vector<std::string> names = {"intake",  "activity", "review", "search",
                                          "dropout", "job",      "school"};
  enum { kIntake, kActivity, kReview, kSearch, kDropout, kJob, kSchool };
  const std::vector<Transition> transitions = {
      {kIntake, kActivity, 1.0 / 10, true}, {kIntake, kDropout, 1.0 / 100, true},
      {kActivity, kReview, 1.0 / 20, true}, {kActivity, kDropout, 1.0 / 150, true},
      {kReview, kActivity, 0.3, false},     {kReview, kSearch, 0.6, false},
      {kReview, kDropout, 0.1, false},      {kSearch, kJob, 1.0 / 40, true},
      {kSearch, kDropout, 1.0 / 150, true}, {kSearch, kSchool, 1.0 / 300, true},
  };
  AbsorbingChain chain;
  for (const std::string& name : names) chain.add_state(name);
  for (const Transition& t : transitions) {
    if (t.timed) {
      chain.add_rate(t.from, t.to, t.value);
    } else {
      chain.add_branch(t.from, t.to, t.value);
    }
  }
  const AbsorbingChain::Solution sol = chain.solve();
  for (const std::vector<double>& row : sol.absorption) {
    double total = 0;
    for (const double p : row) total += p;
    EXPECT_NEAR(total, 1, 1e-12);
  }

  // The simulation: in a timed state wait Exp(total rate) then pick a transition in proportion
  // to its rate; in a branch state pick one by its probability at once.
  const int n = 20000;
  const core::StreamKey key{99, 0};
  std::vector<double> ends(names.size(), 0.0);
  core::Tally days;
  for (int path = 0; path < n; ++path) {
    core::RandomStream rng(key, static_cast<std::uint64_t>(path), 1);
    int state = kIntake;
    double t = 0;
    while (state < kDropout) {
      const int from = state;
      double total = 0;
      bool timed = false;
      for (const Transition& tr : transitions) {
        if (tr.from == from) {
          total += tr.value;
          timed = tr.timed;
        }
      }
      if (timed) t += rng.exponential(1 / total);
      double pick = rng.uniform() * total;
      for (const Transition& tr : transitions) {
        if (tr.from != from) continue;
        state = tr.to;  // the last one also takes any rounding left in `pick`
        pick -= tr.value;
        if (pick < 0) break;
      }
    }
    ends[static_cast<std::size_t>(state)] += 1;
    days.add(t);
  }
  for (const int outcome : {kDropout, kJob, kSchool}) {
    const std::string& name = names[static_cast<std::size_t>(outcome)];
    const double p = sol.probability("intake", name);
    EXPECT_NEAR(ends[static_cast<std::size_t>(outcome)] / n, p, 4 * std::sqrt(p * (1 - p) / n))
        << name;
  }
  EXPECT_NEAR(days.mean(), sol.time_to_absorption("intake"), 4 * std::sqrt(days.variance() / n));
}

}  // namespace
}  // namespace parcours::model
