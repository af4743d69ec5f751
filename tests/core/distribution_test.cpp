#include "core/distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parcours::core {
namespace {

// Sample mean of each family against its exact mean, within 4 standard errors (the sample
// standard deviation estimates the family's own).
void expect_sample_mean_matches(const Distribution& d, std::uint32_t purpose) {
  RandomStream rng(StreamKey{9, 0}, 1, purpose);
  const int n = 100000;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = d.sample(rng);
    ASSERT_GE(x, 0.0) << d.describe();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, sum_sq / n - mean * mean));
  EXPECT_NEAR(mean, d.mean(), 4.0 * sd / std::sqrt(n) + 1e-12) << d.describe();
}

TEST(Distribution, SampleMeansMatchExactMeans) {
  using F = Distribution::Family;
  expect_sample_mean_matches({F::kFixed, 3, 0, 0}, 1);
  expect_sample_mean_matches({F::kExponential, 2, 0, 0}, 2);
  expect_sample_mean_matches({F::kUniform, 1, 5, 0}, 3);
  expect_sample_mean_matches({F::kLognormal, 4, 2, 0}, 4);
  expect_sample_mean_matches({F::kWeibull, 0.8, 40, 0}, 5);
  expect_sample_mean_matches({F::kTriangular, 1, 2, 6}, 6);
}

TEST(Distribution, ScalingConvertsUnitsButNotTheWeibullShape) {
  const Distribution weeks{Distribution::Family::kWeibull, 0.8, 40, 0};
  const Distribution days = weeks.scaled(7.0);
  EXPECT_EQ(days.a, 0.8);
  EXPECT_EQ(days.b, 280.0);
  EXPECT_NEAR(days.mean(), 7.0 * weeks.mean(), 1e-9);
  EXPECT_EQ(Distribution::exponential(2).scaled(7).describe(), "exponential(mean=14)");
}

}  // namespace
}  // namespace parcours::core
