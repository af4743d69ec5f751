#include "core/event_queue.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace parcours::core {
namespace {

EventTarget target(std::uint64_t subject) { return EventTarget{nullptr, 0, subject}; }

std::vector<std::uint64_t> drain(EventQueue& q) {
  std::vector<std::uint64_t> order;
  while (!q.empty()) order.push_back(q.pop().target.subject);
  return order;
}

TEST(EventQueue, RunsByTimeThenPriorityThenInsertionOrder) {
  EventQueue q;
  q.push(2.0, 0, target(1));
  q.push(1.0, 0, target(2));
  q.push(1.0, -1, target(3));  // same time, lower priority value: first
  q.push(1.0, 0, target(4));   // same time and priority as 2: after it (FIFO)
  q.push(1.0, 5, target(5));
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{3, 2, 4, 5, 1}));
}

TEST(EventQueue, CancelledEventsNeverFire) {
  EventQueue q;
  const EventHandle a = q.push(1.0, 0, target(1));
  q.push(2.0, 0, target(2));
  const EventHandle c = q.push(3.0, 0, target(3));
  EXPECT_TRUE(q.cancel(a));
  EXPECT_TRUE(q.cancel(c));
  EXPECT_EQ(q.size(), 1U);
  EXPECT_EQ(q.next_time(), 2.0);
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{2}));
}

TEST(EventQueue, CancellingTwiceOrAfterFiringDoesNothing) {
  EventQueue q;
  const EventHandle a = q.push(1.0, 0, target(1));
  EXPECT_TRUE(q.cancel(a));
  EXPECT_FALSE(q.cancel(a));
  const EventHandle b = q.push(1.0, 0, target(2));  // reuses a's slot
  EXPECT_EQ(b.slot, a.slot);
  EXPECT_FALSE(q.cancel(a)) << "a stale handle must not cancel the slot's new event";
  q.pop();
  EXPECT_FALSE(q.cancel(b));
  EXPECT_FALSE(q.cancel(EventHandle{}));
}

TEST(EventQueue, ManyRandomEventsComeOutSorted) {
  EventQueue q;
  std::uint64_t x = 88172645463325252ULL;  // xorshift: a fixed, dependency-free sequence
  std::vector<EventHandle> handles;
  for (int i = 0; i < 5000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    handles.push_back(q.push(static_cast<double>(x % 1000), static_cast<int>(x % 3), target(x)));
  }
  for (std::size_t i = 0; i < handles.size(); i += 3) EXPECT_TRUE(q.cancel(handles[i]));
  double last_time = -1.0;
  std::size_t n = 0;
  while (!q.empty()) {
    const double t = q.next_time();
    EXPECT_GE(t, last_time);
    last_time = q.pop().time;
    EXPECT_EQ(last_time, t);
    ++n;
  }
  EXPECT_EQ(n, 5000U - 1667U);
}

}  // namespace
}  // namespace parcours::core
