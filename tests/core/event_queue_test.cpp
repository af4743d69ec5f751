// One conformance suite for every scheduler behind EventQueue (ns-3 runs one suite on all of
// its schedulers): the same calls must give the same events in the same order.

#include "core/event_queue.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "support/text.hpp"

namespace parcours::core {
namespace {

// The queues under test: each scheduler, and kAuto with a threshold low enough that the
// tests cross it (and so cover the move from the heap to the ladder mid-run).
struct HeapQueue {
  static EventQueue make() { return EventQueue(SchedulerKind::kHeap); }
};
struct LadderQueue {
  static EventQueue make() { return EventQueue(SchedulerKind::kLadder); }
};
struct AutoQueue {
  static EventQueue make() { return EventQueue(SchedulerKind::kAuto, 20); }
};

template <typename Maker>
class EventQueueConformance : public ::testing::Test {
 protected:
  EventQueue q_ = Maker::make();
};
using Queues = ::testing::Types<HeapQueue, LadderQueue, AutoQueue>;
TYPED_TEST_SUITE(EventQueueConformance, Queues);

EventTarget target(std::uint64_t subject) { return EventTarget{nullptr, 0, subject}; }

std::vector<std::uint64_t> drain(EventQueue& q) {
  std::vector<std::uint64_t> order;
  while (!q.empty()) order.push_back(q.pop().target.subject);
  return order;
}

// xorshift64: a fixed, dependency-free sequence.
class Xorshift {
 public:
  std::uint64_t next() {
    x_ ^= x_ << 13;
    x_ ^= x_ >> 7;
    x_ ^= x_ << 17;
    return x_;
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t x_ = 88172645463325252ULL;
};

TYPED_TEST(EventQueueConformance, RunsByTimeThenPriorityThenInsertionOrder) {
  EventQueue& q = this->q_;
  q.push(2.0, 0, target(1));
  q.push(1.0, 0, target(2));
  q.push(1.0, -1, target(3));  // same time, lower priority value: first
  q.push(1.0, 0, target(4));   // same time and priority as 2: after it (FIFO)
  q.push(1.0, 5, target(5));
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{3, 2, 4, 5, 1}));
}

TYPED_TEST(EventQueueConformance, TiesAtOneTimeKeepPriorityThenFifoOrderInBulk) {
  // Far more simultaneous events than a ladder bucket sorts at once: they travel together
  // down every rung and still come out by priority, then in the order they were pushed.
  EventQueue& q = this->q_;
  constexpr int kEvents = 2000;
  for (int i = 0; i < kEvents; ++i) {
    q.push(i % 2 == 0 ? 7.0 : 3.0, (i % 3) - 1, target(static_cast<std::uint64_t>(i)));
  }
  std::vector<std::uint64_t> expected;
  for (const double t : {3.0, 7.0}) {
    for (int priority = -1; priority <= 1; ++priority) {
      for (int i = 0; i < kEvents; ++i) {
        if ((i % 2 == 0 ? 7.0 : 3.0) == t && (i % 3) - 1 == priority) {
          expected.push_back(static_cast<std::uint64_t>(i));
        }
      }
    }
  }
  EXPECT_EQ(drain(q), expected);
}

TYPED_TEST(EventQueueConformance, EmptyQueueReportsEmptyAndPopsNothing) {
  EventQueue& q = this->q_;
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.size(), 0U);
  EventQueue::Fired out{};
  EXPECT_FALSE(q.pop_until(1e9, out));
  const EventHandle h = q.push(1.0, 0, target(1));
  EXPECT_TRUE(q.cancel(h));
  EXPECT_TRUE(q.empty()) << "a queue holding only cancelled events is empty";
  EXPECT_FALSE(q.pop_until(1e9, out));
}

TYPED_TEST(EventQueueConformance, PopUntilLeavesLaterEventsPending) {
  EventQueue& q = this->q_;
  q.push(1.0, 0, target(1));
  q.push(5.0, 0, target(2));
  EventQueue::Fired out{};
  EXPECT_TRUE(q.pop_until(3.0, out));
  EXPECT_EQ(out.target.subject, 1U);
  EXPECT_FALSE(q.pop_until(3.0, out));
  EXPECT_TRUE(q.pop_until(5.0, out)) << "an event at `until` itself runs";
  EXPECT_EQ(out.time, 5.0);
}

TYPED_TEST(EventQueueConformance, CancelledEventsNeverFire) {
  EventQueue& q = this->q_;
  const EventHandle a = q.push(1.0, 0, target(1));
  q.push(2.0, 0, target(2));
  const EventHandle c = q.push(3.0, 0, target(3));
  EXPECT_TRUE(q.cancel(a));
  EXPECT_TRUE(q.cancel(c));
  EXPECT_EQ(q.size(), 1U);
  EXPECT_EQ(q.next_time(), 2.0);
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{2}));
}

TYPED_TEST(EventQueueConformance, CancellingTwiceOrAfterFiringDoesNothing) {
  EventQueue& q = this->q_;
  const EventHandle a = q.push(1.0, 0, target(1));
  EXPECT_TRUE(q.cancel(a));
  EXPECT_FALSE(q.cancel(a));
  const EventHandle b = q.push(1.0, 0, target(2));
  q.pop();  // drops a's stale entry, frees its slot, then runs b
  const EventHandle c = q.push(1.0, 0, target(3));  // reuses a freed slot
  EXPECT_TRUE(c.slot == a.slot || c.slot == b.slot);
  EXPECT_FALSE(q.cancel(a)) << "a stale handle must not cancel the slot's new event";
  EXPECT_FALSE(q.cancel(b));
  EXPECT_FALSE(q.cancel(EventHandle{}));
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{3}));
}

TYPED_TEST(EventQueueConformance, ReusedAfterDrainingTakesEarlierTimes) {
  EventQueue& q = this->q_;
  for (int round = 0; round < 3; ++round) {
    // Each round pushes times earlier than the last round's: a queue emptied is as new.
    const double base = 1000.0 - 100.0 * round;
    for (int i = 0; i < 200; ++i) {
      q.push(base + static_cast<double>((i * 37) % 200), 0, target(static_cast<std::uint64_t>(i)));
    }
    double last = -1.0;
    std::size_t n = 0;
    while (!q.empty()) {
      const double t = q.pop().time;
      EXPECT_GE(t, last);
      last = t;
      ++n;
    }
    EXPECT_EQ(n, 200U);
  }
}

// Random pushes, pops and cancellations, compared step by step with a std::set ordered by the
// same (time, priority, sequence) key. Times are drawn three ways: continuous, on a coarse
// grid (many ties) and now + Exp(1) as a simulation schedules them.
TYPED_TEST(EventQueueConformance, RandomStressMatchesAReferenceOrderedSet) {
  EventQueue& q = this->q_;
  using Key = std::tuple<double, int, std::uint64_t>;  // time, priority, push number
  std::set<Key> reference;
  std::map<std::uint64_t, std::pair<EventHandle, Key>> pending;  // by push number
  Xorshift rng;
  double now = 0.0;
  std::uint64_t pushes = 0;
  std::size_t pops = 0;
  for (int step = 0; step < 200000; ++step) {
    const std::uint64_t r = rng.next() % 100;
    const int phase = (step / 20000) % 3;  // grows, then holds, then shrinks the pending set
    const std::uint64_t push_share = phase == 0 ? 70 : phase == 1 ? 50 : 30;
    if (r < push_share || reference.empty()) {
      double t = now;
      switch (rng.next() % 3) {
        case 0:
          t = now + 50.0 * rng.uniform();
          break;
        case 1:
          t = now + static_cast<double>(rng.next() % 8);
          break;
        default:
          t = now - std::log1p(-rng.uniform());
          break;
      }
      const int priority = static_cast<int>(rng.next() % 5) - 2;
      const std::uint64_t id = pushes++;
      pending[id] = {q.push(t, priority, target(id)), Key{t, priority, id}};
      reference.emplace(t, priority, id);
    } else if (r < push_share + 8) {
      // Cancel a pending event picked at random (or one already gone: must do nothing).
      const std::uint64_t id = rng.next() % pushes;
      const auto p = pending.find(id);
      if (p == pending.end()) continue;
      EXPECT_TRUE(q.cancel(p->second.first));
      EXPECT_FALSE(q.cancel(p->second.first));
      reference.erase(p->second.second);
      pending.erase(p);
    } else {
      ASSERT_FALSE(q.empty());
      const Key expected = *reference.begin();
      reference.erase(reference.begin());
      EXPECT_EQ(q.next_time(), std::get<0>(expected));
      const EventQueue::Fired fired = q.pop();
      ASSERT_EQ(fired.target.subject, std::get<2>(expected)) << "at step " << step;
      ASSERT_EQ(fired.time, std::get<0>(expected));
      pending.erase(std::get<2>(expected));
      now = fired.time;
      ++pops;
    }
    ASSERT_EQ(q.size(), reference.size());
  }
  EXPECT_GT(pops, 50000U);
  while (!reference.empty()) {
    ASSERT_EQ(q.pop().target.subject, std::get<2>(*reference.begin()));
    reference.erase(reference.begin());
  }
  EXPECT_TRUE(q.empty());
}

class NullHandler final : public EventHandler {
 public:
  void handle(std::uint32_t /*kind*/, std::uint64_t /*subject*/) override {}
};

TYPED_TEST(EventQueueConformance, TargetsComeBackAsTheyWerePushed) {
  // An entry names its handler by an index in the queue's table and its kind in 16 bits:
  // every handler, kind and subject must come back unchanged, whichever interleaving.
  EventQueue& q = this->q_;
  std::vector<NullHandler> handlers(5);
  std::vector<EventTarget> pushed;
  for (int i = 0; i < 3000; ++i) {
    const EventTarget t{&handlers[static_cast<std::size_t>((i * 7) % 5)],
                        static_cast<std::uint32_t>((i * 2654435761U) % 65536U),
                        (std::uint64_t{1} << 47) | static_cast<std::uint64_t>(i)};
    pushed.push_back(t);
    q.push(static_cast<double>(i), 0, t);
  }
  for (const EventTarget& t : pushed) {
    const EventQueue::Fired f = q.pop();
    ASSERT_EQ(f.target.handler, t.handler);
    ASSERT_EQ(f.target.kind, t.kind);
    ASSERT_EQ(f.target.subject, t.subject);
  }
  EXPECT_THROW(q.push(1.0, 0, EventTarget{handlers.data(), 65536U, 0}), std::out_of_range);
  EXPECT_TRUE(q.empty()) << "a refused event leaves nothing behind";
}

// The message of the exception `push` throws, or "" if it throws none.
template <typename Error>
std::string refusal(EventQueue& q, int priority, const EventTarget& t) {
  try {
    q.push(1.0, priority, t);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TYPED_TEST(EventQueueConformance, EachPackedFieldIsRefusedPastItsLimitAndKeptUpToIt) {
  // An entry packs kind (16 bits) and subject (48) in one word, priority (8), sequence (40) and
  // handler (16) in another: past a limit, push must say which, never wrap into a neighbour.
  EventQueue& q = this->q_;
  NullHandler h;
  constexpr std::uint64_t kTopSubject = (std::uint64_t{1} << 48) - 1;
  using parcours::testing::contains;
  EXPECT_TRUE(contains(refusal<std::out_of_range>(q, 0, EventTarget{&h, 0, kTopSubject + 1}),
                       "subjects must be below 2^48"));
  EXPECT_TRUE(contains(refusal<std::out_of_range>(q, 0, EventTarget{&h, 65536U, 0}),
                       "kinds must be below 65536"));
  EXPECT_TRUE(
      contains(refusal<std::out_of_range>(q, 128, EventTarget{&h, 0, 0}), "priorities run"));
  EXPECT_TRUE(
      contains(refusal<std::out_of_range>(q, -129, EventTarget{&h, 0, 0}), "priorities run"));
  EXPECT_TRUE(q.empty()) << "a refused event leaves nothing behind";
  // Every field at its limit comes back whole, and the extremes of priority keep their order.
  q.push(1.0, EventQueue::kMaxPriority, EventTarget{&h, 65535U, kTopSubject});
  q.push(1.0, EventQueue::kMinPriority, EventTarget{&h, 65535U, kTopSubject - 1});
  const EventQueue::Fired first = q.pop();
  EXPECT_EQ(first.target.subject, kTopSubject - 1);
  const EventQueue::Fired last = q.pop();
  EXPECT_EQ(last.target.handler, &h);
  EXPECT_EQ(last.target.kind, 65535U);
  EXPECT_EQ(last.target.subject, kTopSubject);
}

TYPED_TEST(EventQueueConformance, TiesStayFifoUpToTheLastSequenceNumberThenPushThrows) {
  // The handler's index sits below the sequence number in the ordering word. Here later events
  // name earlier handlers (lower indices), and the first events use the largest index: ties
  // must still come out in push order, by sequence alone, up to the last sequence number.
  EventQueue& q = this->q_;
  std::vector<NullHandler> handlers(300);
  for (NullHandler& h : handlers) q.push(0.0, 0, EventTarget{&h, 0, 0});  // indices 0..299
  while (!q.empty()) q.pop();
  constexpr std::uint64_t kEvents = 3000;  // past a ladder bucket: ties go down the rungs
  q.skip_sequence_numbers((std::uint64_t{1} << 40) - kEvents - handlers.size());
  std::vector<std::uint64_t> expected;
  for (std::uint64_t i = 0; i < kEvents; ++i) {
    NullHandler& h = handlers[handlers.size() - 1 - i % handlers.size()];
    q.push(i % 2 == 0 ? 2.0 : 1.0, static_cast<int>(i % 3) - 1, EventTarget{&h, 0, i});
  }
  for (const double t : {1.0, 2.0}) {
    for (int priority = -1; priority <= 1; ++priority) {
      for (std::uint64_t i = 0; i < kEvents; ++i) {
        if ((i % 2 == 0 ? 2.0 : 1.0) == t && static_cast<int>(i % 3) - 1 == priority) {
          expected.push_back(i);
        }
      }
    }
  }
  EXPECT_TRUE(parcours::testing::contains(
      refusal<std::overflow_error>(q, 0, EventTarget{handlers.data(), 0, 0}), "2^40"))
      << "the 2^40th event must be refused, not wrap to sequence 0 and run first";
  EXPECT_EQ(q.size(), kEvents) << "a refused event leaves nothing behind";
  EXPECT_EQ(drain(q), expected);
}

TEST(EventQueue, AutoMovesToTheLadderAboveItsThreshold) {
  EventQueue q(SchedulerKind::kAuto, 100);
  for (int i = 0; i < 100; ++i) q.push(static_cast<double>(i), 0, target(0));
  EXPECT_FALSE(q.on_ladder());
  q.push(1.0, 0, target(0));
  EXPECT_TRUE(q.on_ladder());
  EXPECT_TRUE(EventQueue(SchedulerKind::kLadder).on_ladder());
  EXPECT_FALSE(EventQueue(SchedulerKind::kHeap).on_ladder());
}

TEST(SchedulerKind, NamesRoundTrip) {
  for (const SchedulerKind k :
       {SchedulerKind::kAuto, SchedulerKind::kHeap, SchedulerKind::kLadder}) {
    EXPECT_EQ(parse_scheduler_kind(to_string(k)), k);
  }
  EXPECT_EQ(parse_scheduler_kind("calendar"), std::nullopt);
}

}  // namespace
}  // namespace parcours::core
