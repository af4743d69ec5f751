// Stamped events (EventQueue::post): no cancellation slot, the caller's stamp given back, and
// the same total order as the events with a slot, on every scheduler.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "core/event_queue.hpp"
#include "core/scheduler_kind.hpp"
#include "core/simulation.hpp"
#include "support/text.hpp"

namespace parcours::core {
namespace {

class StampedEvents : public ::testing::TestWithParam<SchedulerKind> {
 protected:
  // kAuto with a low threshold, so that the tests cross it.
  EventQueue q_{GetParam(), 20};
};
INSTANTIATE_TEST_SUITE_P(EveryScheduler, StampedEvents,
                         ::testing::Values(SchedulerKind::kHeap, SchedulerKind::kLadder,
                                           SchedulerKind::kAuto),
                         [](const ::testing::TestParamInfo<SchedulerKind>& param) {
                           return std::string(to_string(param.param));
                         });

TEST_P(StampedEvents, FollowTheOneOrderBesideEventsWithSlotsAndGiveTheirStampsBack) {
  // A random mix of pushed and posted events, some pushed ones cancelled: what comes out is
  // the live events sorted by (time, priority, scheduling order), each with its own stamp.
  struct Expected {
    double time;
    int priority;
    std::uint64_t order;
    Stamp stamp;
  };
  std::vector<Expected> expected;
  std::uint64_t x = 0x9E3779B97F4A7C15ULL;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (std::uint64_t i = 0; i < 5000; ++i) {
    const double time = static_cast<double>(next() % 64) * 0.5;
    const int priority = static_cast<int>(next() % 3) - 1;
    if (next() % 2 == 0) {
      const auto stamp = static_cast<Stamp>(1 + next() % kMaxStamp);
      q_.post(time, priority, EventTarget{nullptr, 1, i}, stamp);
      expected.push_back({time, priority, i, stamp});
    } else if (const EventHandle h = q_.push(time, priority, EventTarget{nullptr, 0, i});
               next() % 4 == 0) {
      ASSERT_TRUE(q_.cancel(h));
    } else {
      expected.push_back({time, priority, i, kNoStamp});
    }
  }
  std::stable_sort(expected.begin(), expected.end(), [](const Expected& a, const Expected& b) {
    return std::tie(a.time, a.priority) < std::tie(b.time, b.priority);
  });
  ASSERT_EQ(q_.size(), expected.size()) << "posted events count as pending";
  for (const Expected& e : expected) {
    const EventQueue::Fired f = q_.pop();
    ASSERT_EQ(f.target.subject, e.order);
    EXPECT_EQ(f.time, e.time);
    EXPECT_EQ(f.stamp, e.stamp);
    EXPECT_EQ(f.target.kind, e.stamp == kNoStamp ? 0U : 1U);
  }
  EXPECT_TRUE(q_.empty());
}

TEST_P(StampedEvents, TakeNoCancellationSlot) {
  // Slots are numbered from 0 as they are first needed: after 1,000 pending stamped events,
  // the first pushed event still takes slot 0, and the next one slot 1.
  for (Stamp s = 1; s <= 1000; ++s) q_.post(1.0, 0, EventTarget{nullptr, 0, s}, s);
  EXPECT_EQ(q_.push(2.0, 0, EventTarget{}).slot, 0U);
  EXPECT_EQ(q_.push(2.0, 0, EventTarget{}).slot, 1U);
  EXPECT_EQ(q_.size(), 1002U);
}

TEST_P(StampedEvents, StampsOutsideOneTo2Pow31AreRefusedAndLeaveNothingBehind) {
  using parcours::testing::contains;
  for (const Stamp bad : {kNoStamp, kMaxStamp + 1, Stamp{0xFFFFFFFFU}}) {
    try {
      q_.post(1.0, 0, EventTarget{}, bad);
      ADD_FAILURE() << "stamp " << bad << " was taken";
    } catch (const std::out_of_range& e) {
      EXPECT_TRUE(contains(e.what(), "stamps run from 1 to 2147483647")) << e.what();
    }
  }
  EXPECT_TRUE(q_.empty());
  q_.post(1.0, 0, EventTarget{nullptr, 0, 7}, kMaxStamp);  // the largest is kept whole
  EXPECT_EQ(q_.pop().stamp, kMaxStamp);
  // Past the other limits, post says what push says.
  try {
    q_.post(1.0, 0, EventTarget{nullptr, 65536U, 0}, 1);
    ADD_FAILURE() << "kind 65536 was taken";
  } catch (const std::out_of_range& e) {
    EXPECT_TRUE(contains(e.what(), "kinds must be below 65536")) << e.what();
  }
  EXPECT_TRUE(q_.empty());
}

// Records the stamp the simulation reports while each event is handled.
class StampRecorder final : public EventHandler {
 public:
  explicit StampRecorder(const Simulation& sim) : sim_(sim) {}
  void handle(std::uint32_t /*kind*/, std::uint64_t /*subject*/) override {
    seen.push_back(sim_.current_stamp());
  }
  std::vector<Stamp> seen;

 private:
  const Simulation& sim_;
};

TEST(Simulation, TellsTheHandlerTheStampOfThePostedEventItHandles) {
  Simulation sim;
  StampRecorder r(sim);
  sim.post(2.0, EventTarget{&r, 0, 0}, 42);
  sim.schedule(1.0, EventTarget{&r, 0, 0});
  sim.post_at(3.0, EventTarget{&r, 0, 0}, kMaxStamp);
  sim.run();
  EXPECT_EQ(r.seen, (std::vector<Stamp>{kNoStamp, 42, kMaxStamp}));
  EXPECT_EQ(sim.current_stamp(), kNoStamp) << "no event is being handled after run()";
}

}  // namespace
}  // namespace parcours::core
