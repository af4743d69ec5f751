#include "core/random_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace parcours::core {
namespace {

constexpr StreamKey kKey{42, 0};

std::vector<double> draw(RandomStream s, int n) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(s.uniform());
  return v;
}

TEST(RandomStream, SameNameSameDraws) {
  EXPECT_EQ(draw(RandomStream(kKey, 7, 1), 100), draw(RandomStream(kKey, 7, 1), 100));
}

TEST(RandomStream, EachNamePartChangesTheDraws) {
  const auto base = draw(RandomStream(kKey, 7, 1), 10);
  EXPECT_NE(base, draw(RandomStream(StreamKey{43, 0}, 7, 1), 10));  // seed
  EXPECT_NE(base, draw(RandomStream(StreamKey{42, 1}, 7, 1), 10));  // replication
  EXPECT_NE(base, draw(RandomStream(kKey, 8, 1), 10));              // entity
  EXPECT_NE(base, draw(RandomStream(kKey, 7, 2), 10));              // purpose
}

TEST(RandomStream, OneEntitysDrawsDoNotDependOnOthers) {
  // Interleaving draws of other entities must not shift entity 5's sequence.
  RandomStream alone(kKey, 5, 0);
  std::vector<double> expected = draw(alone, 20);
  RandomStream five(kKey, 5, 0);
  std::vector<double> got;
  for (int i = 0; i < 20; ++i) {
    RandomStream other(kKey, 1000 + static_cast<std::uint64_t>(i), 0);
    for (int j = 0; j < i; ++j) other.uniform();
    got.push_back(five.uniform());
  }
  EXPECT_EQ(got, expected);
}

TEST(RandomStream, UniformIsOpenAndHasTheRightMoments) {
  RandomStream s(kKey, 1, 1);
  const int n = 200000;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_sq += u * u;
  }
  const double mean = sum / n;
  // Standard error of the mean of U(0,1) is sqrt(1/12/n); allow 4 standard errors.
  EXPECT_NEAR(mean, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(sum_sq / n - mean * mean, 1.0 / 12.0, 0.002);
}

TEST(RandomStream, ExponentialMeanWithinFourStandardErrors) {
  RandomStream s(kKey, 2, 1);
  const int n = 100000;
  const double mean = 3.0;
  double sum = 0.0;
  for (int i = 0; i < n; ++i) sum += s.exponential(mean);
  EXPECT_NEAR(sum / n, mean, 4.0 * mean / std::sqrt(n));
}

TEST(RandomStream, NormalMomentsWithinTolerance) {
  RandomStream s(kKey, 3, 1);
  const int n = 100000;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = s.normal(10.0, 2.0);
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 10.0, 4.0 * 2.0 / std::sqrt(n));
  // sd of the sample variance of a normal is sigma^2 sqrt(2/(n-1)).
  EXPECT_NEAR(sum_sq / n - mean * mean, 4.0, 4.0 * 4.0 * std::sqrt(2.0 / (n - 1)));
}

TEST(RandomStream, WeibullSurvivalMatchesAtTheScale) {
  // P(T > scale) = exp(-1) for any shape.
  RandomStream s(kKey, 4, 1);
  const int n = 100000;
  int above = 0;
  for (int i = 0; i < n; ++i) above += s.weibull(0.7, 5.0) > 5.0 ? 1 : 0;
  const double p = std::exp(-1.0);
  EXPECT_NEAR(static_cast<double>(above) / n, p, 4.0 * std::sqrt(p * (1 - p) / n));
}

TEST(RandomStream, BelowCoversTheRangeEvenly) {
  RandomStream s(kKey, 5, 1);
  std::vector<int> counts(6, 0);
  const int n = 60000;
  for (int i = 0; i < n; ++i) ++counts[s.below(6)];
  for (int c : counts) EXPECT_NEAR(c, n / 6.0, 4.0 * std::sqrt(n * (1.0 / 6) * (5.0 / 6)));
}

}  // namespace
}  // namespace parcours::core
