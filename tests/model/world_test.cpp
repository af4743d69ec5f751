// The world as a whole: every client accounted for, groups, load, seasonality, streams.
#include "model/world.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "support/world_run.hpp"

namespace parcours::model {
namespace {

using parcours::testing::expect_share;
using parcours::testing::run;
using parcours::testing::small_model;
using parcours::testing::Totals;

TEST(World, EveryClientIsAccountedFor) {
  // With jobs lost and readmissions (rule M7), so that resumed Parcours are accounted for.
  ModelParameters p = small_model();
  p.retention.job_loss = parcours::model::Hazard::constant(1.0 / 120);
  p.retention.followup_days = 365;
  p.retention.readmission_days = 84;
  p.activities[1].service.measure = Measure::kSae;  // rule M1: its participants may need it
  const Totals t = run(p);
  EXPECT_EQ(t["arrivals"], 5000);
  EXPECT_EQ(t["arrivals_convened"] + t["arrivals_self_referred"], t["arrivals"]);
  // Every completed interview ends in exactly one conclusion; after a specialised evaluation
  // (C) a second conclusion is drawn.
  EXPECT_EQ(t["conclusion_a"] + t["conclusion_b"] + t["conclusion_c"] + t["conclusion_d"],
            t["interviews"] + t["specialised_evaluations"] - t["refusals"]);
  EXPECT_EQ(t["parcours_started"], t["conclusion_b"]);                     // rule P1
  EXPECT_EQ(t["job_losses"], t["readmissions"] + t["returns_to_office"]);  // rule M7
  // Started (or resumed) = ended by a reason + still active at the end (rules P7, M7).
  EXPECT_GT(t["parcours_resumed"], 0);
  EXPECT_GT(t["returns_to_office"], 0);
  EXPECT_EQ(t["parcours_started"] + t["parcours_resumed"],
            t["parcours_ended_employment"] + t["parcours_ended_dropout"] +
                t["parcours_ended_school"] + t["parcours_ended_other_measure"] +
                t["parcours_ended_closure"] + t.by_quarter.at("parcours_active_end").back());
  EXPECT_GT(t["retention_started"], 0);
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
  a.activities[1].service.measure = Measure::kSae;  // rule M1: its participants may need it
  ModelParameters b = a;
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
