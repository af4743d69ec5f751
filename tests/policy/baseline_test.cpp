// The baseline carries the seeds' numbers (docs/rules.md): each check names the rule and the
// number the seed gives, so a changed default in scenarios/baseline.lua fails here.
#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/simulation.hpp"
#include "policy/lua_rules.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {
namespace {

constexpr double kWeek = 7.0;  // days

const model::ActivityParameters& named(const model::ModelParameters& p, const std::string& name) {
  for (const model::ActivityParameters& a : p.activities) {
    if (a.name == name) return a;
  }
  ADD_FAILURE() << "no activity " << name;
  return p.activities.front();
}

class Baseline : public ::testing::Test {
 protected:
  LuaSandbox sandbox_;
  LoadedScenario s_ = load_scenario(sandbox_, scenario_from_embedded("baseline.lua"), {});
  const model::ModelParameters& p_ = s_.params;
};

TEST_F(Baseline, ReadmissionWithin84CalendarDays) {  // rule M7
  EXPECT_EQ(p_.retention.readmission_days, 84);
}

TEST_F(Baseline, GroupeDLevelsAreD1ToD4) {  // rule M8: 15-30, 31-45, 46-60, 61-75 hours
  const model::ServiceTerms& t = named(p_, "groupe_d").service;
  ASSERT_EQ(t.levels.size(), 4U);
  const double bounds[] = {30, 45, 60, 75};
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(t.levels[i].max_hours, bounds[i]) << i;
  EXPECT_GE(t.hours_direct.lowest() + t.hours_indirect.lowest(), 15.0);
  EXPECT_LE(t.hours_direct.highest() + t.hours_indirect.highest(), 75.0);
}

TEST_F(Baseline, RetentionPlansAre12To32HoursOver15To20Weeks) {  // rule M2
  EXPECT_EQ(p_.retention.hours.lowest(), 12.0);
  EXPECT_EQ(p_.retention.hours.highest(), 32.0);
  EXPECT_EQ(p_.retention.days.lowest(), 15 * kWeek);
  EXPECT_EQ(p_.retention.days.highest(), 20 * kWeek);
  // Groupe ME and PH2: the same weeks, 15-30 hours in all.
  for (const char* name : {"groupe_me", "ph2_soutien"}) {
    const model::ActivityParameters& a = named(p_, name);
    EXPECT_EQ(a.duration_days.lowest(), 15 * kWeek) << name;
    EXPECT_EQ(a.duration_days.highest(), 20 * kWeek) << name;
    EXPECT_EQ(a.service.hours_direct.lowest() + a.service.hours_indirect.lowest(), 15.0) << name;
    EXPECT_EQ(a.service.hours_direct.highest() + a.service.hours_indirect.highest(), 30.0) << name;
  }
}

TEST_F(Baseline, TheClubIsThreeWeeksOf30HoursFollowedSixMonths) {  // rule S2
  const model::ActivityParameters& club = named(p_, "club_recherche_emploi");
  EXPECT_EQ(club.duration_days.lowest(), 3 * kWeek);
  EXPECT_EQ(club.duration_days.highest(), 3 * kWeek);
  EXPECT_EQ(club.service.hours_direct.lowest(), 3 * 30.0);
  EXPECT_EQ(club.service.hours_direct.highest(), 3 * 30.0);
  EXPECT_EQ(club.service.followup_days, 26 * kWeek);
}

TEST_F(Baseline, YouthServicesLast26Weeks) {  // rule S2
  const model::ActivityParameters& youth = named(p_, "jeunes_18_29");
  EXPECT_EQ(youth.duration_days.highest(), 26 * kWeek);
  EXPECT_EQ(youth.service.eligibility.min_age, 18);
  EXPECT_EQ(youth.service.eligibility.max_age, 29);
}

TEST_F(Baseline, InternshipsLastAtMostFourWeeks) {  // rule S3
  EXPECT_LE(named(p_, "stage_exploration").duration_days.highest(), 4 * kWeek);
}

TEST_F(Baseline, PpeIsOver180HoursAtLeast20AWeekForEveryParticipant) {  // rule S5
  const model::ActivityParameters& ppe = named(p_, "ppe");
  const model::ServiceTerms& t = ppe.service;
  EXPECT_GT(t.hours_direct.lowest(), 180.0);
  // The fewest hours over the longest participation: at least 20 a week even then.
  EXPECT_GE(t.hours_direct.lowest() / (ppe.duration_days.highest() / kWeek), 20.0);
  // SAE services stay under 180 hours.
  for (const model::ActivityParameters& a : p_.activities) {
    if (a.service.measure != model::Measure::kSae || !a.service.has_hours) continue;
    EXPECT_LT(a.service.hours_direct.highest() + a.service.hours_indirect.highest(), 180.0)
        << a.name;
  }
}

TEST_F(Baseline, IcteLastsAtMost20WeeksWith10To12OfIntegration) {  // rule M9
  const model::ActivityParameters& icte = named(p_, "icte");
  EXPECT_LE(icte.duration_days.highest(), 20 * kWeek);
  EXPECT_EQ(icte.integration_days.lowest(), 10 * kWeek);
  EXPECT_EQ(icte.integration_days.highest(), 12 * kWeek);
  EXPECT_TRUE(icte.retention_included);
}

TEST_F(Baseline, DemarcheursAccompanyTwelveMonthsInTheJob) {  // rule S4
  const model::ActivityParameters& d = named(p_, "demarcheurs");
  EXPECT_EQ(d.in_job_support_days, 52 * kWeek);
  EXPECT_EQ(d.service.followup_days, 0.0);                   // not a window to find a job
  EXPECT_GE(d.service.eligibility.new_applicant_months, 0);  // new applicants, OE, re-entrants
  EXPECT_GE(p_.retention.demarcheurs_maintien_activity, 0);
}

TEST_F(Baseline, TheClubsFollowUpIsAtMostSixMonthsWithItsHours) {  // rule S2
  const model::ActivityParameters& club = named(p_, "club_recherche_emploi");
  EXPECT_LE(club.service.followup_days, 26 * kWeek);
  EXPECT_GT(club.service.followup_hours.lowest(), 0.0);
  EXPECT_GT(named(p_, "jeunes_18_29").extension_probability, 0.0);  // "peut être prolongée"
}

TEST_F(Baseline, TheAdministrativeFollowUpIsThreeMonthsAfterTheEnd) {  // rule M3
  EXPECT_EQ(p_.retention.late_start_days, 13 * kWeek);
  EXPECT_GT(p_.retention.employer_request_probability, 0.0);
}

TEST_F(Baseline, ResultsCountZeroToThreeMonthsAfter) {  // rule M13
  EXPECT_NEAR(p_.parcours.followup_days, 3 * 365.25 / 12, 0.01);
}

TEST_F(Baseline, TheSeedsGroupsAreAccompaniedFirst) {  // rules D3, D5
  // Seed 003: the disadvantaged groups of its note 11 and the populations at risk of early
  // interruption (far), in the agents' queue and the organisations' waitlists.
  using model::PriorityGroup;
  EXPECT_EQ(p_.priority.order,
            (std::vector<PriorityGroup>{PriorityGroup::kFar, PriorityGroup::kDisability,
                                        PriorityGroup::kImmigrant, PriorityGroup::kJudicialRecord,
                                        PriorityGroup::kAged45Plus, PriorityGroup::kFemale,
                                        PriorityGroup::kYouth}));
  EXPECT_TRUE(p_.priority.agents);
  EXPECT_TRUE(p_.priority.organisations);
  EXPECT_EQ(p_.priority.older_from_age, 45);   // "travailleurs âgés de plus de 45 ans"
  EXPECT_EQ(p_.priority.youth_below_age, 30);  // youth services: 18-29 (seed 002)
}

TEST_F(Baseline, MajorEventsLeadToASpecialisedEvaluationAndOseContactsAreReported) {  // E7, P4
  EXPECT_EQ(p_.parcours.major_event.hazard.family, model::Hazard::Family::kConstant);
  EXPECT_GT(p_.parcours.major_event.hazard.rate, 0.0);
  EXPECT_GT(p_.parcours.major_event.after_shares[2], 0.0);  // some cannot go on now
  EXPECT_GT(p_.accompaniment.report_days.mean(), 0.0);
  EXPECT_LT(p_.accompaniment.agent_share, 1.0);  // done by the AAE or by an OSE (P4)
}

TEST_F(Baseline, AgreementYearsRunJulyToJune) {  // rule S6
  const core::Calendar calendar(
      p_.horizon.model_start());  // agreement times count from the warm-up's start
  ASSERT_FALSE(p_.agreements.agreements.empty());
  for (const model::Agreement& a : p_.agreements.agreements) {
    // An agreement may be signed during its first year (rule S8), and ends on a 30 June.
    const core::Date start = calendar.date_at(a.start);
    const core::Date end = calendar.date_at(a.end);  // the day after the last
    const core::Date year_start{std::chrono::year{a.first_agreement_year}, std::chrono::July,
                                std::chrono::day{1}};
    EXPECT_GE(std::chrono::sys_days{start}, std::chrono::sys_days{year_start}) << a.id;
    EXPECT_LT(std::chrono::sys_days{start},
              std::chrono::sys_days{year_start} + std::chrono::days{365})
        << a.id;
    EXPECT_EQ(static_cast<unsigned>(end.month()), 7U) << a.id;
    EXPECT_EQ(static_cast<unsigned>(end.day()), 1U) << a.id;
  }
}

// The baseline's plan rule for one client: the names of the activities planned.
std::vector<std::string> plan_of(const model::ModelParameters& p, LuaRules& rules,
                                 std::uint8_t limiting, const model::Profile& profile) {
  model::Client c;
  c.number = 1;
  c.limiting_characteristics = limiting & 0xFU;
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  std::vector<std::uint8_t> ids;
  rules.plan(c, profile, rng, ids);
  std::vector<std::string> names;
  names.reserve(ids.size());
  for (const std::uint8_t id : ids) names.push_back(p.activities[id].name);
  return names;
}

model::Profile profile_with(int age, model::IncomeSupport status,
                            std::initializer_list<const char*> flags) {
  model::Profile profile;
  profile.age = static_cast<std::uint8_t>(age);
  profile.income_support = status;
  profile.months_on_assistance = status == model::IncomeSupport::kLastResort ? 60 : 0;
  for (const char* flag : flags) model::set_attribute(profile, *model::attribute_named(flag), 1);
  return profile;
}

TEST_F(Baseline, ThePlanRuleSendsClientsToTheServicesTheSeedsDescribe) {  // rules P2, S1-S5
  core::Simulation sim;
  LuaRules rules(sandbox_, s_.params, sim);
  using V = std::vector<std::string>;
  using model::IncomeSupport;
  const IncomeSupport afdr = IncomeSupport::kLastResort;
  const IncomeSupport ei = IncomeSupport::kEmploymentInsurance;
  // S4: Démarcheurs for Objectif emploi participants and new assistance applicants.
  model::Profile applicant = profile_with(24, afdr, {"objectif_emploi"});
  applicant.months_on_assistance = 0;
  EXPECT_EQ(plan_of(p_, rules, 0, applicant), V{"demarcheurs"});
  applicant.objectif_emploi = false;
  EXPECT_EQ(plan_of(p_, rules, 1, applicant), V{"demarcheurs"});
  // S2: youth and, far from the labour market, PH1 or Groupe D; S3: an internship first.
  EXPECT_EQ(plan_of(p_, rules, 3, profile_with(24, ei, {})),
            (V{"jeunes_18_29", "club_recherche_emploi"}));
  EXPECT_EQ(plan_of(p_, rules, 3, profile_with(40, afdr, {"disability"})),
            (V{"ph1", "club_recherche_emploi"}));
  EXPECT_EQ(plan_of(p_, rules, 4, profile_with(40, afdr, {"needs_professional_choice"})),
            (V{"stage_exploration", "groupe_d", "club_recherche_emploi"}));
  // S5: PPE for skills and insertion far from the labour market; Groupe D then ICTE.
  EXPECT_EQ(plan_of(p_, rules, 3, profile_with(40, afdr, {"needs_skills"})), V{"ppe"});
  EXPECT_EQ(plan_of(p_, rules, 3, profile_with(40, ei, {})), (V{"groupe_d", "icte"}));
  // Near it: a training enterprise for skills short of the requirements, else S1's unit
  // services and the club.
  EXPECT_EQ(plan_of(p_, rules, 1, profile_with(40, ei, {"needs_skills"})), V{"mfor_ee"});
  EXPECT_EQ(plan_of(p_, rules, 1, profile_with(40, ei, {"needs_skills", "meets_requirements"})),
            (V{"services_de_base", "club_recherche_emploi"}));
}

TEST_F(Baseline, PpeAndMforAllowancesGoToAssistanceAndNoSupportClients) {  // rules P6, S5
  EXPECT_EQ(named(p_, "ppe").allowance_per_week, 45);
  EXPECT_EQ(named(p_, "mfor_ee").allowance_per_week, 45);
  EXPECT_EQ(named(p_, "groupe_d").allowance_per_week, 0);  // SAE: extra costs only
  const auto& statuses = p_.parcours.allowance_statuses;
  EXPECT_TRUE(statuses[static_cast<std::size_t>(model::IncomeSupport::kLastResort)]);
  EXPECT_TRUE(statuses[static_cast<std::size_t>(model::IncomeSupport::kNone)]);
  EXPECT_FALSE(statuses[static_cast<std::size_t>(model::IncomeSupport::kEmploymentInsurance)]);
}

TEST_F(Baseline, IncomeSupportIsTheRssmoStudysYearlyCostPerRecipient) {  // rule P7
  // $7,300 a year on last-resort assistance, $11,000 on employment insurance, as dollars a
  // day; savings over 12 months.
  const auto& is = p_.income_support;
  EXPECT_DOUBLE_EQ(is.dollars_per_day[0] * 365.25, 7300);
  EXPECT_DOUBLE_EQ(is.dollars_per_day[1] * 365.25, 11000);
  EXPECT_EQ(is.dollars_per_day[2], 0);
  EXPECT_DOUBLE_EQ(is.savings_days, 365.25);
}

TEST_F(Baseline, EveryExternalServiceHasAnAgreement) {  // rules S6-S8, issue 12
  // Every service of the catalogue but the exploration internship, which the office arranges
  // with an employer (rule S3).
  for (std::size_t i = 0; i < p_.activities.size(); ++i) {
    if (p_.activities[i].name == "stage_exploration") continue;
    bool funded = false;
    for (const model::Agreement& a : p_.agreements.agreements) funded = funded || a.activity == i;
    EXPECT_TRUE(funded) << p_.activities[i].name;
  }
}

}  // namespace
}  // namespace parcours::policy
