// The service catalogue as the scenario gives it (rules S1-S5, M9; sim/policy/service_builder.cpp):
// what is read into the model's parameters, and what the seeds forbid, refused at the
// scenario's line. Organisations and agreements: agreement_builder_test.cpp.

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"
#include "support/scenario_text.hpp"
#include "support/scenarios.hpp"

namespace parcours::policy {
namespace {

using parcours::testing::contains;
using parcours::testing::kSmallScenario;
using parcours::testing::load_error;
using parcours::testing::load_text;
using parcours::testing::replace;

// kSmallScenario's "club" (line 12) redefined on one line, so that errors stay at line 12.
const std::string& kClub = parcours::testing::kSmallScenarioClub;
std::string with_club(const std::string& keys) {
  return replace(
      kSmallScenario, kClub,
      "activity { name = \"club\", duration_weeks = 3, dropout_after = 0.1, " + keys + " }");
}

// ---------------------------------------------------------------------------------------
// Rule S5: SAE under 180 hours and extra costs only; PPE over 180 hours at 20+ h a week.

TEST(ServiceBuilder, SaeWhoseHoursCanReach180IsRefused) {  // rule S5
  std::string e =
      load_error(with_club("measure = 'SAE', hours_direct = { dist = 'uniform', min = 100, "
                           "max = 190 }"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "'club'")) << e;
  EXPECT_TRUE(contains(e, "180")) << e;
  EXPECT_TRUE(contains(e, "can reach 190")) << e;
  EXPECT_TRUE(contains(e, "rule S5")) << e;
  // Direct and indirect hours together: 170 + 10 reaches 180, which is not under 180.
  e = load_error(with_club("measure = 'SAE', hours_direct = 170, hours_indirect = 10"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "180")) << e;
  // An unbounded distribution can reach any number of hours.
  e = load_error(
      with_club("measure = 'SAE', hours_direct = { dist = 'lognormal', mean = 40, sd = 10 }"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "'club'")) << e;
  EXPECT_TRUE(contains(e, "180")) << e;
  EXPECT_TRUE(contains(e, "unbounded")) << e;
  // Without hours, the limit cannot be checked.
  e = load_error(with_club("measure = 'SAE'"));
  EXPECT_TRUE(contains(e, "hours_direct")) << e;
}

TEST(ServiceBuilder, SaeJustUnder180HoursIsAccepted) {  // rule S5
  const LoadedScenario s = load_text(
      with_club("measure = 'SAE', hours_direct = { dist = 'uniform', min = 100, max = 170 }, "
                "hours_indirect = { dist = 'triangular', min = 1, mode = 2, max = 9.5 }"));
  const model::ServiceTerms& t = s.params.activities[0].service;
  EXPECT_EQ(t.measure, model::Measure::kSae);
  EXPECT_TRUE(t.has_hours);
  EXPECT_LT(t.hours_direct.highest() + t.hours_indirect.highest(), 180.0);
}

TEST(ServiceBuilder, SaeWithAnAllowanceIsRefused) {  // rule S5
  const std::string e =
      load_error(with_club("measure = 'SAE', hours_direct = 20, allowance_per_week = 45"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "'club'")) << e;
  EXPECT_TRUE(contains(e, "allowance_per_week must be 0")) << e;
  // Extra costs are what an SAE pays.
  const LoadedScenario s =
      load_text(with_club("measure = 'SAE', hours_direct = 20, extra_costs_per_week = 25"));
  EXPECT_DOUBLE_EQ(s.params.activities[0].extra_costs_per_week, 25);
}

TEST(ServiceBuilder, PpeUnder180HoursOrUnder20HoursAWeekIsRefused) {  // rule S5
  // Can be as few as 150 hours.
  std::string e =
      load_error(replace(with_club("measure = 'PPE', hours_direct = { dist = 'uniform', min = 150, "
                                   "max = 400 }"),
                         "duration_weeks = 3,", "duration_weeks = 12,"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "'club' is a PPE service")) << e;
  EXPECT_TRUE(contains(e, "as few as 150")) << e;
  // 200 hours over 26 weeks: under 8 hours a week.
  e = load_error(replace(with_club("measure = 'PPE', hours_direct = 200"), "duration_weeks = 3,",
                         "duration_weeks = 26,"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "20 hours a week")) << e;
  EXPECT_TRUE(contains(e, "at 7 h/week")) << e;
}

TEST(ServiceBuilder, PpeOver180HoursAt20HoursAWeekIsAccepted) {  // rule S5
  const LoadedScenario s = load_text(replace(
      with_club("measure = 'PPE', delivery = 'group', group_size = 12, allowance_per_week = 45, "
                "hours_direct = { dist = 'uniform', min = 400, max = 650 }, "
                "hours_indirect = { dist = 'uniform', min = 10, max = 30 }"),
      "duration_weeks = 3,", "duration_weeks = { dist = 'uniform', min = 12, max = 26 },"));
  const model::ActivityParameters& a = s.params.activities[0];
  EXPECT_EQ(a.service.measure, model::Measure::kPpe);
  EXPECT_EQ(a.service.delivery, model::Delivery::kGroup);
  EXPECT_EQ(a.service.group_size, 12);
  EXPECT_DOUBLE_EQ(a.allowance_per_week, 45);
  // Exactly 180 hours at exactly 20 a week is over the line too (9 weeks).
  EXPECT_NO_THROW(load_text(replace(with_club("measure = 'PPE', hours_direct = 180"),
                                    "duration_weeks = 3,", "duration_weeks = 9,")));
}

// ---------------------------------------------------------------------------------------
// Rules S1, S2, S4: the catalogue's terms as the model reads them.

// ---------------------------------------------------------------------------------------
// Rule S3: an exploration internship lasts at most 4 weeks, checked when the scenario loads.

std::string internship(const std::string& duration) {
  return replace(kSmallScenario, kClub,
                 "activity { name = \"club\", service_group = 'internship', duration_weeks = " +
                     duration + " }");
}

TEST(ServiceBuilder, AnInternshipLongerThanFourWeeksIsRefusedAtItsLine) {  // rule S3
  std::string e = load_error(internship("{ dist = 'uniform', min = 1, max = 4.5 }"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "'club'")) << e;
  EXPECT_TRUE(contains(e, "at most 4 weeks")) << e;
  EXPECT_TRUE(contains(e, "4.5 weeks")) << e;
  EXPECT_TRUE(contains(e, "rule S3")) << e;
  e = load_error(internship("{ dist = 'exponential', mean = 2 }"));
  EXPECT_TRUE(contains(e, "unbounded")) << e;
  // Four weeks exactly is allowed; another group of the same length is not an internship.
  EXPECT_EQ(load_error(internship("{ dist = 'uniform', min = 1, max = 4 }")), "");
  EXPECT_EQ(load_error(replace(internship("6"), "'internship'", "'unit'")), "");
}

// Rules M9, S4: ICTE's integration phase inside the participation, Démarcheurs' in-job
// accompaniment and eligibility.
TEST(ServiceBuilder, IntegrationAndInJobSupportAreReadAndChecked) {  // rules M9, S4
  LoadedScenario s = load_text(replace(
      kSmallScenario, kClub,
      "activity { name = \"club\", duration_weeks = 20, integration_weeks = { dist = "
      "'uniform', min = 10, max = 12 }, wage_contribution_share = 0.6, "
      "wage_contribution_per_week = 250, in_job_support_weeks = 52, in_job_support_hours = 30, "
      "new_applicant_months = 6 }"));
  const model::ActivityParameters& a = s.params.activities[0];
  EXPECT_DOUBLE_EQ(a.integration_days.lowest(), 70);
  EXPECT_DOUBLE_EQ(a.integration_days.highest(), 84);
  EXPECT_DOUBLE_EQ(a.wage_contribution_share, 0.6);
  EXPECT_DOUBLE_EQ(a.wage_contribution_per_week, 250);
  EXPECT_DOUBLE_EQ(a.in_job_support_days, 364);
  EXPECT_DOUBLE_EQ(a.in_job_support_hours.mean(), 30);
  EXPECT_EQ(a.service.eligibility.new_applicant_months, 6);
  // The integration phase is inside the participation.
  std::string e = load_error(replace(kSmallScenario, kClub,
                                     "activity { name = \"club\", duration_weeks = 10, "
                                     "integration_weeks = 11 }"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "rule M9")) << e;
  e = load_error(with_club("in_job_support_weeks = 52"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "in_job_support_hours")) << e;
}

TEST(ServiceBuilder, ServiceTermsAreReadIntoTheModel) {  // rules S1, S2, S4
  const LoadedScenario s = load_text(with_club(
      "service_group = 'youth', measure = 'SAE', delivery = 'group', group_size = 8, "
      "hours_direct = { dist = 'uniform', min = 20, max = 60 }, hours_indirect = 5, "
      "levels = { high = 70, low = 30, mid = 50 }, min_age = 18, max_age = 29, "
      "disability_only = true, objectif_emploi_only = true, statuses = { 'afdr', 'ei' }, "
      "followup_weeks = 26, disability_overhead = { dist = 'uniform', min = 0, max = 6000 }"));
  const model::ServiceTerms& t = s.params.activities[0].service;
  EXPECT_EQ(t.group, "youth");
  EXPECT_EQ(t.measure, model::Measure::kSae);
  EXPECT_EQ(t.delivery, model::Delivery::kGroup);
  EXPECT_EQ(t.group_size, 8);
  EXPECT_TRUE(t.has_hours);
  EXPECT_DOUBLE_EQ(t.hours_direct.mean(), 40);
  EXPECT_DOUBLE_EQ(t.hours_indirect.mean(), 5);
  // Levels by their hours, not by their names' order.
  ASSERT_EQ(t.levels.size(), 3U);
  EXPECT_EQ(t.levels[0].name, "low");
  EXPECT_EQ(t.levels[1].name, "mid");
  EXPECT_EQ(t.levels[2].name, "high");
  EXPECT_DOUBLE_EQ(t.levels[1].max_hours, 50);
  EXPECT_EQ(t.level_of(30), 0U);  // a level's most hours are in it (rule M8)
  EXPECT_EQ(t.level_of(30.5), 1U);
  EXPECT_EQ(t.level_of(90), 2U);  // the last level takes hours above its maximum
  EXPECT_EQ(t.level_name(2), "high");
  EXPECT_EQ(t.eligibility.min_age, 18);
  EXPECT_EQ(t.eligibility.max_age, 29);
  EXPECT_TRUE(t.eligibility.disability_only);
  EXPECT_TRUE(t.eligibility.objectif_emploi_only);
  EXPECT_EQ(t.eligibility.statuses, (std::array<bool, 3>{true, true, false}));
  EXPECT_DOUBLE_EQ(t.followup_days, 26 * 7);  // weeks -> days
  EXPECT_DOUBLE_EQ(t.disability_overhead.mean(), 3000);
  // Group delivery shares the direct hours; the indirect hours are the participant's own.
  EXPECT_DOUBLE_EQ(t.staff_hours(40, 5), 40.0 / 8 + 5);

  model::Profile p;
  p.age = 25;
  p.disability = true;
  p.objectif_emploi = true;
  p.income_support = model::IncomeSupport::kLastResort;
  EXPECT_TRUE(t.eligibility.admits(p));
  p.age = 30;  // rule S2: youth 18-29
  EXPECT_FALSE(t.eligibility.admits(p));
  p.age = 25;
  p.income_support = model::IncomeSupport::kNone;  // rule S4: statuses
  EXPECT_FALSE(t.eligibility.admits(p));
  p.income_support = model::IncomeSupport::kEmploymentInsurance;
  p.disability = false;  // rule S2: PH1
  EXPECT_FALSE(t.eligibility.admits(p));
  p.disability = true;
  p.objectif_emploi = false;  // rule S4: Objectif emploi
  EXPECT_FALSE(t.eligibility.admits(p));
}

TEST(ServiceBuilder, AnActivityWithoutServiceKeysIsAnInternalServiceForEveryone) {  // rule S1
  const LoadedScenario s = load_text(kSmallScenario);
  const model::ServiceTerms& t = s.params.activities[0].service;
  EXPECT_EQ(t.measure, model::Measure::kInternal);
  EXPECT_EQ(t.delivery, model::Delivery::kIndividual);
  EXPECT_FALSE(t.has_hours);
  EXPECT_EQ(t.level_count(), 1U);
  EXPECT_EQ(t.level_name(0), "all");
  EXPECT_DOUBLE_EQ(t.followup_days, 0);
  model::Profile p;
  p.age = 70;
  EXPECT_TRUE(t.eligibility.admits(p));
}

TEST(ServiceBuilder, BadServiceTermsAreExplained) {  // rules S1, S2, S4, S5, M8
  std::string e = load_error(with_club("measure = 'ICT'"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "measure: unknown 'ICT' (did you mean 'ICTE'?)")) << e;
  EXPECT_TRUE(contains(e, "internal, SAE, PPE, MFOR-EE, ICTE")) << e;
  e = load_error(with_club("delivery = 'groupe'"));
  EXPECT_TRUE(contains(e, "did you mean 'group'?")) << e;
  e = load_error(with_club("statuses = { 'afdrr' }"));
  EXPECT_TRUE(contains(e, "did you mean 'afdr'?")) << e;
  e = load_error(with_club("min_age = 30, max_age = 18"));
  EXPECT_TRUE(contains(e, "s.lua:12:")) << e;
  EXPECT_TRUE(contains(e, "min_age is above max_age")) << e;
  e = load_error(with_club("levels = { D1 = 30 }"));
  EXPECT_TRUE(contains(e, "levels need hours_direct")) << e;
}

}  // namespace
}  // namespace parcours::policy
