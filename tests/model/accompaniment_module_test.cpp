// The accompaniment module alone (rules P4, D6): a client table, a simulation, the agents and
// a stand-in for the Parcours; contacts are scheduled at the client's frequency and counted
// when made, an OSE's contact is reported back in agent time, and a Parcours's contacts stop
// when it ends.

#include "model/accompaniment.hpp"

#include <gtest/gtest.h>

#include "core/calendar.hpp"
#include "core/resource.hpp"
#include "core/simulation.hpp"
#include "support/model_parameters.hpp"

namespace parcours::model {
namespace {

constexpr double kHorizon = 1000.0;  // days
constexpr double kNear = 14.0;       // days between contacts, up to two characteristics
constexpr double kFar = 7.0;         // three or more

// Abandonment and closure would be the Parcours's; none is scheduled in these tests.
struct NoParcours : core::EventHandler {
  void handle(std::uint32_t /*kind*/, std::uint64_t /*subject*/) override {}
};

struct Fixture {
  explicit Fixture(double agent_share) : params(testing::small_model()) {
    AccompanimentParameters& a = params.accompaniment;
    a.enabled = true;
    a.interval_days = {kNear, kFar};
    a.contact_days = core::Distribution::fixed(0.1);
    a.report_days = core::Distribution::fixed(0.05);
    a.agent_share = agent_share;
    params.parcours.dropout = Hazard{};  // no dropout clock: contacts only
  }
  Slot add_client(std::uint64_t id, std::uint8_t characteristics) {
    const ClientTable::Admission a = table.admit();
    accompaniment.on_admit(a);
    Client& c = table[a.slot];
    c.number = static_cast<std::uint32_t>(id);
    c.in_parcours = true;
    c.limiting_characteristics = characteristics & 0xFU;
    return a.slot;
  }
  // Runs the simulation to `t` (days), through a no-op event there.
  void run_to(core::Time t) {
    NoParcours nothing;
    sim.schedule_at(t, core::EventTarget{&nothing, 0, 0});
    sim.run(t);
  }
  [[nodiscard]] std::uint64_t counted(Count c) const {
    return table.indicators().record(0).counts[static_cast<std::size_t>(c)];
  }
  ModelParameters params;
  core::Simulation sim;
  core::Calendar calendar{params.horizon.model_start()};
  ClientTable table{sim, calendar, kHorizon, {}};
  core::Resource agents{sim, 1};
  NoParcours parcours;
  Accompaniment accompaniment{table, params, agents, parcours};
};

TEST(AccompanimentModule, ContactsFollowTheClientsFrequency) {
  // Over 50 days: a near client every 14 days (days 14, 28, 42), a far one every 7 (7 contacts).
  Fixture f(1.0);
  const Slot near = f.add_client(1, 0);
  const Slot far = f.add_client(2, 3);
  f.accompaniment.start(near);
  f.accompaniment.start(far);
  f.run_to(50.0);
  EXPECT_EQ(f.counted(Count::kAccompanimentContacts), 3U + 7U);
  EXPECT_EQ(f.counted(Count::kAccompanimentByAgent), 3U + 7U);
  EXPECT_EQ(f.counted(Count::kOseReports), 0U);
  EXPECT_EQ(f.table.events_of(kContactEnd), 10U);  // each took agent time, then freed it
  EXPECT_EQ(f.agents.busy(), 0);
}

TEST(AccompanimentModule, AnOsesContactIsReportedBackInAgentTime) {
  Fixture f(0.0);  // every contact is the OSE's
  const Slot s = f.add_client(1, 0);
  f.accompaniment.start(s);
  f.run_to(50.0);
  EXPECT_EQ(f.counted(Count::kAccompanimentContacts), 3U);
  EXPECT_EQ(f.counted(Count::kAccompanimentByAgent), 0U);
  EXPECT_EQ(f.counted(Count::kOseReports), 3U);
  EXPECT_EQ(f.table.events_of(kOseReportEnd), 3U);
}

TEST(AccompanimentModule, ContactsStopWhenTheParcoursEnds) {
  Fixture f(1.0);
  const Slot s = f.add_client(1, 0);
  f.accompaniment.start(s);
  f.run_to(20.0);  // one contact, on day 14
  f.table[s].in_parcours = false;
  f.run_to(100.0);
  EXPECT_EQ(f.counted(Count::kAccompanimentContacts), 1U);
  EXPECT_EQ(f.table.events_of(kAccompanimentContact), 2U);  // day 28's found it over
}

TEST(AccompanimentModule, AReadmittedClientHasOneContactChain) {
  // The client's Parcours ends by a job on day 10 and resumes on day 12 (rule M7), before the
  // first chain's contact of day 14: from then on one chain, every 14 days from day 12 (days
  // 26, 40, 54), not the first chain's days 14, 28, 42, 56 besides.
  Fixture f(1.0);
  const Slot s = f.add_client(1, 0);
  f.accompaniment.start(s);
  f.run_to(10.0);
  f.table[s].in_parcours = false;
  f.run_to(12.0);
  f.table[s].in_parcours = true;
  f.accompaniment.start(s);
  f.run_to(60.0);
  EXPECT_EQ(f.counted(Count::kAccompanimentContacts), 3U);
}

}  // namespace
}  // namespace parcours::model
