// A client's step end and exit are stamped events (ClientTable::schedule_step, schedule_exit):
// cancelled by moving the client's stamp on, dropped uncounted when they come.

#include "model/client_table.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "core/calendar.hpp"
#include "core/simulation.hpp"
#include "model/event_kind.hpp"

namespace parcours::model {
namespace {

// Notes every event through the table, as the process modules do, and keeps the live ones.
class Module final : public core::EventHandler {
 public:
  explicit Module(ClientTable& table) : table_(table) {}
  void handle(std::uint32_t kind, std::uint64_t subject) override {
    if (!table_.note_event(kind, subject)) return;
    seen.push_back({kind, static_cast<Slot>(subject)});
  }
  struct Seen {
    std::uint32_t kind;
    Slot slot;
    bool operator==(const Seen&) const = default;
  };
  std::vector<Seen> seen;

 private:
  ClientTable& table_;
};

class ClientTableStamps : public ::testing::Test {
 protected:
  core::Simulation sim;
  core::Calendar calendar{
      core::Date{std::chrono::year{2025}, std::chrono::month{4}, std::chrono::day{1}}};
  ClientTable table{sim, calendar, 1000.0, {}};
  Module module{table};
};

TEST_F(ClientTableStamps, ACancelledStepOrExitIsDroppedAndNotCounted) {
  const Slot a = table.admit().slot;
  const Slot b = table.admit().slot;
  table.schedule_step(&module, 1.0, kActivityEnd, a);
  table.schedule_exit(&module, 2.0, kDropout, a);
  table.schedule_step(&module, 3.0, kJobFound, b);
  table.schedule_exit(&module, 4.0, kClosure, b);
  table.cancel_exit(a);  // a's step stays; b's exit stays, only a's lane moved
  table.cancel_step(b);
  table.schedule_step(&module, 5.0, kJobFound, b);  // b's new step, under the new stamp
  sim.run();
  EXPECT_EQ(module.seen,
            (std::vector<Module::Seen>{{kActivityEnd, a}, {kClosure, b}, {kJobFound, b}}));
  EXPECT_EQ(sim.events_executed(), 3U) << "dropped events are not executed events";
  EXPECT_EQ(table.events_of(kDropout), 0U);
  EXPECT_EQ(table.events_of(kJobFound), 1U);
}

TEST_F(ClientTableStamps, WhatALeavingClientLeftPendingNeverReachesTheSlotsNextClient) {
  const Slot s = table.admit().slot;
  table.schedule_step(&module, 1.0, kActivityEnd, s);
  table.schedule_exit(&module, 1.0, kDropout, s);
  table.release(s);  // left without cancelling
  const ClientTable::Admission next = table.admit();
  ASSERT_EQ(next.slot, s);
  ASSERT_FALSE(next.new_slot);
  table.schedule_step(&module, 2.0, kJobFound, s);
  sim.run();
  EXPECT_EQ(module.seen, (std::vector<Module::Seen>{{kJobFound, s}}));
}

TEST_F(ClientTableStamps, AnEventWithACancellationSlotIsNeverDroppedByAStamp) {
  // Events with a cancellation slot (sim.schedule) carry no stamp: always live.
  const Slot s = table.admit().slot;
  sim.schedule(1.0, core::EventTarget{&module, kWaitlistDropout, s});
  table.cancel_step(s);
  table.cancel_exit(s);
  sim.run();
  EXPECT_EQ(module.seen, (std::vector<Module::Seen>{{kWaitlistDropout, s}}));
}

TEST_F(ClientTableStamps, AStampThatWouldWrapStopsTheRunInsteadOfComingBack) {
  // 2^30 moves of one lane would take minutes: the record is set just below the last stamp.
  const Slot s = table.admit().slot;
  table[s].step_stamp = core::kMaxStamp - 3;  // even: a step stamp
  table.cancel_step(s);
  EXPECT_EQ(table[s].step_stamp, core::kMaxStamp - 1);
  EXPECT_THROW(table.cancel_step(s), std::overflow_error);
  table[s].exit_stamp = core::kMaxStamp;  // odd: an exit stamp, the last one
  EXPECT_THROW(table.cancel_exit(s), std::overflow_error);
  table.release(s);
  EXPECT_THROW(table.admit(), std::overflow_error) << "the slot's next client would wrap too";
  EXPECT_EQ(table.in_system(), 0U) << "the refused slot stays free";
}

}  // namespace
}  // namespace parcours::model
