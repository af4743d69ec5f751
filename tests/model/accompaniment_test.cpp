// Rules P4, D6: OSE contacts reported back to the agent, and the dropout hazard moved by the
// contacts actually made rather than by the planned frequency.
#include <gtest/gtest.h>

#include <cmath>

#include "core/simulation.hpp"
#include "model/world.hpp"
#include "support/world_run.hpp"

namespace parcours::model {
namespace {

using parcours::testing::expect_share;
using parcours::testing::run;
using parcours::testing::Totals;

constexpr double kActivityDays = 73.5;
constexpr double kIntervalDays = 7.0;
constexpr double kDropoutPerDay = 0.01;
constexpr double kBeta = -0.5;  // log hazard ratio per contact a month

// Everyone in one 73.5-day activity then back to school, abandoning at 0.01 a day scaled by
// exp(-0.5 x contacts a month made); a contact every 7 days, by an OSE unless `agent_share`.
ModelParameters accompanied(double agent_share) {
  ModelParameters p = parcours::testing::everyone_in_parcours(6000, 2);
  p.evaluation.interview_days = core::Distribution::fixed(1.0 / 24);
  p.activities = {
      parcours::testing::activity("ten_weeks", core::Distribution::fixed(kActivityDays), 0)};
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::constant(kDropoutPerDay);
  p.parcours.dropout_effects.terms = {{Covariate::kAccompaniment, kBeta}};
  p.parcours.school_share = 1.0;
  p.retention.share = 0;
  p.accompaniment.enabled = true;
  p.accompaniment.interval_days = {kIntervalDays, kIntervalDays};
  p.accompaniment.contact_days = core::Distribution::fixed(1.0 / 24);
  p.accompaniment.agent_share = agent_share;
  return p;
}

TEST(Accompaniment, DropoutFollowsTheContactsMade) {  // rule D6
  // Contacts on time: none for the first 7 days (hazard 0.01), then k contacts in 7k days, i.e.
  // 30.44 / 7 a month, for the remaining 66.5 days.
  const double per_month = (365.25 / 12.0) / kIntervalDays;
  const double exact =
      1 - std::exp(-kDropoutPerDay * kIntervalDays -
                   kDropoutPerDay * std::exp(kBeta * per_month) * (kActivityDays - kIntervalDays));
  const Totals t = run(accompanied(0.0));
  ASSERT_EQ(t.by_quarter.at("parcours_active_end").back(), 0);
  expect_share(t["parcours_ended_dropout"], t["parcours_started"], exact, "dropout, on time");
  // The planned frequency from the first day would give 1 - exp(-0.01 x 0.114 x 73.5) = 0.08:
  // well outside that interval.
  const double planned =
      1 - std::exp(-kDropoutPerDay * std::exp(kBeta * per_month) * kActivityDays);
  EXPECT_GT(t["parcours_ended_dropout"] / t["parcours_started"],
            planned + 4 * std::sqrt(planned * (1 - planned) / t["parcours_started"]));
}

TEST(Accompaniment, ContactsAnAgentCannotMakeDoNotProtect) {  // rules D6, P4
  // The same contacts by the agent: with ample agents as with an OSE; with one agent taking a
  // day a contact most are never made, and more clients abandon.
  ModelParameters p = accompanied(1.0);
  const Totals ample = run(p);
  p.evaluation.agents = 1;
  p.accompaniment.contact_days = core::Distribution::fixed(1.0);
  const Totals scarce = run(p);
  const double n = scarce["parcours_started"];
  EXPECT_LT(scarce["accompaniment_contacts"] / n,
            0.5 * ample["accompaniment_contacts"] / ample["parcours_started"]);
  const double on_time = ample["parcours_ended_dropout"] / ample["parcours_started"];
  EXPECT_GT(scarce["parcours_ended_dropout"] / n,
            on_time + 4 * std::sqrt(on_time * (1 - on_time) / n));
}

TEST(Accompaniment, OseContactsAreReportedBackInAgentTime) {  // rule P4
  ModelParameters p = accompanied(0.0);
  p.parcours.dropout = Hazard::none();
  auto busy_days = [](const ModelParameters& params, Totals& t) {
    core::Simulation sim(core::StreamKey{params.horizon.seed, 0});
    ParametricRules rules(params);
    World world(sim, params, rules);
    world.run();
    t = parcours::testing::totals_of(world);
    double busy = 0.0;
    for (std::size_t q = 0; q < world.indicators().quarters(); ++q) {
      busy += world.indicators().record(q).agent_busy_days;
    }
    return busy;
  };
  Totals none;
  const double without = busy_days(p, none);
  p.accompaniment.report_days = core::Distribution::fixed(2.0 / 24);  // two hours a report
  Totals t;
  const double with = busy_days(p, t);
  // Ten contacts per Parcours (days 7 to 70), all by the OSE, each reported once.
  EXPECT_EQ(t["accompaniment_contacts"], 10 * t["parcours_started"]);
  EXPECT_EQ(t["ose_reports"], t["accompaniment_contacts"]);
  EXPECT_EQ(t["accompaniment_contacts_by_agent"], 0);
  EXPECT_EQ(none["ose_reports"], t["ose_reports"]);
  EXPECT_NEAR(with - without, t["ose_reports"] * 2.0 / 24, 1e-6 * with);
}

}  // namespace
}  // namespace parcours::model
