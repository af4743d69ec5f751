// The OSE module alone (rules S6-S8, M8): a client table, a simulation and a stand-in for
// the Parcours; a participation booked on its agreement with its exact hours, a waitlist
// served when a place frees, and a client turned away when no agreement serves them.

#include "model/ose_services.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <span>

#include "core/calendar.hpp"
#include "core/simulation.hpp"
#include "support/ose_run.hpp"

namespace parcours::model {
namespace {

constexpr double kHorizon = 1000.0;  // days
constexpr double kPlanned = 70.0;    // days: the step's planned length

// What the Parcours would do: begins the step (its planned length), or records a skip or an
// abandonment on the waitlist.
struct FakePathway : OseServices::Pathway {
  int begun = 0;
  int skipped = 0;
  int dropped = 0;
  double begin_activity(Slot /*s*/) override {
    ++begun;
    return kPlanned;
  }
  void skip_step(Slot /*s*/) override { ++skipped; }
  void waitlist_dropout(Slot /*s*/) override { ++dropped; }
};

// A client table and the OSE module over `params`, with clients in a plan of activity 0.
struct Fixture {
  explicit Fixture(const ModelParameters& p)
      : params(p),
        calendar(params.horizon.model_start()),
        table(sim, calendar, kHorizon, {}),
        ose(table, params, kHorizon, false) {
    ose.set_pathway(&pathway);
  }
  Slot add_client(std::uint64_t id) {
    const ClientTable::Admission a = table.admit();
    ose.on_admit(a);
    Client& c = table[a.slot];
    c.number = static_cast<std::uint32_t>(id);
    const std::uint8_t first = 0;
    table.set_plan(c, std::span<const std::uint8_t>(&first, 1));
    c.stage = Stage::kAwaitingActivity;
    return a.slot;
  }
  // Runs the simulation to `t` (days), through a no-op event there.
  void run_to(core::Time t) {
    struct Nothing : core::EventHandler {
      void handle(std::uint32_t /*kind*/, std::uint64_t /*subject*/) override {}
    } nothing;
    sim.schedule_at(t, core::EventTarget{&nothing, 0, 0});
    sim.run(t);
  }
  ModelParameters params;
  core::Simulation sim;
  core::Calendar calendar;
  ClientTable table;
  FakePathway pathway;
  OseServices ose;
};

TEST(OseServices, ParticipationIsBookedWithTheHoursGiven) {
  // 40 direct and 10 indirect hours planned (level D3: 45 < 50 <= 60); the client leaves the
  // service halfway through its planned 70 days, so half the hours are given and booked.
  Fixture f(testing::one_service(1, kPlanned, 1));
  const Slot s = f.add_client(1);
  f.ose.on_planned_start(s);
  EXPECT_EQ(f.pathway.begun, 1);
  const Participation& p = f.ose.participation(s);
  ASSERT_TRUE(p.placed);
  EXPECT_EQ(p.agreement, 0);
  EXPECT_EQ(p.level, 2);
  EXPECT_EQ(p.planned_days, kPlanned);
  EXPECT_EQ(f.ose.ledger().at(0, 0, 2).started, 1U);

  f.run_to(35.0);
  EXPECT_TRUE(f.ose.close_participation(s));
  const AgreementRecord& r = f.ose.ledger().at(0, 0, 2);
  EXPECT_DOUBLE_EQ(r.hours_direct, 20.0);
  EXPECT_DOUBLE_EQ(r.hours_indirect, 5.0);
  EXPECT_DOUBLE_EQ(r.hours_ended, 25.0);
  EXPECT_EQ(r.ended, 1U);
  // Rule M8: 25 hours given fall in level D1 (at most 30).
  EXPECT_EQ(p.level_reached, 0);
  EXPECT_EQ(f.ose.ledger().at(0, 0, 0).ended_at_level_reached, 1U);
  EXPECT_FALSE(f.ose.close_participation(s));  // closed once
}

TEST(OseServices, WaitlistIsServedWhenAPlaceFrees) {
  // One place: the second client waits until the first leaves the service on day 20.
  Fixture f(testing::one_service(2, kPlanned, 1));
  const Slot first = f.add_client(1);
  const Slot second = f.add_client(2);
  f.ose.on_planned_start(first);
  f.ose.on_planned_start(second);
  EXPECT_EQ(f.pathway.begun, 1);
  EXPECT_TRUE(f.ose.participation(second).waiting);
  EXPECT_EQ(f.ose.ledger().at(0, 0, 2).waitlisted, 1U);
  f.run_to(20.0);
  f.ose.close_participation(first);
  f.run_to(21.0);
  EXPECT_EQ(f.pathway.begun, 2);
  EXPECT_TRUE(f.ose.participation(second).placed);
  EXPECT_DOUBLE_EQ(f.ose.participation(second).started, 20.0);
  const AgreementRecord& r = f.ose.ledger().at(0, 0, 2);
  EXPECT_EQ(r.waits, 1U);
  EXPECT_DOUBLE_EQ(r.wait_days, 20.0);
  EXPECT_EQ(f.table.events_of(kOsePlaceGranted), 1U);
}

TEST(OseServices, NoAgreementForTheRegionSkipsTheStep) {
  // The only organisation serves region 1; the client lives in region 0 (rule M11).
  ModelParameters p = testing::one_service(1, kPlanned, 1);
  p.agreements.organisations[0].region = 1;
  Fixture f(p);
  const Slot s = f.add_client(1);
  f.ose.on_planned_start(s);
  EXPECT_EQ(f.pathway.begun, 0);
  EXPECT_EQ(f.pathway.skipped, 1);
  EXPECT_EQ(f.ose.participation(s).agreement, -1);
  EXPECT_EQ(f.table.indicators().record(0).counts[static_cast<std::size_t>(Count::kOseNotServed)],
            1U);
}

}  // namespace
}  // namespace parcours::model
