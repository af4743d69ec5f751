#include "model/hazard.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/random_stream.hpp"

#include "support/text.hpp"

namespace parcours::model {
namespace {

using testing::contains;

constexpr core::StreamKey kKey{2024, 0};
constexpr double kInf = std::numeric_limits<double>::infinity();

// A family with its exact survival function S(t; m) written out by hand, independently of
// Hazard::cumulative.
struct Case {
  std::string name;
  Hazard hazard;
  std::function<double(double t, double m)> exact_survival;
};

std::vector<Case> cases() {
  const double rate = 1.0 / 30;
  return {
      {"constant", Hazard::constant(rate),
       [rate](double t, double m) { return std::exp(-m * rate * t); }},
      {"weibull increasing", Hazard::weibull(1.5, 40),
       [](double t, double m) { return std::exp(-m * std::pow(t / 40, 1.5)); }},
      {"weibull decreasing", Hazard::weibull(0.7, 60),
       [](double t, double m) { return std::exp(-m * std::pow(t / 60, 0.7)); }},
      // Weekly rates 1/20, 1/40, then 1/80 forever. H at the times used below, by hand.
      {"piecewise", Hazard::piecewise_constant({1.0 / 20, 1.0 / 40, 1.0 / 80}, 7),
       [](double t, double m) {
         double big_h = 0;
         if (t == 3) big_h = 3.0 / 20;
         if (t == 10) big_h = 7.0 / 20 + 3.0 / 40;
         if (t == 30) big_h = 7.0 / 20 + 7.0 / 40 + 16.0 / 80;
         if (t == 90) big_h = 7.0 / 20 + 7.0 / 40 + 76.0 / 80;
         return std::exp(-m * big_h);
       }},
  };
}

const std::vector<double> kTimes = {3, 10, 30, 90};   // days
const std::vector<double> kMultipliers = {1.0, 2.5};  // proportional-hazards multipliers

// |observed share - p| within 4 binomial standard errors.
void expect_share(double count, double n, double p, const std::string& what) {
  EXPECT_NEAR(count / n, p, 4.0 * std::sqrt(p * (1 - p) / n)) << what;
}

TEST(Hazard, SurvivalFunctionIsTheExactFormula) {  // rules D5, D6
  for (const Case& c : cases()) {
    ASSERT_EQ(c.hazard.validate(), "") << c.name;
    for (const double m : kMultipliers) {
      for (const double t : kTimes) {
        EXPECT_NEAR(c.hazard.survival(t, m), c.exact_survival(t, m), 1e-12)
            << c.name << " m=" << m << " t=" << t;
      }
    }
  }
}

TEST(Hazard, SampledSurvivalMatchesTheExactFormula) {  // rules D5, D6
  const int n = 40000;
  for (const Case& c : cases()) {
    for (const double m : kMultipliers) {
      core::RandomStream rng(kKey, 1, 1);
      std::vector<double> survivors(kTimes.size(), 0.0);
      for (int i = 0; i < n; ++i) {
        const double t = c.hazard.sample(rng, m);
        for (std::size_t k = 0; k < kTimes.size(); ++k) survivors[k] += t > kTimes[k] ? 1 : 0;
      }
      for (std::size_t k = 0; k < kTimes.size(); ++k) {
        expect_share(survivors[k], n, c.exact_survival(kTimes[k], m),
                     c.name + " m=" + std::to_string(m) + " t=" + std::to_string(kTimes[k]));
      }
    }
  }
}

TEST(Hazard, ZeroLastRateMayNeverHappen) {  // rule D6: some clients never abandon
  const Hazard h = Hazard::piecewise_constant({0.02, 0.01, 0.0}, 7);
  const double h_infinity = 0.02 * 7 + 0.01 * 7;
  const double m = 3;
  EXPECT_DOUBLE_EQ(h.cumulative(kInf), h_infinity);
  EXPECT_DOUBLE_EQ(h.survival(kInf, m), std::exp(-m * h_infinity));
  EXPECT_EQ(h.inverse_cumulative(h_infinity * 1.001), kInf);

  const int n = 40000;
  core::RandomStream rng(kKey, 2, 1);
  double never = 0;
  for (int i = 0; i < n; ++i) {
    const double t = h.sample(rng, m);
    if (t == kInf) {
      ++never;
    } else {
      EXPECT_LE(t, 14.0);  // all the hazard is in the first two weeks
    }
  }
  expect_share(never, n, std::exp(-m * h_infinity), "never");
}

TEST(Hazard, WeibullWithShapeOneIsTheConstant) {
  const double rate = 1.0 / 25;
  const Hazard constant = Hazard::constant(rate);
  const Hazard weibull = Hazard::weibull(1, 1 / rate);
  for (const double t : kTimes) {
    EXPECT_NEAR(weibull.cumulative(t), constant.cumulative(t), 1e-12 * t);
    EXPECT_NEAR(weibull.survival(t, 2), constant.survival(t, 2), 1e-12);
  }
  for (std::uint64_t id = 0; id < 100; ++id) {
    core::RandomStream a(kKey, id, 1);
    core::RandomStream b(kKey, id, 1);
    const double ta = constant.sample(a, 1.7);
    EXPECT_NEAR(weibull.sample(b, 1.7), ta, 1e-12 * ta);
  }
}

// Moving a duration from core::Distribution to a Hazard keeps each client's draw (common random
// numbers across scenarios that switch).
TEST(Hazard, SameDrawsAsTheCoreSamplersOnTheSameStream) {
  for (std::uint64_t id = 0; id < 100; ++id) {
    core::RandomStream a(kKey, id, 1);
    core::RandomStream b(kKey, id, 1);
    const double expected = a.exponential(30);
    EXPECT_NEAR(Hazard::constant(1.0 / 30).sample(b), expected, 1e-12 * expected);
    const double weibull = a.weibull(1.5, 40);
    EXPECT_NEAR(Hazard::weibull(1.5, 40).sample(b), weibull, 1e-12 * weibull);
  }
}

TEST(Hazard, InverseCumulativeUndoesCumulative) {
  const std::vector<double> times = {0.5, 6.99, 7, 7.01, 13.9, 30, 365};
  for (const Case& c : cases()) {
    for (const double t : times) {
      EXPECT_NEAR(c.hazard.inverse_cumulative(c.hazard.cumulative(t)), t, 1e-12 * t)
          << c.name << " t=" << t;
    }
    EXPECT_EQ(c.hazard.inverse_cumulative(0), 0) << c.name;
  }
}

TEST(Hazard, InverseCumulativeIsTheSmallestTimeOverAFlatStretch) {
  // No hazard in the second week: H is flat on [7, 14], so H^{-1}(H(10)) is 7, not 10.
  const Hazard h = Hazard::piecewise_constant({0.1, 0.0, 0.2}, 7);
  EXPECT_DOUBLE_EQ(h.cumulative(10), 0.7);
  EXPECT_DOUBLE_EQ(h.inverse_cumulative(h.cumulative(10)), 7);
  EXPECT_DOUBLE_EQ(h.inverse_cumulative(0.9), 15);
}

TEST(Hazard, MeanOfTheConstantIsOneOverMultiplierTimesRate) {  // rule D6
  const double rate = 0.02;
  const double m = 1.5;
  const double mean = 1 / (m * rate);  // and the exponential's sd equals its mean
  const int n = 100000;
  core::RandomStream rng(kKey, 3, 1);
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += Hazard::constant(rate).sample(rng, m);
  EXPECT_NEAR(sum / n, mean, 4 * mean / std::sqrt(n));
}

TEST(Hazard, NoneNeverHappens) {
  const Hazard h = Hazard::none();
  core::RandomStream rng(kKey, 4, 1);
  EXPECT_EQ(h.validate(), "");
  EXPECT_EQ(h.sample(rng), kInf);
  EXPECT_EQ(h.cumulative(1000), 0);
  EXPECT_EQ(h.survival(kInf, 5), 1);
  EXPECT_EQ(h.inverse_cumulative(0.5), kInf);
  // A zero rate or a zero multiplier: no risk either.
  EXPECT_EQ(Hazard::constant(0).sample(rng), kInf);
  EXPECT_EQ(Hazard::constant(0.1).sample(rng, 0), kInf);
  EXPECT_EQ(Hazard::constant(0.1).survival(kInf, 0), 1);
}

TEST(Hazard, ValidateExplainsWhatIsWrong) {
  EXPECT_EQ(Hazard::constant(0.1).validate(), "");
  EXPECT_EQ(Hazard::constant(0).validate(), "");
  EXPECT_EQ(Hazard::weibull(0.5, 10).validate(), "");
  EXPECT_EQ(Hazard::piecewise_constant({0.1, 0}).validate(), "");

  const std::string negative_rate = Hazard::constant(-0.1).validate();
  EXPECT_TRUE(contains(negative_rate, "rate")) << negative_rate;
  EXPECT_TRUE(contains(negative_rate, "-0.1")) << negative_rate;
  EXPECT_NE(Hazard::constant(std::nan("")).validate(), "");

  const std::string shape = Hazard::weibull(0, 10).validate();
  EXPECT_TRUE(contains(shape, "shape")) << shape;
  const std::string scale = Hazard::weibull(1, -3).validate();
  EXPECT_TRUE(contains(scale, "scale")) << scale;

  const std::string empty = Hazard::piecewise_constant({}).validate();
  EXPECT_TRUE(contains(empty, "at least one rate")) << empty;
  const std::string step = Hazard::piecewise_constant({0.1}, 0).validate();
  EXPECT_TRUE(contains(step, "step")) << step;
  const std::string bad = Hazard::piecewise_constant({0.1, -0.2, 0.3}).validate();
  EXPECT_TRUE(contains(bad, "rate 2 of 3")) << bad;
  EXPECT_TRUE(contains(bad, "-0.2")) << bad;
}

TEST(Hazard, SameStreamSameDrawAndOneDrawPerSample) {
  for (const Case& c : cases()) {
    core::RandomStream a(kKey, 5, 1);
    core::RandomStream b(kKey, 5, 1);
    core::RandomStream other(kKey, 6, 1);
    const double t = c.hazard.sample(a, 2);
    EXPECT_EQ(c.hazard.sample(b, 2), t) << c.name;
    EXPECT_NE(c.hazard.sample(other, 2), t) << c.name;
    EXPECT_EQ(a.draws(), 1U) << c.name;
  }
  // Even when the event cannot happen, so switching family keeps later draws aligned.
  core::RandomStream rng(kKey, 7, 1);
  (void)Hazard::none().sample(rng);
  (void)Hazard::constant(0.1).sample(rng, 0);
  EXPECT_EQ(rng.draws(), 2U);
}

TEST(HazardMultiplier, IsTheExponentialOfTheLinearPredictor) {  // rules D1, D5, D6
  const std::vector<double> betas = {0.3, -0.5};
  const std::vector<double> x = {2, 1};  // e.g. two limiting characteristics, intensity 1
  EXPECT_DOUBLE_EQ(hazard_multiplier(betas, x), std::exp(0.3 * 2 - 0.5 * 1));
  EXPECT_EQ(hazard_multiplier({}, {}), 1);
  const std::vector<double> short_x = {2};
  EXPECT_THROW((void)hazard_multiplier(betas, short_x), std::invalid_argument);
}

}  // namespace
}  // namespace parcours::model
