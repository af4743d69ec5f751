#include "model/effects.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parcours::model {
namespace {

TEST(Effects, MultiplierIsTheExponentialOfTheLinearPredictor) {  // rules D5, D6, E4
  Client c;
  c.limiting_characteristics = 3;
  c.next_activity = 2;
  Profile p;
  p.region = 1;
  p.needs = 0b0111;
  Effects e;
  e.terms = {{Covariate::kLimitingCharacteristics, 0.2},
             {Covariate::kNeeds, -0.1},
             {Covariate::kActivitiesCompleted, 0.05},
             {Covariate::kMarket, 0.5}};
  e.market = {0.0, -0.4};
  EXPECT_NEAR(e.multiplier(c, p), std::exp(0.2 * 3 - 0.1 * 3 + 0.05 * 2 + 0.5 * -0.4), 1e-12);
  p.region = 7;  // beyond the regions given: a market index of 0
  EXPECT_NEAR(e.multiplier(c, p), std::exp(0.2 * 3 - 0.1 * 3 + 0.05 * 2), 1e-12);
  EXPECT_EQ(Effects{}.multiplier(c, p), 1.0);
  // Rule D6: the accompaniment term is the dropout clock's (contacts made), never a planned
  // frequency read here.
  Effects a;
  a.terms = {{Covariate::kAccompaniment, -0.1}};
  EXPECT_EQ(a.multiplier(c, p), 1.0);
}

TEST(Effects, EveryCovariateHasAName) {
  for (std::string_view name : covariate_names()) {
    EXPECT_FALSE(name.empty());
    ASSERT_TRUE(covariate_named(name)) << name;
    EXPECT_EQ(name_of(*covariate_named(name)), name);
  }
  EXPECT_FALSE(covariate_named("distance"));
}

}  // namespace
}  // namespace parcours::model
