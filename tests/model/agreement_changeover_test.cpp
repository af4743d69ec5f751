// Support that follows a participation when the agreement year turns between the
// participation's end and the job (rules M6, M8, M11, S6): the organisation's renewed
// agreement carries it, and the participation's level still moves on its own agreement.
#include <gtest/gtest.h>

#include "support/ose_run.hpp"
#include "support/retention_run.hpp"

namespace {

using parcours::model::Hazard;
using parcours::model::ModelParameters;
using parcours::model::PeriodKind;
using parcours::testing::LedgerRun;
using parcours::testing::run_world;
using parcours::testing::total;
namespace model = parcours::model;

// Every participant of a 21-day service (40 + 10 hours: level D3) finds a job exactly 60 days
// after it ends, and every job brings retention (20 hours, no job loss) by the organisation.
// Arrivals stop at day 150, so every participation starts under agreement A, which ends at
// day 200: the jobs of participations ended after day 140 start after A.
ModelParameters changeover(bool renewed) {
  ModelParameters p = parcours::testing::retention_world(4000, 1.0);
  p.arrivals.over_days = 150;
  p.job_search.after_parcours = Hazard::piecewise_constant({0.0, 1e7}, 60);
  p.agreements.agreements[0].end = 200;
  if (renewed) {  // the same organisation's agreement for the same service, from day 200
    model::Agreement b = p.agreements.agreements[0];
    b.id = "B";
    b.start = 200;
    b.end = 1e6;
    p.agreements.agreements.push_back(b);
  }
  return p;
}

constexpr std::uint16_t kA = 0;
constexpr std::uint16_t kB = 1;

TEST(AgreementChangeover, TheRenewalCarriesRetentionStartedAfterTheOldAgreement) {  // M6, M11
  const LedgerRun run = run_world(changeover(true));
  const double on_a =
      total(run, PeriodKind::kAgreementYear, "retention_started", model::kAllLevels, kA);
  const double on_b =
      total(run, PeriodKind::kAgreementYear, "retention_started", model::kAllLevels, kB);
  const double ended =
      total(run, PeriodKind::kAgreementYear, "participants_ended", model::kAllLevels, kA);
  ASSERT_GT(ended, 3000);
  // Nobody started under B; every participant of A got retention, on A or on its renewal.
  EXPECT_EQ(total(run, PeriodKind::kAgreementYear, "participants_started", model::kAllLevels, kB),
            0);
  EXPECT_EQ(on_a + on_b, ended);
  EXPECT_EQ(run.totals["retention_started"], ended);
  EXPECT_GT(on_b, 0.1 * ended);
  // The support's hours and cost are on the renewal's books...
  EXPECT_NEAR(total(run, PeriodKind::kAgreementYear, "retention_hours", model::kAllLevels, kB),
              20.0 * on_b, 1e-6);
  // ... and move the participation's level on its own agreement (rule M8): 50 + 20 hours
  // reach D4 for every participant of A.
  EXPECT_EQ(total(run, PeriodKind::kAgreementYear, "participants_ended_at_level_reached", 3, kA),
            ended);
}

TEST(AgreementChangeover, WithoutARenewalTheSupportAfterTheEndIsLost) {  // rule S6
  const LedgerRun renewed = run_world(changeover(true));
  const LedgerRun ended = run_world(changeover(false));
  // The same clients (nobody uses B): only the retention after day 200 differs.
  EXPECT_EQ(ended.totals["retention_started"],
            total(renewed, PeriodKind::kAgreementYear, "retention_started", model::kAllLevels, kA));
  EXPECT_LT(ended.totals["retention_started"], renewed.totals["retention_started"]);
}

}  // namespace
