// The ended participations a client's results are credited to (rule M13).
#include "model/participation_history.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using parcours::model::ParticipationHistory;

TEST(ParticipationHistory, CreditsEachParticipationWithinItsWindowOnce) {
  ParticipationHistory h;
  h.reserve_slots(2);
  h.add(0, {3, 1, 10.0}, 91);
  h.add(0, {5, 0, 50.0}, 91);
  h.add(1, {7, 2, 20.0}, 91);
  std::vector<int> credited;
  // Day 105: 95 days after the first end (past 91), 55 after the second.
  h.credit(0, 105.0, 91,
           [&](const ParticipationHistory::Ended& e) { credited.push_back(e.agreement); });
  EXPECT_EQ(credited, std::vector<int>{5});
  EXPECT_EQ(h.size_of(0), 0U);  // credited once: a later result is not credited again
  EXPECT_EQ(h.size_of(1), 1U);  // another client's are untouched
}

TEST(ParticipationHistory, ForgetsRecordsPastTheirWindowAndReusesThem) {
  ParticipationHistory h;
  h.reserve_slots(1);
  h.add(0, {1, 0, 0.0}, 91);
  h.add(0, {2, 0, 91.0}, 91);  // the first is exactly 91 days old: kept
  EXPECT_EQ(h.size_of(0), 2U);
  h.add(0, {3, 0, 92.0}, 91);  // now 92 days old: forgotten
  EXPECT_EQ(h.size_of(0), 2U);
  h.clear(0);
  EXPECT_EQ(h.size_of(0), 0U);
}

}  // namespace
