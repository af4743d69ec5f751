// The initial caseload (issue 12): clients already in the system on day 0 land where their row
// says and go on from there.
#include <gtest/gtest.h>

#include "support/ose_run.hpp"
#include "support/world_run.hpp"

namespace {

using parcours::model::Hazard;
using parcours::model::InitialClient;
using parcours::model::ModelParameters;
using parcours::model::PeriodKind;
using parcours::testing::LedgerRun;
using parcours::testing::one_service;
using parcours::testing::run_world;
using parcours::testing::total;

constexpr double kWeek = 7.0;  // days

// No arrivals: only the caseload; one 12-week service under agreement A; nothing after it.
ModelParameters caseload_only(double horizon_days, InitialClient::State state, int clients) {
  ModelParameters p = one_service(1, 12 * kWeek, 100000);
  p.arrivals.count = 0;
  p.arrivals.per_year = 0;
  p.horizon.years = horizon_days / 365.25;
  p.job_search.after_parcours = Hazard{};
  p.job_search.after_exit = Hazard{};
  InitialClient ic;
  ic.state = state;
  ic.activity = 0;
  ic.agreement = state == InitialClient::State::kInParticipation ? 0 : -1;
  ic.days_done = 5 * kWeek;  // in week 5 of 12
  p.caseload.assign(static_cast<std::size_t>(clients), ic);
  if (state != InitialClient::State::kInParticipation) p.agreements = {};
  return p;
}

TEST(InitialCaseload, AClientInWeekFiveOfTwelveEndsSevenWeeksIn) {
  for (const auto state :
       {InitialClient::State::kInActivity, InitialClient::State::kInParticipation}) {
    const LedgerRun before = run_world(caseload_only(7 * kWeek - 0.5, state, 300));
    EXPECT_EQ(before.totals["activities_completed"], 0);
    EXPECT_EQ(before.totals.by_quarter.at("parcours_active_end").back(), 300);
    const LedgerRun after = run_world(caseload_only(7 * kWeek + 0.5, state, 300));
    EXPECT_EQ(after.totals["activities_completed"], 300);
    // Not arrivals, and their Parcours began before day 0.
    EXPECT_EQ(after.totals["arrivals"], 0);
    EXPECT_EQ(after.totals["parcours_started"], 0);
    EXPECT_EQ(after.totals["activities_started"], 0);
  }
}

TEST(InitialCaseload, AParticipationBooksOnlyTheWeeksFromDayZero) {  // rules S7, S8
  // 40 direct hours over 12 weeks, 7 of them in the run: 7/12 of the hours on the books; no
  // new participant and no new fixed price (paid before day 0).
  const LedgerRun r =
      run_world(caseload_only(10 * kWeek, InitialClient::State::kInParticipation, 300));
  EXPECT_NEAR(total(r, PeriodKind::kFiscalYear, "hours_direct"), 300 * 40.0 * 7 / 12, 1e-6);
  EXPECT_EQ(total(r, PeriodKind::kFiscalYear, "participants_started"), 0);
  EXPECT_EQ(total(r, PeriodKind::kFiscalYear, "participants_ended"), 300);
  EXPECT_EQ(total(r, PeriodKind::kFiscalYear, "cost_fixed_price"), 0);
}

TEST(InitialCaseload, ClientsWaitingForTheInterviewAreInterviewed) {  // rule E2
  ModelParameters p = caseload_only(60, InitialClient::State::kWaitingInterview, 200);
  p.arrivals.count = 100;
  p.arrivals.over_days = 30;
  const LedgerRun r = run_world(p);
  EXPECT_EQ(r.totals["arrivals"], 100);
  EXPECT_EQ(r.totals["interviews"], 300);  // the 200 waiting and the 100 arrivals
}

// Employed clients in week 5 of a 12-week retention plan under agreement A: either A's
// service is Groupe ME (another partner's, rule M6) or A's organisation gives its own
// retention (M11). Nothing follows the support.
ModelParameters retention_caseload(double horizon_days, bool partner) {
  ModelParameters p = caseload_only(horizon_days, InitialClient::State::kInParticipation, 300);
  for (InitialClient& ic : p.caseload) ic.state = InitialClient::State::kInRetention;
  p.retention.followup_days = 0;
  p.retention.job_loss = Hazard{};
  p.retention.integration_days = parcours::core::Distribution::fixed(0);
  if (partner) {
    p.retention.me_activity = 0;
  } else {
    p.agreements.organisations[0].retention = true;
    p.retention.days = parcours::core::Distribution::fixed(12 * kWeek);
  }
  return p;
}

TEST(InitialCaseload, AClientInWeekFiveOfTwelveOfRetentionEndsItSevenWeeksIn) {  // rule M5
  for (const bool partner : {true, false}) {
    const LedgerRun before = run_world(retention_caseload(7 * kWeek - 0.5, partner));
    EXPECT_EQ(before.totals["retention_ended_objectives"], 0) << partner;
    EXPECT_EQ(before.totals.by_quarter.at("clients_in_system_end").back(), 300) << partner;
    const LedgerRun after = run_world(retention_caseload(7 * kWeek + 0.5, partner));
    EXPECT_EQ(after.totals["retention_ended_objectives"], 300) << partner;
    EXPECT_EQ(after.totals["employed_end_of_retention_full_time"] +
                  after.totals["employed_end_of_retention_part_time"],
              300)
        << partner;
    // Begun before day 0: not a new retention, participant or price; employed, so no support.
    EXPECT_EQ(after.totals["retention_started"], 0) << partner;
    EXPECT_EQ(after.totals["employed"], 0) << partner;
    EXPECT_EQ(total(after, PeriodKind::kFiscalYear, "participants_started"), 0) << partner;
    EXPECT_EQ(total(after, PeriodKind::kFiscalYear, "retention_started"), 0) << partner;
    EXPECT_EQ(total(after, PeriodKind::kFiscalYear, "cost_fixed_price"), 0) << partner;
    EXPECT_EQ(after.totals["parcours_active_end"], 0) << partner;
  }
}

TEST(InitialCaseload, RetentionBooksOnlyTheHoursFromDayZero) {  // rules M2, M8
  // Groupe ME's 50 hours (40 direct, 10 indirect) spread over 12 weeks by the plan's shape:
  // what is on the books is the whole plan less what the first 5 weeks gave.
  const LedgerRun whole = run_world(retention_caseload(20 * kWeek, true));
  ModelParameters from_start = retention_caseload(20 * kWeek, true);
  for (InitialClient& ic : from_start.caseload) ic.days_done = 0;
  const LedgerRun all = run_world(from_start);
  const double booked = total(whole, PeriodKind::kFiscalYear, "retention_hours");
  const double plan = total(all, PeriodKind::kFiscalYear, "retention_hours");
  EXPECT_NEAR(plan, 300 * 50.0, 1e-6);
  EXPECT_GT(booked, 0);
  EXPECT_LT(booked, plan);
}

}  // namespace
