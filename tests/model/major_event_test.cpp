// Rule E7: a major event during an activity leads to a specialised evaluation inside the
// Parcours, in the evaluators' queue, and the agent's decision after it.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "core/random_stream.hpp"
#include "model/major_event.hpp"
#include "model/world.hpp"
#include "support/world_run.hpp"

namespace parcours::model {
namespace {

using parcours::testing::everyone_in_parcours;
using parcours::testing::expect_share;
using parcours::testing::run;
using parcours::testing::Totals;

constexpr double kActivityDays = 100.0;
constexpr double kRatePerDay = 0.002;

// Everyone in one 100-day activity, then back to school (the Parcours ends there); no
// abandonment; a major event at `rate` a day from the activity's start.
ModelParameters with_major_events(std::array<double, 3> after, double rate = kRatePerDay) {
  ModelParameters p = everyone_in_parcours(20000, 3);
  p.activities = {parcours::testing::activity("long", core::Distribution::fixed(kActivityDays), 0)};
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.school_share = 1.0;
  p.parcours.major_event.hazard = Hazard::constant(rate);
  p.parcours.major_event.after_shares = after;
  p.evaluation.referred_return_probability = 0.0;
  p.retention.share = 0;
  return p;
}

TEST(MajorEvent, ComesAtItsHazardAndCutsTheActivityShort) {  // rule E7
  const Totals t = run(with_major_events({1.0, 0.0, 0.0}));
  ASSERT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  // P(event within the activity) = 1 - exp(-rate x 100 days).
  expect_share(t["major_events"], t["parcours_started"], 1 - std::exp(-kRatePerDay * kActivityDays),
               "major events");
  // Each leads to one specialised evaluation inside the Parcours (not a conclusion C), and
  // the activity it cut short is not completed; all go on, to the end of the plan.
  EXPECT_EQ(t["major_event_evaluations"], t["major_events"]);
  EXPECT_EQ(t["specialised_evaluations"], 0);
  EXPECT_EQ(t["activities_completed"], t["parcours_started"] - t["major_events"]);
  EXPECT_EQ(t["parcours_ended_school"], t["parcours_started"]);
  EXPECT_EQ(t["major_event_stops"], 0);
}

TEST(MajorEvent, TheDecisionAfterTheEvaluationFollowsItsShares) {  // rule E7
  const Totals t = run(with_major_events({0.5, 0.3, 0.2}, 0.01));
  ASSERT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  expect_share(t["major_event_stops"], t["major_event_evaluations"], 0.2, "stop");
  expect_share(t["major_event_revisions"], t["major_event_evaluations"], 0.3, "revise");
  // A stop closes the Parcours (rule P7) and refers the client out: the only closures here.
  EXPECT_EQ(t["parcours_ended_closure"], t["major_event_stops"]);
  EXPECT_EQ(t["parcours_ended_school"] + t["parcours_ended_closure"], t["parcours_started"]);
}

TEST(MajorEvent, TheEvaluationTakesTheSpecialisedEvaluatorsQueue) {  // rules E7, E5
  // 28 days an evaluation; about 20,000 x 0.63 events over a year and a half: one evaluator
  // cannot keep up, so they wait; without a limit none waits.
  ModelParameters p = with_major_events({1.0, 0.0, 0.0}, 0.01);
  p.evaluation.specialised_delay_days = core::Distribution::fixed(28);
  Totals t = run(p);
  for (double wait : t.by_quarter.at("specialised_wait_days_mean")) EXPECT_EQ(wait, 0.0);
  p.evaluation.specialised_evaluators = 1;
  t = run(p);
  double longest = 0.0;
  for (double wait : t.by_quarter.at("specialised_wait_days_mean"))
    longest = std::max(longest, wait);
  EXPECT_GT(longest, 28.0);
}

TEST(MajorEvent, TheParametricDecisionCutsOneUniformAtItsShares) {  // rule E7
  MajorEventParameters p;
  p.after_shares = {0.5, 0.3, 0.2};
  int counts[3] = {0, 0, 0};
  constexpr int kDraws = 40000;
  for (int i = 0; i < kDraws; ++i) {
    core::RandomStream rng(core::StreamKey{7, 0}, static_cast<std::uint64_t>(i), 1);
    ++counts[static_cast<int>(draw_after_major_event(p, rng))];
  }
  expect_share(counts[0], kDraws, 0.5, "continue");
  expect_share(counts[1], kDraws, 0.3, "revise");
  expect_share(counts[2], kDraws, 0.2, "stop");
  EXPECT_EQ(after_major_event_name(AfterMajorEvent::kRevise), "revise");
}

}  // namespace
}  // namespace parcours::model
