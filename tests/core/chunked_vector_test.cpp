// The chunked vector the per-client tables grow in (sim/core/chunked_vector.hpp): elements
// keep their address as it grows, indexing crosses chunk boundaries, and what it holds is
// constructed and destroyed exactly once.
#include "core/chunked_vector.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace {

using parcours::core::ChunkedVector;

TEST(ChunkedVector, GrowsWithoutMovingWhatItHolds) {
  ChunkedVector<std::uint64_t, 4> v;  // chunks of 16
  std::vector<const std::uint64_t*> addresses;
  for (std::uint64_t i = 0; i < 1000; ++i) addresses.push_back(&v.emplace_back(i * 3));
  ASSERT_EQ(v.size(), 1000U);
  for (std::size_t i = 0; i < 1000; ++i) {
    EXPECT_EQ(&v[i], addresses[i]);
    EXPECT_EQ(v[i], i * 3);
  }
  EXPECT_EQ(v.back(), 999U * 3);
  EXPECT_EQ(v.index_of(addresses[0]), 0U);
  EXPECT_EQ(v.index_of(addresses[16]), 16U);  // the second chunk's first
  EXPECT_EQ(v.index_of(addresses[999]), 999U);
  // 63 chunks of 16 (the last one partly used) and the chunk table.
  constexpr std::size_t kChunks = std::size_t{63} * 16 * sizeof(std::uint64_t);
  EXPECT_GE(v.capacity_bytes(), kChunks);
  EXPECT_LT(v.capacity_bytes(), kChunks + 1024);
}

TEST(ChunkedVector, ResizeFillsAndForEachVisitsInOrder) {
  ChunkedVector<int, 3> v;
  v.resize(20, 7);
  v.resize(10, 1);  // never shrinks
  ASSERT_EQ(v.size(), 20U);
  v[8] = 42;  // the second chunk's first element
  std::vector<int> seen;
  v.for_each([&](int& x) { seen.push_back(x); });
  std::vector<int> expected(20, 7);
  expected[8] = 42;
  EXPECT_EQ(seen, expected);
}

TEST(ChunkedVector, PopBackKeepsItsChunksForTheNextPushes) {
  // A stack that follows a peak (EventQueue's free slots): popped to empty and pushed again to
  // the same size, it reuses its chunks and reserves not a byte more.
  ChunkedVector<std::uint32_t, 4> v;  // chunks of 16
  for (std::uint32_t i = 0; i < 40; ++i) v.push_back(i);
  const std::size_t peak_bytes = v.capacity_bytes();
  for (std::uint32_t i = 40; i-- > 17;) {
    ASSERT_EQ(v.back(), i);
    v.pop_back();
  }
  ASSERT_EQ(v.size(), 17U);
  EXPECT_EQ(v.back(), 16U);  // the second chunk's first element: the boundary crossed back
  while (!v.empty()) v.pop_back();
  EXPECT_EQ(v.capacity_bytes(), peak_bytes);
  for (std::uint32_t i = 0; i < 40; ++i) v.push_back(100 + i);
  EXPECT_EQ(v.capacity_bytes(), peak_bytes);
  EXPECT_EQ(v[0], 100U);
  EXPECT_EQ(v[39], 139U);
}

struct Counted {
  static inline int alive = 0;
  int value = 0;
  explicit Counted(int v = 0) : value(v) { ++alive; }
  Counted(const Counted& o) : value(o.value) { ++alive; }
  Counted& operator=(const Counted&) = default;
  ~Counted() { --alive; }
};

TEST(ChunkedVector, ConstructsAndDestroysEachElementOnce) {
  {
    ChunkedVector<Counted, 2> v;
    for (int i = 0; i < 11; ++i) v.emplace_back(i);
    EXPECT_EQ(Counted::alive, 11);
    ChunkedVector<Counted, 2> moved(std::move(v));
    EXPECT_EQ(v.size(), 0U);  // NOLINT(bugprone-use-after-move): the moved-from state is empty
    EXPECT_EQ(moved.size(), 11U);
    EXPECT_EQ(moved[10].value, 10);
    ChunkedVector<Counted, 2> assigned;
    assigned.emplace_back(99);
    assigned = std::move(moved);
    EXPECT_EQ(Counted::alive, 11);
    EXPECT_EQ(assigned[3].value, 3);
    assigned.pop_back();
    EXPECT_EQ(Counted::alive, 10) << "pop_back destroys the element it removes";
  }
  EXPECT_EQ(Counted::alive, 0);
}

}  // namespace
