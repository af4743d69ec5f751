// The ladder queue's own structure: the conformance suite (event_queue_test.cpp) checks its
// order; these check that it really spreads large pending sets over rungs, and stays exact
// when it cannot (all events at one time).

#include "core/ladder_scheduler.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace parcours::core {
namespace {

ScheduledEvent event_at(double t, std::uint64_t sequence) {
  return ScheduledEvent{std::bit_cast<std::uint64_t>(t), sequence, nullptr, sequence, 0, 0};
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

}  // namespace
}  // namespace parcours::core
