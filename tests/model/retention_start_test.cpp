// When retention starts other than at the job (rules M3, S4, M6): problems found at the
// administrative follow-up, an employer's request, Démarcheurs' in-job accompaniment and
// Démarcheurs maintien, and plans run as meeting events.
#include <gtest/gtest.h>

#include <vector>

#include "support/ose_run.hpp"
#include "support/retention_run.hpp"
#include "support/world_run.hpp"

namespace {

using parcours::core::Distribution;
using parcours::model::Hazard;
using parcours::model::ModelParameters;
using parcours::model::PeriodKind;
using parcours::testing::expect_share;
using parcours::testing::LedgerRun;
using parcours::testing::retention_world;
using parcours::testing::run_world;
using parcours::testing::timed_loss;
using parcours::testing::total;
namespace model = parcours::model;

TEST(Retention, ProblemsFoundAtTheFollowUpStartItLater) {  // rule M3
  ModelParameters p = retention_world(20000, 0.0);
  p.retention.late_start_probability = 0.05;
  p.retention.late_start_days = 60;
  p.job_search.after_parcours = Hazard::constant(1.0);  // a job within a day or two
  LedgerRun r = run_world(p);
  expect_share(r.totals["retention_late_starts"], r.totals["parcours_ended_employment"], 0.05,
               "late starts");
  // Within 84 days of the participation's end the organisation takes the client back.
  EXPECT_EQ(r.totals["retention_in_service"], r.totals["retention_late_starts"]);
  // At the 3-month follow-up it is too late (rule M7): another partner's, none here.
  p.retention.late_start_days = 91;
  r = run_world(p);
  EXPECT_GT(r.totals["retention_late_starts"], 0);
  EXPECT_EQ(r.totals["retention_started"], 0);
}

TEST(Retention, TheFollowUpIsCountedFromTheParticipationsEnd) {  // rules M3, M7
  // A job 20 days after the end; the administrative follow-up 70 days after the end (day
  // 70 <= 84: the organisation takes the client back). Counted from the job start it would
  // fall on day 90, too late.
  ModelParameters p = timed_loss(20, 1e6);
  p.retention.late_start_probability = 0.2;
  p.retention.late_start_days = 70;
  const LedgerRun r = run_world(p);
  const double jobs = r.totals["parcours_ended_employment"];
  expect_share(r.totals["retention_late_starts"], jobs, 0.2, "late starts");
  EXPECT_EQ(r.totals["retention_in_service"], r.totals["retention_late_starts"]);
  // A job after the follow-up: it cannot find a problem in it.
  p.retention.late_start_days = 15;
  EXPECT_EQ(run_world(p).totals["retention_late_starts"], 0);
}

TEST(Retention, AnEmployersRequestStartsItToo) {  // rule M3
  // The employer asks 30 days after the job start (50 after the end: in service).
  ModelParameters p = timed_loss(20, 1e6);
  p.retention.employer_request_probability = 0.25;
  p.retention.employer_request_days = Distribution::fixed(30);
  LedgerRun r = run_world(p);
  const double jobs = r.totals["parcours_ended_employment"];
  expect_share(r.totals["retention_employer_requests"], jobs, 0.25, "employer requests");
  EXPECT_EQ(r.totals["retention_in_service"], r.totals["retention_employer_requests"]);
  EXPECT_EQ(r.totals["retention_late_starts"], 0);
  // 70 days after the job start is 90 after the end: another partner's (none here).
  p.retention.employer_request_days = Distribution::fixed(70);
  r = run_world(p);
  EXPECT_GT(r.totals["retention_employer_requests"], 0);
  EXPECT_EQ(r.totals["retention_started"], 0);
}

TEST(Retention, DemarcheursAccompanyEveryParticipantInTheJobForTwelveMonths) {  // rule S4
  // 30 hours over 364 days by the same service, on the same agreement, whatever rule M1's
  // share (0 here); no job loss: every plan runs to its end.
  ModelParameters p = retention_world(3000, 0.0);
  p.horizon.years = 4;
  p.activities[0].in_job_support_days = 364;
  p.activities[0].in_job_support_hours = Distribution::fixed(30);
  const LedgerRun r = run_world(p);
  const double jobs = r.totals["parcours_ended_employment"];
  ASSERT_GT(jobs, 2500);
  EXPECT_EQ(r.totals["in_job_support_started"], jobs);
  EXPECT_EQ(r.totals["retention_started"], jobs);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "retention_started"), jobs);
  const double done = r.totals["retention_ended_objectives"];
  EXPECT_GT(done, 0.9 * jobs);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "retention_hours"), 30.0 * done, 1e-6 * done);
  // Its hours at the agreement's cost, on top of the service's 50 (rule S7).
  const double ended = total(r, PeriodKind::kAgreementYear, "participants_ended");
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_actual_costs"),
              ended * 3737.50 + done * 30 * 65 * 1.15, 0.01 * ended);
  // Twelve months: with jobs lost at 1/500 a day, a plan reaches its end with probability
  // exp(-364/500) (rule M5: a job loss ends it).
  p.retention.job_loss = Hazard::constant(1.0 / 500);
  p.retention.retention_effect = 1.0;
  const LedgerRun lost = run_world(p);
  expect_share(lost.totals["retention_ended_objectives"], lost.totals["in_job_support_started"],
               std::exp(-364.0 / 500), "accompanied to the twelfth month");
}

TEST(Retention, LastResortRecipientsGoToDemarcheursMaintien) {  // rules S4, M6
  // The organisation does not offer retention: a partner's. AFDR recipients to Démarcheurs
  // maintien (activity 2), the others to Groupe ME (activity 1).
  ModelParameters p = retention_world(8000, 1.0);
  p.agreements.organisations[0].retention = false;
  p.population.margins.push_back({model::Attribute::kIncomeSupport, {0.4, 0.3, 0.3}, {}});
  const std::size_t m = p.population.margins.size();
  p.population.correlation.assign(m, std::vector<double>(m, 0.0));
  for (std::size_t i = 0; i < m; ++i) p.population.correlation[i][i] = 1.0;
  for (const char* name : {"groupe_me", "demarcheurs_maintien"}) {
    model::ActivityParameters a = p.activities[0];
    a.name = name;
    a.duration_days = Distribution::fixed(112);
    p.activities.push_back(a);
  }
  p.retention.me_activity = 1;
  p.retention.demarcheurs_maintien_activity = 2;
  p.agreements.organisations[0].offers = {{0, 100000, -1}, {1, 100000, -1}, {2, 100000, -1}};
  model::Agreement me = p.agreements.agreements[0];
  me.id = "ME";
  me.activity = 1;
  model::Agreement dm = me;
  dm.id = "DM";
  dm.activity = 2;
  p.agreements.agreements.push_back(me);
  p.agreements.agreements.push_back(dm);
  const LedgerRun r = run_world(p);
  const double partner = r.totals["retention_partner_started"];
  ASSERT_GT(partner, 5000);
  const double dm_started =
      total(r, PeriodKind::kAgreementYear, "participants_started", model::kAllLevels, 2);
  expect_share(dm_started, partner, 0.4, "Démarcheurs maintien (AFDR)");
  EXPECT_EQ(dm_started +
                total(r, PeriodKind::kAgreementYear, "participants_started", model::kAllLevels, 1),
            partner);
}

TEST(Retention, PlansMayRunAsMeetingEvents) {  // rules M1, M3
  // Ten meetings every 1.5 weeks for 12 % of every job start, conclusion A's included (the
  // reference model of docs/performance.md).
  ModelParameters p = parcours::testing::small_model();
  p.retention.contacts = 10;
  p.retention.contact_interval_days = 10.5;
  p.retention.after_any_job = true;
  const parcours::testing::Totals t = parcours::testing::run(p);
  EXPECT_EQ(t["retention_contacts"], 10 * t["retention_started"]) << "none cut short here";
  expect_share(t["retention_started"], t["employed"], 0.12, "retention share of every job");
  EXPECT_EQ(t["retention_ended_objectives"], t["retention_started"]);
}

TEST(Retention, TheFirstMeetingAfterIntegrationAsksForTripartiteConsentOnce) {  // rule M4
  // Meetings every 7 days; integration ends on day 14, at the second meeting. Nobody stops or
  // loses the job, so every plan reaches it: switches are a binomial share of 0.4 of the
  // plans (asked at no meeting: 0; asked again at the third: 0.64).
  ModelParameters p = retention_world(20000, 1.0);
  p.retention.contacts = 10;
  p.retention.contact_interval_days = 7.0;
  p.retention.job_loss = Hazard::constant(0.0);
  p.retention.client_stop_per_day = 0.0;
  p.retention.tripartite_consent = 0.4;
  const LedgerRun r = run_world(p);
  ASSERT_GT(r.totals["retention_started"], 5000);
  expect_share(r.totals["retention_tripartite_switches"], r.totals["retention_started"], 0.4,
               "plans turning tripartite at the first meeting after integration (M4)");
}

}  // namespace
