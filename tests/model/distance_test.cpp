#include "model/distance.hpp"

#include <gtest/gtest.h>

namespace parcours::model {
namespace {

// The seeds' numbers (4 years on assistance, age 45) and a two-year absence, set explicitly:
// the thresholds are scenario parameters with no defaults.
constexpr LimitingThresholds kThresholds{48, 24, 45};

// A client with none of the eight characteristics of rule D1.
Profile unlimited() {
  Profile p;
  p.age = 30;
  p.schooling = Schooling::kSecondaryIV;
  p.months_on_assistance = 12;
  p.months_out_of_work = 6;
  return p;
}

TEST(LimitingCharacteristics, NoneForAClientWithoutAny) {
  EXPECT_EQ(limiting_characteristics(unlimited(), kThresholds), 0);
}

TEST(LimitingCharacteristics, RuleD1CumulativeAssistanceFromItsThreshold) {
  Profile p = unlimited();
  p.months_on_assistance = 47;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 0);
  p.months_on_assistance = 48;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1ProlongedAbsenceFromItsThreshold) {
  Profile p = unlimited();
  p.months_out_of_work = 23;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 0);
  p.months_out_of_work = 24;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1SchoolingBelowSecondaryIV) {
  Profile p = unlimited();
  p.schooling = Schooling::kBelowSecondaryIV;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1AgeFromItsThreshold) {
  Profile p = unlimited();
  p.age = 44;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 0);
  p.age = 45;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1SingleParent) {
  Profile p = unlimited();
  p.single_parent = true;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1HealthConstraints) {
  Profile p = unlimited();
  p.health_constraints = true;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1ChildrenUnder5) {
  Profile p = unlimited();
  p.children_under_5 = true;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1LeavingAnInstitution) {
  Profile p = unlimited();
  p.leaving_institution = true;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 1);
}

TEST(LimitingCharacteristics, RuleD1CountsTheSum) {
  Profile p = unlimited();
  p.single_parent = true;
  p.age = 50;
  p.months_on_assistance = 120;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 3);  // rule D2: chances compromised
  p.months_out_of_work = 36;
  p.schooling = Schooling::kBelowSecondaryIV;
  p.health_constraints = true;
  p.children_under_5 = true;
  p.leaving_institution = true;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 8);
}

TEST(LimitingCharacteristics, ThresholdsComeFromTheScenario) {
  Profile p = unlimited();
  p.age = 40;
  p.months_on_assistance = 36;
  EXPECT_EQ(limiting_characteristics(p, kThresholds), 0);
  EXPECT_EQ(limiting_characteristics(p, LimitingThresholds{36, 24, 40}), 2);
}

}  // namespace
}  // namespace parcours::model
