// Income support paid while clients are in the system and out of work, and the savings a job
// brings (rule P7): exact dollars for clients on a known support for a known time.
#include <gtest/gtest.h>

#include "support/ose_run.hpp"
#include "support/world_run.hpp"

namespace {

using parcours::model::Hazard;
using parcours::model::IncomeSupport;
using parcours::model::InitialClient;
using parcours::model::ModelParameters;
using parcours::model::PeriodKind;
using parcours::testing::LedgerRun;
using parcours::testing::one_service;
using parcours::testing::run_world;
using parcours::testing::total;

constexpr double kWeek = 7.0;  // days
constexpr double kDaysPerYear = 365.25;
constexpr double kAfdrPerYear = 7300.0;  // dollars
constexpr double kEiPerYear = 11000.0;
constexpr double kSavingsDays = 365.25;

ModelParameters with_support(ModelParameters p) {
  p.income_support.dollars_per_day = {kAfdrPerYear / kDaysPerYear, kEiPerYear / kDaysPerYear, 0.0};
  p.income_support.savings_days = kSavingsDays;
  return p;
}

// No arrivals; the caseload's clients, `afdr`, `ei` and `none` of each status.
ModelParameters caseload(double horizon_days, InitialClient ic, int afdr, int ei, int none) {
  ModelParameters p = with_support(one_service(1, 12 * kWeek, 100000));
  p.arrivals.count = 0;
  p.arrivals.per_year = 0;
  p.horizon.years = horizon_days / kDaysPerYear;
  p.agreements = {};
  for (const auto& [status, n] : {std::pair{IncomeSupport::kLastResort, afdr},
                                  std::pair{IncomeSupport::kEmploymentInsurance, ei},
                                  std::pair{IncomeSupport::kNone, none}}) {
    ic.profile.income_support = status;
    for (int i = 0; i < n; ++i) p.caseload.push_back(ic);
  }
  return p;
}

// The support paid to `group` (0 = all clients) over the run, from the quarterly rows.
double paid(const LedgerRun& r, const std::string& indicator = "income_support_paid") {
  return r.totals[indicator];
}

TEST(IncomeSupport, ClientsWaitingTheWholeRunAreEachPaidTheirStatusRate) {
  // Nobody interviews them (no agents): 100 days on support, 91 of them in April-June.
  InitialClient waiting;
  waiting.state = InitialClient::State::kWaitingInterview;
  ModelParameters p = caseload(100, waiting, 10, 5, 3);
  p.evaluation.agents = 0;
  const LedgerRun r = run_world(p);
  const double per_day = 10 * kAfdrPerYear / kDaysPerYear + 5 * kEiPerYear / kDaysPerYear;
  EXPECT_NEAR(paid(r), per_day * 100, 1e-6);
  const std::vector<double>& quarters = r.totals.by_quarter.at("income_support_paid");
  ASSERT_EQ(quarters.size(), 2U);
  EXPECT_NEAR(quarters[0], per_day * 91, 1e-6);  // 1 April - 30 June
  EXPECT_NEAR(quarters[1], per_day * 9, 1e-6);
  EXPECT_EQ(paid(r, "income_support_savings"), 0) << "no job, nothing saved";
}

TEST(IncomeSupport, AJobEndsThePaymentsAndSavesTheHorizonsSupport) {
  // In week 5 of a 12-week activity: 49 days more, then a job at once (a hazard of a million
  // a day); nothing follows the job, so the client leaves. The horizon is 20 weeks.
  InitialClient in_activity;
  in_activity.state = InitialClient::State::kInActivity;
  in_activity.activity = 0;
  in_activity.days_done = 5 * kWeek;
  ModelParameters p = caseload(20 * kWeek, in_activity, 40, 20, 10);
  p.job_search.after_parcours = Hazard::constant(1e6);
  p.retention.share = 0;
  p.retention.followup_days = 0;
  const LedgerRun r = run_world(p);
  ASSERT_EQ(r.totals["employed"], 70);
  const double per_day = 40 * kAfdrPerYear / kDaysPerYear + 20 * kEiPerYear / kDaysPerYear;
  EXPECT_NEAR(paid(r), per_day * 7 * kWeek, per_day * 1e-3);  // the search takes ~1e-6 days
  EXPECT_NEAR(paid(r, "income_support_savings"), per_day * kSavingsDays, 1e-6);
}

TEST(IncomeSupport, NoAmountsPayNothing) {
  InitialClient waiting;
  ModelParameters p = caseload(100, waiting, 10, 5, 3);
  p.evaluation.agents = 0;
  p.income_support = {};
  const LedgerRun r = run_world(p);
  EXPECT_EQ(paid(r), 0);
  EXPECT_EQ(paid(r, "income_support_savings"), 0);
}

}  // namespace
