#include "model/population.hpp"

#include <gtest/gtest.h>

#include "support/population_margins.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace parcours::model {
namespace {

using testing::categorical;
using testing::identity;
using testing::numeric;
using testing::two_durations;

// Statistical tests use this many clients and accept 4 standard errors: with a fixed seed they
// are deterministic, and a real bias of that size would be found.
constexpr std::size_t kDraws = 40000;
constexpr double kStandardErrors = 4.0;
constexpr std::uint32_t kPurpose = 3;

double binomial_tolerance(double p, std::size_t n) {
  return kStandardErrors * std::sqrt(p * (1 - p) / static_cast<double>(n));
}

// One stream per client, as the model makes them, so draws do not depend on each other.
std::vector<Profile> draw_many(const PopulationSource& source, std::size_t n,
                               std::uint64_t seed = 11) {
  std::vector<Profile> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    core::RandomStream rng(core::StreamKey{seed, 0}, i, kPurpose);
    source.draw(rng, out[i]);
  }
  return out;
}

double share(const std::vector<Profile>& profiles, const std::function<bool(const Profile&)>& f) {
  const auto count = std::count_if(profiles.begin(), profiles.end(), f);
  return static_cast<double>(count) / static_cast<double>(profiles.size());
}

// Φ⁻¹ by bisection on Φ: slow but obviously right, which is what a test needs.
double inverse_normal_cdf(double p) {
  double lo = -40.0;
  double hi = 40.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (standard_normal_cdf(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// P(Z1 > a, Z2 > b) for standard normals with correlation rho: conditioning on Z1 = x,
// Z2 > b has probability Φ((rho x - b) / sqrt(1 - rho²)); integrate over x > a (Simpson's rule;
// the normal density is below 1e-22 beyond 10 standard deviations).
double orthant_probability(double a, double b, double rho) {
  const double s = std::sqrt(1 - rho * rho);
  const auto f = [&](double x) {
    const double density = std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi);
    return density * standard_normal_cdf((rho * x - b) / s);
  };
  const double hi = std::max(a, 0.0) + 10.0;
  constexpr int kSteps = 20000;  // even
  const double h = (hi - a) / kSteps;
  double sum = f(a) + f(hi);
  for (int k = 1; k < kSteps; ++k) sum += (k % 2 == 1 ? 4.0 : 2.0) * f(a + k * h);
  return sum * h / 3;
}

// Ranks from 1, ties sharing their average rank.
std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return x[i] < x[j]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    const double average = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  const auto rx = ranks(x);
  const auto ry = ranks(y);
  const double n = static_cast<double>(x.size());
  const double mean = (n + 1) / 2;
  double sxy = 0;
  double sxx = 0;
  double syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  return sxy / std::sqrt(sxx * syy);
}

CorrelationMatrix two_by_two(double rho) { return {{1, rho}, {rho, 1}}; }

// Illustrative shares in the spirit of the published 2019 profile, not the scenario's.
std::vector<Margin> mixed_margins() {
  return {
      numeric(Attribute::kAge, {{0, 18}, {0.3, 29}, {0.613, 45}, {1, 64}}),  // 38.7 % aged 45+
      categorical(Attribute::kSingleParent, {0.889, 0.111}),
      categorical(Attribute::kSchooling, {0.35, 0.247, 0.253, 0.15}),
      categorical(Attribute::kIncomeSupport, {0.7, 0.2, 0.1}),
      categorical(Attribute::kRegion, {0.5, 0.0, 0.3, 0.2}),
      categorical(Attribute::kHealthConstraints, {0.69, 0.31}),
  };
}

CorrelationMatrix mixed_correlation() {
  return {
      {1.0, -0.2, -0.3, 0.1, 0.0, 0.3},   //
      {-0.2, 1.0, -0.1, 0.2, 0.0, 0.1},   //
      {-0.3, -0.1, 1.0, 0.0, 0.1, -0.2},  //
      {0.1, 0.2, 0.0, 1.0, 0.0, 0.2},     //
      {0.0, 0.0, 0.1, 0.0, 1.0, 0.0},     //
      {0.3, 0.1, -0.2, 0.2, 0.0, 1.0},    //
  };
}

TEST(CopulaPopulation, CategoricalFrequenciesMatchTheirProbabilities) {
  const CopulaPopulation population(mixed_margins(), mixed_correlation());
  const auto profiles = draw_many(population, kDraws);
  for (const Margin& m : population.margins()) {
    for (std::size_t k = 0; k < m.probabilities.size(); ++k) {
      const double p = m.probabilities[k];
      const double observed = share(profiles, [&](const Profile& c) {
        return get_attribute(c, m.attribute) == static_cast<double>(k);
      });
      // A zero-probability value must never appear, not merely rarely.
      const double tolerance = p == 0.0 ? 0.0 : binomial_tolerance(p, kDraws);
      EXPECT_NEAR(observed, p, tolerance) << name_of(m.attribute) << " = " << k;
    }
  }
}

TEST(CopulaPopulation, NumericMarginMatchesItsQuantiles) {
  const CopulaPopulation population(mixed_margins(), mixed_correlation());
  const auto profiles = draw_many(population, kDraws);
  // Points of the age margin and points inside its segments (linear interpolation).
  const std::vector<std::pair<double, double>> checks{
      {0.3, 29}, {0.613, 45}, {0.15, 23.5}, {0.8065, 54.5}};
  for (const auto& point : checks) {
    const double p = point.first;
    const double age = point.second;
    // Ages are rounded to whole years, so P(age < v) <= p <= P(age <= v) for the value v at p.
    const double below = share(profiles, [&](const Profile& c) { return c.age < age; });
    const double at_or_below = share(profiles, [&](const Profile& c) { return c.age <= age; });
    const double tolerance = binomial_tolerance(p, kDraws);
    EXPECT_LE(below, p + tolerance) << "age " << age;
    EXPECT_GE(at_or_below, p - tolerance) << "age " << age;
  }
  EXPECT_EQ(std::min_element(profiles.begin(), profiles.end(),
                             [](const Profile& x, const Profile& y) { return x.age < y.age; })
                ->age,
            18);
}

TEST(CopulaPopulation, SpearmanCorrelationMatchesTheLatentCorrelation) {
  for (const double rho : {-0.7, 0.0, 0.3, 0.8}) {
    const CopulaPopulation population(two_durations(), two_by_two(rho));
    const auto profiles = draw_many(population, kDraws);
    std::vector<double> x;
    std::vector<double> y;
    for (const Profile& p : profiles) {
      x.push_back(p.months_on_assistance);
      y.push_back(p.months_out_of_work);
    }
    // Spearman's rho of a Gaussian copula (Pearson, 1907); its standard error is at most about
    // 1 / sqrt(n).
    const double expected = 6 / std::numbers::pi * std::asin(rho / 2);
    EXPECT_NEAR(spearman(x, y), expected, kStandardErrors / std::sqrt(double{kDraws}))
        << "rho = " << rho;
  }
}

TEST(CopulaPopulation, JointBinaryProbabilityMatchesTheBivariateNormal) {
  const double p1 = 0.3;
  const double p2 = 0.6;
  for (const double rho : {-0.5, 0.0, 0.5}) {
    const CopulaPopulation population({categorical(Attribute::kSingleParent, {1 - p1, p1}),
                                       categorical(Attribute::kHealthConstraints, {1 - p2, p2})},
                                      two_by_two(rho));
    const auto profiles = draw_many(population, kDraws);
    // Value 1 is drawn when u > 1 - p, that is when the latent normal exceeds Φ⁻¹(1 - p).
    const double expected =
        orthant_probability(inverse_normal_cdf(1 - p1), inverse_normal_cdf(1 - p2), rho);
    const double both =
        share(profiles, [](const Profile& c) { return c.single_parent && c.health_constraints; });
    EXPECT_NEAR(both, expected, binomial_tolerance(expected, kDraws)) << "rho = " << rho;
  }
}

TEST(CopulaPopulation, OrthantProbabilityHelperIsRight) {
  // Checks of the test's own arithmetic: independence, and Sheppard's formula at the medians.
  EXPECT_NEAR(orthant_probability(inverse_normal_cdf(0.7), inverse_normal_cdf(0.4), 0.0), 0.3 * 0.6,
              1e-9);
  EXPECT_NEAR(orthant_probability(0, 0, 0.5), 0.25 + std::asin(0.5) / (2 * std::numbers::pi), 1e-9);
}

TEST(CopulaPopulation, IndependentWhenTheLatentCorrelationIsZero) {
  const double p1 = 0.111;
  const double p2 = 0.31;
  const CopulaPopulation population({categorical(Attribute::kSingleParent, {1 - p1, p1}),
                                     categorical(Attribute::kHealthConstraints, {1 - p2, p2})},
                                    identity(2));
  const auto profiles = draw_many(population, kDraws);
  for (const bool a : {false, true}) {
    for (const bool b : {false, true}) {
      const double expected = (a ? p1 : 1 - p1) * (b ? p2 : 1 - p2);
      const double observed = share(profiles, [&](const Profile& c) {
        return c.single_parent == a && c.health_constraints == b;
      });
      EXPECT_NEAR(observed, expected, binomial_tolerance(expected, kDraws)) << a << ", " << b;
    }
  }
}

TEST(CopulaPopulation, AttributesWithoutAMarginKeepTheirDefault) {
  const CopulaPopulation population({categorical(Attribute::kFemale, {0, 1})}, identity(1));
  Profile out;
  out.schooling = Schooling::kPostSecondary;  // left over from a previous client
  out.needs = 0xF;
  core::RandomStream rng(core::StreamKey{1, 0}, 1, kPurpose);
  population.draw(rng, out);
  EXPECT_TRUE(out.female);
  EXPECT_EQ(out.schooling, Profile{}.schooling);
  EXPECT_EQ(out.needs, Profile{}.needs);
}

TEST(CopulaPopulation, SameStreamGivesTheSameProfile) {
  const CopulaPopulation population(mixed_margins(), mixed_correlation());
  int differing = 0;
  for (std::uint64_t id = 0; id < 100; ++id) {
    Profile first;
    Profile second;
    Profile other;
    core::RandomStream a(core::StreamKey{5, 2}, id, kPurpose);
    core::RandomStream b(core::StreamKey{5, 2}, id, kPurpose);
    core::RandomStream c(core::StreamKey{5, 2}, id + 1000, kPurpose);
    population.draw(a, first);
    population.draw(b, second);
    population.draw(c, other);
    bool same_as_other = true;
    for (std::size_t i = 0; i < kAttributeCount; ++i) {
      const auto attribute = static_cast<Attribute>(i);
      EXPECT_EQ(get_attribute(first, attribute), get_attribute(second, attribute));
      same_as_other =
          same_as_other && get_attribute(first, attribute) == get_attribute(other, attribute);
    }
    differing += same_as_other ? 0 : 1;
  }
  EXPECT_GT(differing, 50);  // the draws do depend on the stream
}

TEST(CopulaPopulation, WithoutMarginsDrawsTheDefaultProfile) {
  const CopulaPopulation population({}, {});
  Profile out;
  out.age = 50;
  core::RandomStream rng;
  population.draw(rng, out);
  EXPECT_EQ(out.age, Profile{}.age);
}

TEST(ResampledPopulation, PicksEveryRowWithEqualFrequency) {
  std::vector<Profile> rows(5);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].age = static_cast<std::uint8_t>(20 + i);
  const ResampledPopulation population(rows);
  EXPECT_EQ(population.size(), 5U);
  const auto profiles = draw_many(population, kDraws);
  const double p = 1.0 / static_cast<double>(rows.size());
  for (const Profile& row : rows) {
    const double observed = share(profiles, [&](const Profile& c) { return c.age == row.age; });
    EXPECT_NEAR(observed, p, binomial_tolerance(p, kDraws)) << "row of age " << int{row.age};
  }
}

TEST(ResampledPopulation, CopiesTheWholeRow) {
  Profile row;
  row.age = 52;
  row.single_parent = true;
  row.months_on_assistance = 130;
  row.needs = 0b1010;
  const ResampledPopulation population({row});
  Profile out;
  core::RandomStream rng;
  population.draw(rng, out);
  for (std::size_t i = 0; i < kAttributeCount; ++i) {
    const auto a = static_cast<Attribute>(i);
    EXPECT_EQ(get_attribute(out, a), get_attribute(row, a)) << name_of(a);
  }
}

}  // namespace
}  // namespace parcours::model
