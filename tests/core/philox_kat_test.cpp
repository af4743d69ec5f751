// Known-answer tests of the random streams: Random123's published test vectors for
// Philox4x64-10 (its kat_vectors file), then our keying of those blocks into streams
// (random_stream.hpp: counter (entity, purpose, block, 0), key (seed, replication), words used
// from the last). A compiler, flag or library change that alters a single bit fails here
// before it quietly changes every result.

#include <Random123/philox.h>

#include <array>
#include <cstdint>

#include <gtest/gtest.h>

#include "core/random_stream.hpp"

namespace {

using parcours::core::RandomStream;
using parcours::core::StreamKey;
using Words = std::array<std::uint64_t, 4>;

struct Vector {
  Words counter;
  std::array<std::uint64_t, 2> key;
  Words expected;
};

// philox4x64 10 <counter> <key> <output>, as published with Random123.
constexpr std::array<Vector, 3> kPublished{{
    {{0, 0, 0, 0},
     {0, 0},
     {0x16554d9eca36314cULL, 0xdb20fe9d672d0fdcULL, 0xd7e772cee186176bULL, 0x7e68b68aec7ba23bULL}},
    {{~0ULL, ~0ULL, ~0ULL, ~0ULL},
     {~0ULL, ~0ULL},
     {0x87b092c3013fe90bULL, 0x438c3c67be8d0224ULL, 0x9cc7d7c69cd777b6ULL, 0xa09caebf594f0ba0ULL}},
    {{0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL},
     {0x452821e638d01377ULL, 0xbe5466cf34e90c6cULL},
     {0xa528f45403e61d95ULL, 0x38c72dbd566e9788ULL, 0xa5a1610e72fd18b5ULL, 0x57bd43b5e52b7fe6ULL}},
}};

Words philox(const Words& counter, const std::array<std::uint64_t, 2>& key) {
  r123::Philox4x64 generator;
  const auto out =
      generator(r123::Philox4x64::ctr_type{{counter[0], counter[1], counter[2], counter[3]}},
                r123::Philox4x64::key_type{{key[0], key[1]}});
  return {out[0], out[1], out[2], out[3]};
}

TEST(PhiloxKat, RandomThreeMatchesThePublishedVectors) {
  for (const Vector& v : kPublished) EXPECT_EQ(philox(v.counter, v.key), v.expected);
}

TEST(PhiloxKat, StreamZeroGivesThePublishedZeroBlockLastWordFirst) {
  RandomStream stream(StreamKey{0, 0}, 0, 0);
  const Words& zero = kPublished[0].expected;
  EXPECT_EQ(stream.bits(), zero[3]);
  EXPECT_EQ(stream.bits(), zero[2]);
  EXPECT_EQ(stream.bits(), zero[1]);
  EXPECT_EQ(stream.bits(), zero[0]);
  EXPECT_EQ(stream.draws(), 4U);
}

TEST(PhiloxKat, AStreamIsKeyedBySeedAndReplicationAndCountsEntityPurposeBlock) {
  const std::uint64_t seed = 0x452821e638d01377ULL;
  const std::uint64_t replication = 0xbe5466cf34e90c6cULL;
  const std::uint64_t entity = 0x243f6a8885a308d3ULL;
  const std::uint32_t purpose = 0x03707344U;
  RandomStream stream(StreamKey{seed, replication}, entity, purpose);
  for (std::uint64_t block = 0; block < 3; ++block) {
    const Words expected = philox({entity, purpose, block, 0}, {seed, replication});
    for (int word = 3; word >= 0; --word) {
      EXPECT_EQ(stream.bits(), expected[static_cast<std::size_t>(word)]) << block << " " << word;
    }
  }
}

TEST(PhiloxKat, UniformTakesTheTop53BitsCentred) {
  RandomStream stream(StreamKey{0, 0}, 0, 0);
  const std::uint64_t first = kPublished[0].expected[3];
  const double expected = (static_cast<double>(first >> 11) + 0.5) / 9007199254740992.0;  // 2^53
  EXPECT_EQ(stream.uniform(), expected);
}

}  // namespace
