// The ladder queue's own structure: the conformance suite (event_queue_test.cpp) checks its
// order; these check that it really spreads large pending sets over rungs, and stays exact
// when it cannot (all events at one time).

#include "core/ladder_scheduler.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <queue>
#include <vector>

namespace parcours::core {
namespace {

ScheduledEvent event_at(double t, std::uint64_t sequence) {
  return ScheduledEvent{std::bit_cast<std::uint64_t>(t), sequence, sequence, 0, 0};
}

TEST(LadderScheduler, HoldKeepsTheOrderWithRungsInUse) {
  // The hold model of the kernel benchmark: 10 000 pending, each pop replaced at now + Exp(1).
  LadderScheduler ladder;
  std::uint64_t x = 12345;
  auto exp1 = [&x] {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return -std::log((static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53);
  };
  std::uint64_t sequence = 0;
  for (int i = 0; i < 10000; ++i) ladder.insert(event_at(exp1(), sequence++));
  double last = 0.0;
  std::size_t max_rungs = 0;
  for (int i = 0; i < 100000; ++i) {
    const ScheduledEvent e = ladder.top();
    ASSERT_GE(e.time(), last);
    last = e.time();
    ladder.remove_top();
    max_rungs = std::max(max_rungs, ladder.rungs_in_use());
    ladder.insert(event_at(last + exp1(), sequence++));
  }
  EXPECT_EQ(ladder.size(), 10000U);
  EXPECT_GE(max_rungs, 1U) << "10 000 pending events should be spread over a rung";
}

TEST(LadderScheduler, ManyEventsAtOneTimeComeOutInSequenceOrder) {
  LadderScheduler ladder;
  constexpr std::uint64_t kEvents = 10 * LadderScheduler::kBottomMax;
  for (std::uint64_t i = 0; i < kEvents; ++i) ladder.insert(event_at(5.0, kEvents - 1 - i));
  for (std::uint64_t i = 0; i < kEvents; ++i) {
    ASSERT_EQ(ladder.top().order, i);
    ladder.remove_top();
  }
  EXPECT_TRUE(ladder.empty());
}

TEST(LadderScheduler, AClusterInsideAWideSpanGoesDownTheRungs) {
  // One far event stretches rung 0; the rest crowd into its first bucket, which must be
  // spread again (a second rung) rather than sorted whole in bottom.
  LadderScheduler ladder;
  std::uint64_t sequence = 0;
  ladder.insert(event_at(1e6, sequence++));
  for (int i = 0; i < 5000; ++i) ladder.insert(event_at(1.0 + i * 1e-3, sequence++));
  ladder.top();
  EXPECT_GE(ladder.rungs_in_use(), 2U);
  double last = 0.0;
  while (!ladder.empty()) {
    ASSERT_GE(ladder.top().time(), last);
    last = ladder.top().time();
    ladder.remove_top();
  }
  EXPECT_EQ(last, 1e6);
}

ScheduledEvent event_at(double t, int priority, std::uint64_t sequence) {
  const auto rank = static_cast<std::uint64_t>(std::int64_t{priority} + 128);
  return ScheduledEvent::make(t, rank, sequence, 0, 0, sequence, 0);
}

TEST(LadderScheduler, EventsInsertedBelowTheRungsTakeTheirPlaceInTheRun) {
  // Bottom holds the sorted run of the buckets last taken; events inserted since below every
  // rung go to its heap, and the two must merge in the total order, ties included: an event
  // at a time of the run with a lower priority value comes before it, one with an equal
  // priority after it (later sequence).
  LadderScheduler ladder;
  std::uint64_t sequence = 0;
  for (int i = 0; i < 5000; ++i)
    ladder.insert(event_at(static_cast<double>(i % 500), 0, sequence++));
  const ScheduledEvent first = ladder.top();
  EXPECT_EQ(first.time(), 0.0);
  ladder.remove_top();
  ladder.insert(event_at(0.0, -1, sequence++));  // before the other nine events at 0
  ladder.insert(event_at(0.0, 0, sequence++));   // after them
  ladder.insert(event_at(0.5, 0, sequence++));   // between 0 and 1
  std::vector<std::pair<double, std::uint64_t>> order;
  while (!ladder.empty()) {
    const ScheduledEvent& e = ladder.top();
    order.emplace_back(e.time(), e.order);
    ladder.remove_top();
  }
  ASSERT_EQ(order.size(), 5002U);
  EXPECT_EQ(order[0].second >> ScheduledEvent::kRankShift, 127U) << "priority -1 first";
  for (std::size_t i = 1; i < order.size(); ++i) {
    ASSERT_TRUE(order[i - 1] < order[i]) << "at " << i;
  }
  EXPECT_EQ(order[10].first, 0.0);
  EXPECT_EQ(order[11].first, 0.5);
}

TEST(LadderScheduler, ModelLikeHoldMatchesAHeapAndSpreadsCrowdedBuckets) {
  // Times of a year in hours, as the reference model schedules them: half the new events an
  // hour or so ahead, half weeks ahead, with mixed priorities. Rung 0, spread from the first
  // events, is far too coarse for the later ones, so its buckets arrive crowded and go down
  // to new rungs several at a time; the order must match a binary heap's exactly.
  LadderScheduler ladder;
  auto later = [](const ScheduledEvent& a, const ScheduledEvent& b) { return before(b, a); };
  std::priority_queue<ScheduledEvent, std::vector<ScheduledEvent>, decltype(later)> reference(
      later);
  std::uint64_t x = 2026;
  auto uniform = [&x] {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53;
  };
  std::uint64_t sequence = 0;
  auto push = [&](double t) {
    const ScheduledEvent e = event_at(t, static_cast<int>(uniform() * 3.0) - 1, sequence++);
    ladder.insert(e);
    reference.push(e);
  };
  for (int i = 0; i < 2000; ++i) push(8736.0 * uniform());
  std::size_t max_rungs = 0;
  for (int step = 0; step < 300000; ++step) {
    const ScheduledEvent e = ladder.top();
    ASSERT_EQ(e.order, reference.top().order) << "at step " << step;
    ASSERT_EQ(e.time_bits, reference.top().time_bits);
    ladder.remove_top();
    reference.pop();
    max_rungs = std::max(max_rungs, ladder.rungs_in_use());
    const double mean = uniform() < 0.5 ? 1.0 : 336.0;
    push(e.time() - mean * std::log(uniform()));
    if (step % 3 == 0) push(e.time() - mean * std::log(uniform()));  // the pending set grows
  }
  EXPECT_GE(max_rungs, 2U);
  while (!ladder.empty()) {
    ASSERT_EQ(ladder.top().order, reference.top().order);
    ladder.remove_top();
    reference.pop();
  }
  EXPECT_TRUE(reference.empty());
}

}  // namespace
}  // namespace parcours::core
