// Job retention support in the world (rules M1-M11, M13): who gets it and from whom, its
// endings against the exact competing-risks answer, the 84-day readmission boundary, the
// intensity level its hours count in, and income support cancelled when it starts.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
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

TEST(Retention, AShareOfParticipantsWithAJobGetsIt) {  // rules M1, M6, M11
  const LedgerRun r = run_world(retention_world(20000, 0.12));
  const double jobs = r.totals["parcours_ended_employment"];
  ASSERT_GT(jobs, 15000);
  expect_share(r.totals["retention_started"], jobs, 0.12, "retention share (M1)");
  // All by the organisation itself (it offers retention, M11), on its agreement's books.
  EXPECT_EQ(r.totals["retention_in_service"], r.totals["retention_started"]);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "retention_started"),
            r.totals["retention_started"]);
  // Autonomous job seekers (conclusion A) are not participants: no decision for them.
  EXPECT_EQ(r.totals["conclusion_a"], 0);
}

TEST(Retention, OnlyParticipantsOfTheMeasuresAreAssessed) {  // rule M1
  // The office's own activities are not SAE, PPE, ICTE or MFOR-EE: no need is decided.
  ModelParameters p = retention_world(5000, 0.5);
  p.activities[0].service.measure = model::Measure::kInternal;
  EXPECT_EQ(run_world(p).totals["retention_started"], 0);
  for (const model::Measure m :
       {model::Measure::kPpe, model::Measure::kIcte, model::Measure::kMforEe}) {
    p.activities[0].service.measure = m;
    const LedgerRun r = run_world(p);
    expect_share(r.totals["retention_started"], r.totals["parcours_ended_employment"], 0.5,
                 "retention share (M1)");
  }
}

// Rule M1's decisions, recorded per client.
class RecordingRules : public model::ParametricRules {
 public:
  using ParametricRules::ParametricRules;
  model::RetentionDecision retention(const model::Client& c, const model::Profile& profile,
                                     parcours::core::RandomStream& rng) override {
    const model::RetentionDecision d = ParametricRules::retention(c, profile, rng);
    decisions[c.id()].push_back(d);
    return d;
  }
  std::map<std::uint64_t, std::vector<model::RetentionDecision>> decisions;
};

TEST(Retention, TheNeedIsTheParticipantsNotTheJobs) {  // rule M1
  // Jobs lost on day 40 and the participant readmitted (M7): the need decided for the
  // participation holds for the job after the readmission too.
  ModelParameters p = retention_world(3000, 0.3);
  p.retention.job_loss = Hazard::piecewise_constant({0.0, 1e7}, 40);
  p.retention.followup_days = 60;
  parcours::core::Simulation sim(parcours::core::StreamKey{p.horizon.seed, 0});
  RecordingRules rules(p);
  model::World world(sim, p, rules);
  world.run();
  std::size_t again = 0;
  std::size_t in_need = 0;
  for (const auto& [id, d] : rules.decisions) {
    if (d.size() > 1) ++again;
    if (d.front() != model::RetentionDecision::kNone) ++in_need;
    for (const model::RetentionDecision x : d) EXPECT_EQ(x, d.front()) << "client " << id;
  }
  EXPECT_GT(again, 1000U);
  expect_share(static_cast<double>(in_need), static_cast<double>(rules.decisions.size()), 0.3,
               "participants in need");
}

TEST(Retention, WithoutRetentionTheOrganisationSendsToAnotherPartner) {  // rules M6, M7, M11
  ModelParameters p = retention_world(10000, 0.5);
  p.agreements.organisations[0].retention = false;  // rule M11: does not offer it
  LedgerRun r = run_world(p);
  EXPECT_EQ(r.totals["retention_started"], 0);  // and no Groupe ME in the scenario
  EXPECT_EQ(r.totals["retention_partner_referrals"], 0);

  // A Groupe ME service (activity 1) with its own agreement (1): the agent refers, the
  // partner starts a plan, a new participant of its agreement.
  model::ActivityParameters me = parcours::testing::activity("me", Distribution::fixed(112), 0);
  me.service.has_hours = true;
  me.service.hours_direct = Distribution::fixed(15);
  me.service.hours_indirect = Distribution::fixed(5);
  p.activities.push_back(me);
  p.retention.me_activity = 1;
  p.retention.referral_days = Distribution::fixed(7);
  model::Organisation partner;
  partner.name = "partner";
  partner.offers = {{1, 100000, -1}};
  p.agreements.organisations.push_back(partner);
  model::Agreement a = p.agreements.agreements[0];
  a.id = "ME";
  a.organisation = 1;
  a.activity = 1;
  a.levels = {{100, 1800}};
  p.agreements.agreements.push_back(a);
  r = run_world(p);
  const double jobs = r.totals["parcours_ended_employment"];
  expect_share(r.totals["retention_partner_referrals"], jobs, 0.5, "referred to a partner (M6)");
  EXPECT_EQ(r.totals["retention_partner_started"], r.totals["retention_started"]);
  EXPECT_GT(r.totals["retention_started"], 0.95 * r.totals["retention_partner_referrals"]);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_started", model::kAllLevels, 1),
            r.totals["retention_started"]);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_fixed_price", model::kAllLevels, 1),
              1800.0 * r.totals["retention_started"], 1e-6);
}

TEST(Retention, EndingsMatchTheExactCompetingRisks) {  // rules M4, M5
  // During a 112-day plan the job is lost at rate e*l (l = 1/200 a day, retention effect
  // e = 0.5) and the client stops at rate s = 1/300: P(loss first) = e*l/(e*l+s) (1 - exp(-(e*l
  // + s) 112)), P(stop first) likewise, P(objectives met) = exp(-(e*l + s) 112).
  ModelParameters p = retention_world(40000, 1.0);
  p.retention.job_loss = Hazard::constant(1.0 / 200);
  p.retention.retention_effect = 0.5;
  p.retention.client_stop_per_day = 1.0 / 300;
  p.retention.tripartite_consent = 0.4;
  p.retention.tripartite_effect = 1.0;  // the switch alone changes nothing here
  p.retention.followup_days = 0;        // followed during retention only
  const LedgerRun r = run_world(p);
  const double n = r.totals["retention_ended_objectives"] + r.totals["retention_ended_client"] +
                   r.totals["retention_ended_job_loss"];
  ASSERT_GT(n, 20000);
  const double loss = 0.5 / 200;
  const double stop = 1.0 / 300;
  const double done = std::exp(-(loss + stop) * 112);
  expect_share(r.totals["retention_ended_objectives"], n, done, "objectives met");
  expect_share(r.totals["retention_ended_job_loss"], n, loss / (loss + stop) * (1 - done),
               "job lost");
  // Rule M4: plans reaching the end of integration (day 14) turn tripartite with
  // probability 0.4.
  EXPECT_GT(r.totals["retention_tripartite_switches"], 0);
  const double reached = r.totals["retention_started"] * std::exp(-(loss + stop) * 14);
  EXPECT_NEAR(r.totals["retention_tripartite_switches"] / reached, 0.4, 0.02);
  // M13: still employed at the end, full or part time, is every ending but a job loss.
  EXPECT_EQ(r.totals["employed_end_of_retention_full_time"] +
                r.totals["employed_end_of_retention_part_time"],
            r.totals["retention_ended_objectives"] + r.totals["retention_ended_client"]);
}

TEST(Retention, TripartiteModeLowersJobLossByItsEffect) {  // rules M4, M5
  // Everyone turns tripartite at day 14; after it the loss rate is halved again.
  ModelParameters p = retention_world(40000, 1.0);
  p.retention.job_loss = Hazard::constant(1.0 / 100);
  p.retention.retention_effect = 1.0;
  p.retention.tripartite_consent = 1.0;
  p.retention.tripartite_effect = 0.5;
  p.retention.followup_days = 0;
  const LedgerRun r = run_world(p);
  const double n = r.totals["retention_ended_objectives"] + r.totals["retention_ended_job_loss"];
  const double kept = std::exp(-14.0 / 100 - 0.5 * 98.0 / 100);
  expect_share(r.totals["retention_ended_objectives"], n, kept, "kept the job to the end");
}

TEST(Retention, HoursOfRetentionCountInTheGroupeDLevel) {  // rules M2, M8, M13
  // 40 + 10 service hours reach D3 (46-60); with 20 hours of retention, 70 reach D4.
  const LedgerRun r = run_world(retention_world(20000, 0.3));
  const double with_retention = r.totals["retention_ended_objectives"];
  ASSERT_EQ(with_retention, r.totals["retention_started"]);  // no job loss, no stop here
  const double ended = total(r, PeriodKind::kAgreementYear, "participants_ended");
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_ended_at_level_reached", 3),
            with_retention);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_ended_at_level_reached", 2),
            ended - with_retention);
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "retention_hours"), 20.0 * with_retention, 1e-6);
  // The plan's hours at the agreement's hourly cost (rule S7), on top of the service's.
  EXPECT_NEAR(total(r, PeriodKind::kAgreementYear, "cost_actual_costs"),
              ended * 3737.50 + with_retention * 20 * 65 * 1.15, 0.01);
}

TEST(Retention, ReadmissionWithin84CalendarDays) {  // rule M7
  // Lost on the 84th calendar day after the participation's end: readmitted to it.
  LedgerRun r = run_world(timed_loss(30, 53.9));
  const double lost = r.totals["job_losses"];
  ASSERT_GT(lost, 2500);
  // Day 84 unless the end fell in the last 0.1 day of its calendar day.
  EXPECT_GT(r.totals["readmissions"], 0.85 * lost);
  EXPECT_EQ(r.totals["readmissions"] + r.totals["returns_to_office"], lost);
  EXPECT_EQ(r.totals["parcours_resumed"], r.totals["readmissions"]);
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "readmissions"), r.totals["readmissions"]);
  // A readmission resumes the original participation: no new participant, no new price.
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "participants_started"),
            r.totals["parcours_started"]);
  // Lost on the 85th: back to the office for a new evaluation.
  r = run_world(timed_loss(30, 55.1));
  EXPECT_EQ(r.totals["readmissions"], 0);
  EXPECT_EQ(r.totals["returns_to_office"], r.totals["job_losses"]);
  // And a readmission needs the agreement in force ("Autorisé").
  ModelParameters ended = timed_loss(30, 53.9);
  ended.agreements.agreements[0].end = 200;
  r = run_world(ended);
  EXPECT_LT(r.totals["readmissions"], 0.5 * r.totals["job_losses"]);
}

TEST(Retention, IncludedInTheParticipationNoSeparatePlan) {  // rule M9
  ModelParameters p = retention_world(5000, 1.0);
  p.activities[0].retention_included = true;        // ICTE, PPE insertion, MFOR-EE
  p.agreements.organisations[0].retention = false;  // its agreement provides none after
  LedgerRun r = run_world(p);
  EXPECT_EQ(r.totals["retention_started"], 0);
  EXPECT_EQ(r.totals["retention_within_participation"], r.totals["parcours_ended_employment"]);
  // When the agreement provides retention after the participation (its organisation offers
  // it, M11), the participant's need is decided like any (M1).
  p.agreements.organisations[0].retention = true;
  p.retention.share = 0.4;
  r = run_world(p);
  EXPECT_EQ(r.totals["retention_within_participation"], 0);
  expect_share(r.totals["retention_started"], r.totals["parcours_ended_employment"], 0.4,
               "retention after (M1)");
}

TEST(Retention, UnissuedIncomeSupportIsCancelledWhenItStarts) {  // rule M10
  // $70 a week of extra costs issued 2 weeks after; the job (and retention) comes 3 days
  // after the end: 11 days of payments were not yet issued, $110, cancelled.
  ModelParameters p = timed_loss(3, 1e6);
  p.retention.share = 1.0;
  p.retention.payment_lag_days = 14;
  p.activities[0].extra_costs_per_week = 70;
  const LedgerRun r = run_world(p);
  const double n = r.totals["retention_started"];
  ASSERT_GT(n, 2500);
  EXPECT_EQ(r.totals["income_support_cancelled_clients"], n);
  EXPECT_NEAR(r.totals["income_support_cancelled"], n * 110.0, 1e-3 * n);
  // Paid: 3 weeks for everyone who ended the service, less what was cancelled.
  EXPECT_NEAR(r.totals["extra_costs_paid"], r.totals["activities_completed"] * 210.0 - n * 110.0,
              1e-3 * n);
  // Objectif emploi clients keep theirs.
  p.population.margins.push_back({model::Attribute::kObjectifEmploi, {0.0, 1.0}, {}});
  const std::size_t m = p.population.margins.size();
  p.population.correlation.assign(m, std::vector<double>(m, 0.0));
  for (std::size_t i = 0; i < m; ++i) p.population.correlation[i][i] = 1.0;
  EXPECT_EQ(run_world(p).totals["income_support_cancelled_clients"], 0);
}

}  // namespace
