// Running a scenario script (sim/policy/scenario_loader.cpp): sections checked against the
// schema at their call, with file:line, unit and rule in every error; overrides; hooks.
// csv and base: scenario_files_test.cpp.

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <string>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"
#include "support/scenario_text.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::policy {
namespace {

using parcours::testing::kSmallScenario;
using parcours::testing::load_error;
using parcours::testing::load_text;
using parcours::testing::replace;

TEST(Scenario, SmallScenarioResolvesToModelParametersInDays) {
  const LoadedScenario s = load_text(kSmallScenario);
  const model::ModelParameters& p = s.params;
  EXPECT_EQ(p.horizon.name, "small");
  EXPECT_EQ(p.horizon.seed, 7U);
  EXPECT_EQ(p.arrivals.per_year, 2000);
  EXPECT_EQ(p.evaluation.agents, 2);
  EXPECT_DOUBLE_EQ(p.evaluation.interview_days.mean(), 1.5 / 24);  // hours -> days
  EXPECT_DOUBLE_EQ(p.activities[0].duration_days.mean(), 21);      // weeks -> days
  EXPECT_EQ(p.parcours.default_plan, (std::vector<std::uint8_t>{1, 0}));
  EXPECT_EQ(p.parcours.dropout.family, model::Hazard::Family::kConstant);
  EXPECT_DOUBLE_EQ(p.parcours.dropout.rate, 0.02 / 7);  // per week -> per day
  EXPECT_DOUBLE_EQ(p.evaluation.conclusion_shares[2], 0.1);
  EXPECT_DOUBLE_EQ(p.retention.days.mean(), 112);                  // 16 weeks
  EXPECT_EQ(s.resolved()["arrivals"]["seasonality"].size(), 12U);  // neutral default filled in
  EXPECT_EQ(s.files.size(), 1U);
  EXPECT_EQ(s.files[0].second.size(), 64U);  // sha256 hex
}

TEST(Scenario, SchedulerIsReadAndCheckedByName) {
  EXPECT_EQ(load_text(kSmallScenario).params.horizon.scheduler, core::SchedulerKind::kAuto);
  EXPECT_EQ(load_text(kSmallScenario, {parse_override("scenario.scheduler=ladder")})
                .params.horizon.scheduler,
            core::SchedulerKind::kLadder);
  EXPECT_EQ(load_text(kSmallScenario, {parse_override("scenario.scheduler=heap")})
                .params.horizon.scheduler,
            core::SchedulerKind::kHeap);
  const std::string e = load_error(kSmallScenario, {"scenario.scheduler=calendar"});
  EXPECT_NE(e.find("scheduler must be one of auto, heap, ladder, got 'calendar'"),
            std::string::npos)
      << e;
}

TEST(Scenario, ProbabilityAboveOneNamesFileLineAndRange) {
  const std::string e =
      load_error(replace(kSmallScenario, "convened_share = 0.5", "convened_share = 1.3"));
  EXPECT_NE(e.find("s.lua:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("arrivals.convened_share must be between 0 and 1"), std::string::npos) << e;
  EXPECT_NE(e.find("got 1.3"), std::string::npos) << e;
}

TEST(Scenario, UnknownKeySuggestsTheClosestOne) {
  const std::string e = load_error(replace(kSmallScenario, "agents = 2", "agnets = 2"));
  EXPECT_NE(e.find("s.lua:4:"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key 'agnets' (did you mean 'agents'?)"), std::string::npos) << e;
}

TEST(Scenario, MisspelledSectionSuggestsTheClosestName) {
  const std::string e = load_error(replace(kSmallScenario, "job_search {", "job_serch {"));
  EXPECT_NE(e.find("s.lua:15:"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'job_search'?"), std::string::npos) << e;
}

TEST(Scenario, MissingRequiredKeyIsNamedWithItsUnitAndRule) {
  const std::string e = load_error(replace(kSmallScenario, "  agents = 2,\n", ""));
  EXPECT_NE(e.find("s.lua:4:"), std::string::npos) << e;
  EXPECT_NE(e.find("'agents' is required"), std::string::npos) << e;
  EXPECT_NE(e.find("rule E2"), std::string::npos) << e;
}

TEST(Scenario, SectionNeverCalledIsReported) {
  const std::string e = load_error(replace(kSmallScenario, "job_search {", "local unused = {"));
  EXPECT_NE(e.find("s.lua"), std::string::npos) << e;
  EXPECT_NE(e.find("never calls job_search"), std::string::npos) << e;
}

TEST(Scenario, WrongTypesAreExplained) {
  std::string e = load_error(replace(kSmallScenario, "agents = 2", "agents = 'two'"));
  EXPECT_NE(e.find("agents must be a number, got the string \"two\""), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "agents = 2", "agents = 2.5"));
  EXPECT_NE(e.find("whole number"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "2025-04-01", "2025-02-30"));
  EXPECT_NE(e.find("real date"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "dist = \"exponential\", mean = 1.5",
                         "dist = \"exponentail\", mean = 1.5"));
  EXPECT_NE(e.find("did you mean 'exponential'?"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "min = 8, max = 12", "min = 8, maks = 12"));
  EXPECT_NE(e.find("unknown key 'maks'"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "C = 0.1, D = 0.1", "C = 0.1, D = 0.2"));
  EXPECT_NE(e.find("add up to 1"), std::string::npos) << e;
}

TEST(Scenario, CrossFieldChecksPointAtTheSection) {
  std::string e =
      load_error(replace(kSmallScenario, "\"groupe_d\", \"club\"", "\"groupe_d\", \"clubb\""));
  EXPECT_NE(e.find("s.lua:14:"), std::string::npos) << e;
  EXPECT_NE(e.find("'clubb'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'club'?"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "per_year = 2000,", "per_year = 2000, count = 5,"));
  EXPECT_NE(e.find("either per_year"), std::string::npos) << e;
  e = load_error(
      replace(kSmallScenario, "activity { name = \"club\"", "activity { name = \"groupe_d\""));
  EXPECT_NE(e.find("defined twice"), std::string::npos) << e;
}

TEST(Scenario, OverridesWinAndAreReturnedToTheScript) {
  const std::string text = kSmallScenario + "assert(arrivals_seen == nil)\n";
  const LoadedScenario s =
      load_text(replace(kSmallScenario, "arrivals {", "local a = arrivals {") +
                    "assert(a.per_year == 500, 'override not visible')\n",
                {parse_override("arrivals.per_year=500"),
                 parse_override("activity.club.duration_weeks={dist='exponential', mean=2}"),
                 parse_override("scenario.name=pilot")});
  EXPECT_EQ(s.params.arrivals.per_year, 500);
  EXPECT_EQ(s.params.horizon.name, "pilot");
  EXPECT_EQ(s.params.activities[0].duration_days.family, core::Distribution::Family::kExponential);
  (void)text;
}

TEST(Scenario, BadOverridesAreRefusedWithASuggestion) {
  std::string e = load_error(kSmallScenario, {"arrivals.per_yer=5"});
  EXPECT_NE(e.find("--set"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'per_year'?"), std::string::npos) << e;
  e = load_error(kSmallScenario, {"arivals.per_year=5"});
  EXPECT_NE(e.find("did you mean 'arrivals'?"), std::string::npos) << e;
  e = load_error(kSmallScenario, {"arrivals.per_year"});
  EXPECT_NE(e.find("expected section.key=value"), std::string::npos) << e;
  e = load_error(kSmallScenario, {"activity.nope.duration_weeks=2"});
  EXPECT_NE(e.find("no activity named 'nope'"), std::string::npos) << e;
  e = load_error(kSmallScenario, {"arrivals.convened_share=1.3"});
  EXPECT_NE(e.find("between 0 and 1"), std::string::npos) << e;
}

TEST(Scenario, HazardFamiliesAndEffectsAreReadInDays) {  // rules D5, D6
  const LoadedScenario s = load_text(replace(
      kSmallScenario, "dropout = { family = \"constant\", rate_per_week = 0.02 }",
      "dropout = { family = \"piecewise\", rates_per_week = { 0.05, 0.01 }, step_weeks = 4 }, "
      "dropout_effects = { limiting_characteristics = 0.1, needs = -0.2 }"));
  const model::Hazard& h = s.params.parcours.dropout;
  EXPECT_EQ(h.family, model::Hazard::Family::kPiecewise);
  EXPECT_DOUBLE_EQ(h.step, 28);
  EXPECT_DOUBLE_EQ(h.piecewise[0], 0.05 / 7);
  ASSERT_EQ(s.params.parcours.dropout_effects.terms.size(), 2U);
  const model::Hazard& w = s.params.job_search.autonomous;
  EXPECT_EQ(w.family, model::Hazard::Family::kWeibull);
  EXPECT_DOUBLE_EQ(w.scale, 42);
}

TEST(Scenario, BadHazardsAndEffectsAreExplained) {
  std::string e = load_error(replace(kSmallScenario, "family = \"constant\", rate_per_week = 0.02",
                                     "family = \"constnt\", rate_per_week = 0.02"));
  EXPECT_NE(e.find("did you mean 'constant'?"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "shape = 1.2", "shape = 0"));
  EXPECT_NE(e.find("s.lua:15:"), std::string::npos) << e;
  EXPECT_NE(e.find("shape"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "followup_months = 3",
                         "followup_months = 3, dropout_effects = { limiting = 1 }"));
  EXPECT_NE(e.find("unknown covariate 'limiting'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'limiting_characteristics'?"), std::string::npos) << e;
}

TEST(Scenario, OpeningHoursAreReadAndChecked) {  // rule E2
  const LoadedScenario s = load_text(replace(kSmallScenario, "agents = 2,",
                                             "agents = 2, open_days = { 'mon', 'fri' }, "
                                             "open_hours = { 8.5, 16.5 },"));
  EXPECT_TRUE(s.params.evaluation.opening_hours);
  EXPECT_TRUE(s.params.evaluation.open_days[0]);
  EXPECT_FALSE(s.params.evaluation.open_days[1]);
  EXPECT_TRUE(s.params.evaluation.open_days[4]);
  EXPECT_EQ(s.params.evaluation.open_to_hours, 16.5);
  std::string e =
      load_error(replace(kSmallScenario, "agents = 2,", "agents = 2, open_days = { 'mon' },"));
  EXPECT_NE(e.find("go together"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "agents = 2,",
                         "agents = 2, open_days = { 'mon', 'thurs' }, open_hours = { 9, 17 },"));
  EXPECT_NE(e.find("did you mean 'thu'?"), std::string::npos) << e;
}

TEST(Scenario, PopulationRowsAreCheckedAgainstTheirAttributes) {  // rules D1-D3
  const std::string population =
      "population { limiting_assistance_months = 48, "
      "limiting_out_of_work_months = 24, limiting_age = 45 }";
  auto with = [&](const std::string& rows) {
    return replace(kSmallScenario, population,
                   "population { regions = { 'north', 'south' }, " + rows +
                       ", limiting_assistance_months = 48, limiting_out_of_work_months = 24, "
                       "limiting_age = 45 }");
  };
  const LoadedScenario ok = load_text(with(
      "margins = { { attribute = 'region', kind = 'probability', key = 'south', value = 0.3 }, "
      "{ attribute = 'region', kind = 'probability', key = 'north', value = 0.7 }, "
      "{ attribute = 'female', kind = 'probability', key = 1, value = 0.4 } }"));
  ASSERT_EQ(ok.params.population.margins.size(), 2U);
  EXPECT_EQ(ok.params.population.margins[0].probabilities, (std::vector<double>{0.7, 0.3}));
  EXPECT_EQ(ok.params.population.margins[1].probabilities, (std::vector<double>{0.6, 0.4}));
  std::string e = load_error(
      with("margins = { { attribute = 'region', kind = 'probability', key = 2, value = 1 } }"));
  EXPECT_NE(e.find("margins row 1: '2' is not a value of region"), std::string::npos) << e;
  e = load_error(
      with("margins = { { attribute = 'female', kind = 'probability', key = 1, value = 1.45 } }"));
  EXPECT_NE(e.find("between 0 and 1"), std::string::npos) << e;
  e = load_error(
      with("margins = { { attribute = 'gender', kind = 'probability', key = 1, value = 1 } }"));
  EXPECT_NE(e.find("unknown attribute 'gender'"), std::string::npos) << e;
  e = load_error(with("sample = { { region = 'east', source = 'extract 2024' } }"));
  EXPECT_NE(e.find("'east' is not a value of region"), std::string::npos) << e;
  const LoadedScenario sampled =
      load_text(with("sample = { { region = 'south', age = 50, source = 'extract 2024' } }"));
  ASSERT_EQ(sampled.params.population.sample.size(), 1U);
  EXPECT_EQ(sampled.params.population.sample[0].region, 1);
  EXPECT_EQ(sampled.params.population.sample[0].age, 50);
}

TEST(Scenario, ActivitiesNameTheirDomainAndMayRunConcurrently) {  // rules P2, E3
  const LoadedScenario s =
      load_text(replace(kSmallScenario, "activity { name = \"groupe_d\",",
                        "activity { name = \"groupe_d\", concurrent = true, domain = \"skills\","));
  EXPECT_FALSE(s.params.activities[0].concurrent);
  EXPECT_TRUE(s.params.activities[1].concurrent);
  EXPECT_EQ(s.params.activities[1].domain, 1);
  const std::string e = load_error(replace(kSmallScenario, "activity { name = \"groupe_d\",",
                                           "activity { name = \"groupe_d\", domain = \"skill\","));
  EXPECT_NE(e.find("did you mean 'skills'?"), std::string::npos) << e;
}

TEST(Scenario, HazardErrorsSpeakInTheUnitsWritten) {
  const std::string e =
      load_error(replace(kSmallScenario, "rate_per_week = 0.02", "rate_per_week = -1"));
  EXPECT_NE(e.find("rate_per_week must be >= 0"), std::string::npos) << e;
}

TEST(Scenario, OverridesOfTextsAndDatesNeedNoQuotes) {
  const LoadedScenario s = load_text(kSmallScenario, {parse_override("scenario.start=2026-04-01"),
                                                      parse_override("scenario.name=arrivals")});
  EXPECT_EQ(core::format_date(s.params.horizon.start), "2026-04-01");
  EXPECT_EQ(s.params.horizon.name, "arrivals");
  const LoadedScenario quoted =
      load_text(kSmallScenario, {parse_override("scenario.name='pilot'")});
  EXPECT_EQ(quoted.params.horizon.name, "pilot");
}

TEST(Scenario, ABadOverrideValueIsBlamedOnTheCommandLine) {
  const std::string e = load_error(kSmallScenario, {"arrivals.convened_share=1.3"});
  EXPECT_NE(e.find("--set arrivals.convened_share=1.3:"), std::string::npos) << e;
  EXPECT_EQ(e.find("s.lua:2:"), std::string::npos) << "the scenario's line is not at fault: " << e;
}

TEST(Scenario, RetentionThatCouldNeverHappenIsRefused) {  // rule M2
  std::string e = load_error(replace(kSmallScenario, "hours = 20", "hours = 0"));
  EXPECT_NE(e.find("hours = 0"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "share = 0.12, hours = 20", "hours = 0") +
                 "policy.retention = function(c) return true end\n");
  EXPECT_NE(e.find("policy.retention is set but"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "weeks = 16", "weeks = 0"));
  EXPECT_NE(e.find("hours need weeks"), std::string::npos) << e;
  e = load_error(replace(kSmallScenario, "weeks = 16", "weeks = 16, me_service = 'groupe_me'"));
  EXPECT_NE(e.find("me_service names 'groupe_me'"), std::string::npos) << e;
}

TEST(Scenario, IssueElevensRulesAreReadAndCheckedAtFileAndLine) {  // rules E7, D3, D5, D6, P4
  const std::string with =
      replace(kSmallScenario, "followup_months = 3 }",
              "followup_months = 3, major_event = { family = 'constant', rate_per_week = 0.01 },\n"
              "  after_major_event = { continue = 0.6, revise = 0.3, stop = 0.1 },\n"
              "  dropout_effects = { accompaniment = -0.2 } }\n"
              "accompaniment { interval_weeks = { near = 4, far = 2 }, contact_hours = 1, "
              "agent_share = 0.5,"
              " report_hours = 0.5 }\n"
              "priority { order = { 'far', 'youth' }, agents = true, older_from_age = 45,"
              " youth_below_age = 30 }");
  LuaSandbox sandbox;
  const LoadedScenario s = load_scenario(sandbox, parcours::testing::text_source(with), {});
  const model::ModelParameters& p = s.params;
  EXPECT_EQ(p.parcours.major_event.hazard.rate, 0.01 / 7);
  EXPECT_EQ(p.parcours.major_event.after_shares, (std::array<double, 3>{0.6, 0.3, 0.1}));
  EXPECT_EQ(p.accompaniment.report_days.mean(), 0.5 / 24);
  EXPECT_EQ(p.priority.order, (std::vector<model::PriorityGroup>{model::PriorityGroup::kFar,
                                                                 model::PriorityGroup::kYouth}));
  EXPECT_TRUE(p.priority.agents);
  EXPECT_FALSE(p.priority.organisations);
  EXPECT_EQ(p.priority.youth_below_age, 30);
  std::string e = load_error(replace(with, "'youth' }", "'young' }"));
  EXPECT_NE(e.find("s.lua:"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown group 'young'"), std::string::npos) << e;
  e = load_error(replace(with, "revise = 0.3", "review = 0.3"));
  EXPECT_NE(e.find("unknown decision 'review'"), std::string::npos) << e;
  // Rule D6: only the Parcours's dropout reads the contacts made.
  e = load_error(
      replace(with, "autonomous = {", "effects = { accompaniment = -0.1 }, autonomous = {"));
  EXPECT_NE(e.find("s.lua:"), std::string::npos) << e;
  EXPECT_NE(e.find("accompaniment is read only by parcours.dropout_effects"), std::string::npos)
      << e;
}

TEST(Scenario, UndefinedGlobalsAreErrorsWithASuggestion) {
  const std::string e = load_error(kSmallScenario + "local x = arivals\n");
  EXPECT_NE(e.find("s.lua:17:"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown name 'arivals' (did you mean 'arrivals'?)"), std::string::npos) << e;
}

TEST(Scenario, PolicyAcceptsOnlyKnownHooks) {
  std::string e = load_error(kSmallScenario + "policy.conclusoin = function(c) return 'A' end\n");
  EXPECT_NE(e.find("s.lua:17:"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'conclusion'?"), std::string::npos) << e;
  e = load_error(kSmallScenario + "policy.plan = 3\n");
  EXPECT_NE(e.find("must be a function"), std::string::npos) << e;
  const LoadedScenario s =
      load_text(kSmallScenario + "policy.retention = function(c) return true end\n");
  EXPECT_EQ(s.hooks, (std::vector<std::string>{"retention"}));
}

TEST(Scenario, EmbeddedBaselineLoads) {
  LuaSandbox sandbox;
  const LoadedScenario s = load_scenario(sandbox, scenario_from_embedded("baseline.lua"), {});
  EXPECT_EQ(s.params.horizon.name, "baseline");
  EXPECT_FALSE(s.hooks.empty());
}

}  // namespace
}  // namespace parcours::policy
