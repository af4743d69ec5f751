#include "core/simulation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parcours::core {
namespace {

// Records (time, kind, subject) of every event it receives: tests assert on the trace.
class Recorder : public EventHandler {
 public:
  explicit Recorder(Simulation& sim) : sim_(sim) {}
  void handle(std::uint32_t kind, std::uint64_t subject) override {
    trace.push_back(std::to_string(sim_.now()).substr(0, 4) + ":" + std::to_string(kind) + ":" +
                    std::to_string(subject));
    if (kind == 9) sim_.schedule(0.5, EventTarget{this, 1, subject + 100});
    if (kind == 7) sim_.stop();
  }
  std::vector<std::string> trace;

 private:
  Simulation& sim_;
};

TEST(Simulation, ClockFollowsEventsAndHandlersCanSchedule) {
  Simulation sim;
  Recorder r(sim);
  sim.schedule(2.0, {&r, 1, 1});
  sim.schedule(1.0, {&r, 9, 2});  // schedules kind 1 at 1.5
  sim.run();
  EXPECT_EQ(r.trace, (std::vector<std::string>{"1.00:9:2", "1.50:1:102", "2.00:1:1"}));
  EXPECT_EQ(sim.events_executed(), 3U);
  EXPECT_EQ(sim.now(), 2.0);
}

TEST(Simulation, RunUntilStopsBeforeLaterEventsAndAdvancesTheClock) {
  Simulation sim;
  Recorder r(sim);
  sim.schedule(1.0, {&r, 1, 1});
  sim.schedule(5.0, {&r, 1, 2});
  sim.run(3.0);
  EXPECT_EQ(r.trace.size(), 1U);
  EXPECT_EQ(sim.now(), 3.0);
  EXPECT_EQ(sim.pending(), 1U);
  sim.run();
  EXPECT_EQ(r.trace.size(), 2U);
}

TEST(Simulation, EventAtTheHorizonStillRuns) {
  Simulation sim;
  Recorder r(sim);
  sim.schedule(3.0, {&r, 1, 1});
  sim.run(3.0);
  EXPECT_EQ(r.trace.size(), 1U);
}

TEST(Simulation, StopEndsTheRunAfterTheCurrentEvent) {
  Simulation sim;
  Recorder r(sim);
  sim.schedule(1.0, {&r, 7, 1});
  sim.schedule(2.0, {&r, 1, 2});
  sim.run();
  EXPECT_EQ(r.trace.size(), 1U);
  EXPECT_EQ(sim.now(), 1.0);
}

TEST(Simulation, CancelThroughHandle) {
  Simulation sim;
  Recorder r(sim);
  const EventHandle h = sim.schedule(1.0, {&r, 1, 1});
  sim.schedule(2.0, {&r, 1, 2});
  EXPECT_TRUE(sim.cancel(h));
  sim.run();
  EXPECT_EQ(r.trace, (std::vector<std::string>{"2.00:1:2"}));
}

TEST(Simulation, TwoSimulationsInOneProcessAreIndependent) {
  Simulation a(StreamKey{1, 0});
  Simulation b(StreamKey{1, 0});
  Recorder ra(a);
  Recorder rb(b);
  a.schedule(1.0, {&ra, 1, 1});
  b.schedule(4.0, {&rb, 1, 1});
  a.run();
  EXPECT_EQ(a.now(), 1.0);
  EXPECT_EQ(b.now(), 0.0);
  EXPECT_EQ(a.stream(3, 4).uniform(), b.stream(3, 4).uniform());
}

}  // namespace
}  // namespace parcours::core
