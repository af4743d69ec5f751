// The ended participations a client's results are credited to (rule M13).
#include "model/participation_history.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/ose_run.hpp"

namespace {

using parcours::model::Hazard;
using parcours::model::ParticipationHistory;
using parcours::model::PeriodKind;
using parcours::testing::one_service;
using parcours::testing::total;

TEST(ParticipationHistory, CreditsEachParticipationWithinItsWindowOnce) {
  ParticipationHistory h;
  h.reserve_slots(2);
  h.add(0, {3, 1, 10.0}, 91);
  h.add(0, {5, 0, 50.0}, 91);
  h.add(1, {7, 2, 20.0}, 91);
  std::vector<int> credited;
  // Day 105: 95 days after the first end (past 91), 55 after the second.
  h.credit(0, 105.0, 91,
           [&](const ParticipationHistory::Ended& e) { credited.push_back(e.agreement); });
  EXPECT_EQ(credited, std::vector<int>{5});
  EXPECT_EQ(h.size_of(0), 0U);  // credited once: a later result is not credited again
  EXPECT_EQ(h.size_of(1), 1U);  // another client's are untouched
}

TEST(ParticipationHistory, ForgetsRecordsPastTheirWindowAndReusesThem) {
  ParticipationHistory h;
  h.reserve_slots(1);
  h.add(0, {1, 0, 0.0}, 91);
  h.add(0, {2, 0, 91.0}, 91);  // the first is exactly 91 days old: kept
  EXPECT_EQ(h.size_of(0), 2U);
  h.add(0, {3, 0, 92.0}, 91);  // now 92 days old: forgotten
  EXPECT_EQ(h.size_of(0), 2U);
  h.clear(0);
  EXPECT_EQ(h.size_of(0), 0U);
}

TEST(ParticipationHistory, AResumedParticipationWaitsForItsResultOnceFromItsNewEnd) {  // M7, M13
  ParticipationHistory h;
  h.reserve_slots(1);
  h.add(0, {4, 0, 10.0}, 91);
  h.extend_newest(0, 4, 60.0);  // readmitted, ended again on day 60
  EXPECT_EQ(h.size_of(0), 1U);
  std::vector<double> ends;
  h.credit(0, 140.0, 91, [&](const ParticipationHistory::Ended& e) { ends.push_back(e.ended_at); });
  EXPECT_EQ(ends, std::vector<double>{60.0});  // 80 days after the new end, 130 after the first
  h.extend_newest(0, 4, 200.0);                // credited already: no record comes back
  EXPECT_EQ(h.size_of(0), 0U);
}

TEST(ParticipationHistory, AReadmittedParticipantCountsOnceAsEmployed) {  // rules M7, M13
  // Everyone finds a job exactly 30 days after the service ends and loses it 50 days after
  // it starts: readmitted to the participation (84 calendar days), which ends again, and a
  // second job follows 30 days later. One participant, one result.
  parcours::model::ModelParameters p = one_service(3000, 21, 100000);
  p.horizon.years = 3;
  p.job_search.after_parcours = Hazard::piecewise_constant({0.0, 1e7}, 30);
  p.retention.job_loss = Hazard::piecewise_constant({0.0, 1e7}, 50);
  p.agreements.organisations[0].retention = true;  // whose need is decided: none here
  p.retention.share = 0.0;
  p.retention.readmission_days = 84;
  p.retention.followup_days = 365;
  p.parcours.followup_days = 91;  // rule M13: employed 0-3 months after
  const parcours::testing::LedgerRun r = parcours::testing::run_world(p);
  ASSERT_GT(r.totals["readmissions"], 2500);
  const double ended = total(r, PeriodKind::kAgreementYear, "participants_ended");
  EXPECT_EQ(total(r, PeriodKind::kAgreementYear, "employed_0_3_months"), ended);
}

}  // namespace
