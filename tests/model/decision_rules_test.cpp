#include "model/decision_rules.hpp"

#include <gtest/gtest.h>

#include "support/world_run.hpp"

namespace parcours::model {
namespace {

TEST(ParametricRules, NoSecondReferralAfterASpecialisedEvaluation) {  // rules E5, E7
  ModelParameters p = parcours::testing::small_model();
  p.evaluation.conclusion_shares = {0.0, 0.0, 1.0, 0.0};  // only C ...
  p.evaluation.conclusion_shares[3] = 0.5;                // ... or D
  ParametricRules rules(p);
  Client c;
  c.stage = Stage::kSpecialisedEvaluation;
  for (std::uint64_t id = 1; id <= 200; ++id) {
    core::RandomStream rng(core::StreamKey{1, 0}, id, 1);
    EXPECT_EQ(rules.conclusion(c, Profile{}, rng), Conclusion::kNotNow);
  }
}

TEST(ParametricRules, TheWorldRunsTheDefaultPlanInItsOrder) {  // rule P2
  // Three activities of the catalogue, the plan naming the third then the first; the third
  // is always abandoned after (dropout_after = 1), so only a plan run in its own order starts
  // the third for everyone and never the first, and the second (not in the plan) never.
  ModelParameters p = parcours::testing::everyone_in_parcours(3000, 2);
  using parcours::testing::activity;
  p.activities = {activity("first", core::Distribution::fixed(7), 0.0),
                  activity("second", core::Distribution::fixed(7), 0.0),
                  activity("third", core::Distribution::fixed(7), 1.0)};
  p.parcours.default_plan = {2, 0};
  p.parcours.dropout = Hazard::none();
  p.retention.share = 0;
  const parcours::testing::Totals t = parcours::testing::run(p);
  ASSERT_GT(t["parcours_started"], 2000);
  EXPECT_EQ(t["activities_started.third"], t["parcours_started"]);
  EXPECT_EQ(t["activities_started.first"], 0);
  EXPECT_EQ(t["activities_started.second"], 0);
  EXPECT_EQ(t["parcours_ended_dropout"], t["parcours_started"]);
  // The other way round, the first runs, then the third for everyone who got that far.
  p.parcours.default_plan = {0, 2};
  const parcours::testing::Totals u = parcours::testing::run(p);
  EXPECT_EQ(u["activities_started.first"], u["parcours_started"]);
  EXPECT_EQ(u["activities_started.third"], u["activities_completed"] / 2);
}

}  // namespace
}  // namespace parcours::model
