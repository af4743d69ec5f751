// The client record's numbering (issue 14: a 32-bit number that never wraps).
#include "model/client.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>

namespace {

using parcours::model::Client;
using parcours::model::kCaseloadIds;
using parcours::model::next_arrival_number;

TEST(Client, ArrivalsAreNumberedFromOneToTheLast32BitNumber) {
  constexpr std::uint64_t kLast = std::numeric_limits<std::uint32_t>::max();
  EXPECT_EQ(next_arrival_number(0), 1U);
  EXPECT_EQ(next_arrival_number(kLast - 1), kLast);
  // One more would wrap to 0 and share the streams of another client: refused.
  EXPECT_THROW((void)next_arrival_number(kLast), std::length_error);
  EXPECT_THROW((void)next_arrival_number(kLast + 5), std::length_error);
}

TEST(Client, CaseloadAndArrivalsNeverShareAnId) {
  Client arrival;
  arrival.number = std::numeric_limits<std::uint32_t>::max();
  Client caseload;
  caseload.number = 1;
  caseload.caseload = true;
  EXPECT_EQ(arrival.id(), std::uint64_t{std::numeric_limits<std::uint32_t>::max()});
  EXPECT_EQ(caseload.id(), kCaseloadIds + 1);
  EXPECT_LT(arrival.id(), caseload.id());
}

}  // namespace
