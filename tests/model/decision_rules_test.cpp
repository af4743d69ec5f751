#include "model/decision_rules.hpp"

#include <gtest/gtest.h>

#include "support/model_parameters.hpp"

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

TEST(ParametricRules, PlanIsTheDefaultPlan) {  // rule P2
  const ModelParameters p = parcours::testing::small_model();
  ParametricRules rules(p);
  std::vector<std::uint8_t> plan;
  core::RandomStream rng;
  rules.plan(Client{}, Profile{}, rng, plan);
  EXPECT_EQ(plan, p.parcours.default_plan);
}

}  // namespace
}  // namespace parcours::model
