#include "experiment/calibrate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/student_t.hpp"
#include "io/input_error.hpp"

namespace parcours::experiment {
namespace {

// Five replications of g_r(x) = 2 x + e_r: the same e_r at every x, as common random numbers
// give. The mean is 2 x + mean(e) = 2 x + 0.1, so mean = 1 at x = 0.45 exactly.
const std::vector<double> kNoise{0.3, -0.2, 0.5, 0.1, -0.2};

std::vector<double> linear(double x) {
  std::vector<double> values;
  for (const double e : kNoise) values.push_back(2 * x + e);
  return values;
}

TEST(Calibrate, FindsTheRootOfTheCrnMeanWithADeltaMethodInterval) {
  const Calibration c = calibrate(linear, 0, 3, 1.0, 1e-6);
  EXPECT_TRUE(c.converged);
  EXPECT_NEAR(c.value, 0.45, 1e-6);
  EXPECT_NEAR(c.at_value.mean, 1.0, 1e-6);
  EXPECT_NEAR(c.slope, 2, 1e-9);
  EXPECT_EQ(c.replications, 5);
  // sd of the e_r over sqrt(5), times t(4), divided by the slope.
  double m = 0;
  for (const double e : kNoise) m += e / 5;
  double ss = 0;
  for (const double e : kNoise) ss += (e - m) * (e - m);
  const double half = core::student_t_quantile(0.975, 4) * std::sqrt(ss / 4 / 5) / 2;
  EXPECT_NEAR(c.ci95_high - c.value, half, 1e-9);
  EXPECT_NEAR(c.value - c.ci95_low, half, 1e-9);
  EXPECT_LT(c.evaluations.size(), 12U) << "a linear mean takes a handful of steps";
}

TEST(Calibrate, ConvergesOnAStepFunctionToTheJump) {
  // Counts of events move in steps: mean(x) = floor(10 x) / 10, target 0.55 is never hit;
  // the bracket closes on the jump at x = 0.6.
  const auto steps = [](double x) { return std::vector<double>{std::floor(10 * x) / 10}; };
  const Calibration c = calibrate(steps, 0, 1, 0.55, 1e-4);
  EXPECT_TRUE(c.converged);
  EXPECT_NEAR(c.value, 0.6, 1e-4);
  EXPECT_TRUE(std::isnan(c.ci95_low)) << "no interval from one replication";
}

TEST(Calibrate, DecreasingFunctionsWorkToo) {
  // Two identical replications: no noise, so the search goes down to the tolerance.
  const auto falling = [](double x) { return std::vector<double>{5 - x * x, 5 - x * x}; };
  const Calibration c = calibrate(falling, 0, 2, 2.0, 1e-8);
  EXPECT_TRUE(c.converged);
  EXPECT_NEAR(c.value, std::sqrt(3.0), 1e-6);
  EXPECT_LT(c.slope, 0);
  EXPECT_EQ(c.ci95_low, c.value) << "no spread, no interval width";
}

TEST(Calibrate, StopsOnceTheMeanIsWithinItsNoiseOfTheTarget) {
  // A curved mean with a wide spread (sd 1 over 4 replications: standard error 0.5): anything
  // within 0.05 of the target is as good as the root, and the search stops there, well before
  // the bracket reaches the tolerance.
  const auto curved = [](double x) {
    return std::vector<double>{x * x - 1, x * x + 1, x * x - 1, x * x + 1};
  };
  const Calibration c = calibrate(curved, 0, 10, 50.0, 1e-12);
  EXPECT_TRUE(c.converged);
  EXPECT_NEAR(c.at_value.mean, 50.0, 0.1 * std::sqrt(4.0 / 3) / 2);
  EXPECT_LT(c.evaluations.size(), 20U);
  EXPECT_GT(std::abs(c.value - std::sqrt(50.0)), 1e-9) << "it did not chase the exact root";
}

TEST(Calibrate, EvaluatesOnlyValuesTheParameterCanTake) {
  // An integer parameter (agents): every evaluation at a whole number, and the search ends
  // when no whole number is left inside the bracket.
  const auto agents = [](double x) { return std::vector<double>{100 / x, 100 / x + 1}; };
  const Calibration c = calibrate(agents, 1, 40, 12.0, 1.0, [](double x) { return std::round(x); });
  for (const Evaluation& e : c.evaluations) EXPECT_EQ(e.x, std::round(e.x)) << e.x;
  EXPECT_TRUE(c.value == 8 || c.value == 9) << c.value;  // 100 / x + 0.5 = 12 at x = 8.7
  EXPECT_LT(c.evaluations.size(), 15U);
}

TEST(Calibrate, TargetOutsideTheBoundsIsAnError) {
  try {
    calibrate(linear, 0, 1, 7.0, 1e-6);
    ADD_FAILURE() << "no error";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--bounds: the target 7 is not between"),
              std::string::npos)
        << e.what();
  }
}

ReplicationResult result() {
  ReplicationResult r;
  r.groups = {{"all", "all"}, {"region", "x"}};
  for (const int year : {2025, 2026}) {
    const core::FiscalQuarter p{year, 1};
    r.yearly.push_back({p, 0, "parcours_started", 100.0 * (year - 2024)});
    r.yearly.push_back({p, 0, "parcours_ended_dropout", 10.0 * (year - 2024) + 5});
    r.yearly.push_back({p, 1, "parcours_ended_dropout", 1000});
  }
  return r;
}

TEST(Calibrate, TargetsAreIndicatorsOrRatiosOverAYearOrEveryYear) {
  EXPECT_DOUBLE_EQ(parse_target("parcours_ended_dropout", "", 0).of(result()), 15 + 25);
  EXPECT_DOUBLE_EQ(parse_target("parcours_ended_dropout/parcours_started", "", 0).of(result()),
                   40.0 / 300);
  const CalibrationTarget t =
      parse_target("parcours_ended_dropout/parcours_started", "2026-2027", 0.1);
  EXPECT_DOUBLE_EQ(t.of(result()), 25.0 / 200);
  EXPECT_EQ(t.name(), "parcours_ended_dropout/parcours_started");
  EXPECT_EQ(parse_target("a", "2026", 0).fiscal_year, 2026);
}

TEST(Calibrate, BadTargetsAreClearErrors) {
  EXPECT_THROW(parse_target("a/", "", 0), io::InputError);
  EXPECT_THROW(parse_target("a", "2025-2027", 0), io::InputError);
  EXPECT_THROW(parse_target("a", "next year", 0), io::InputError);
  try {
    (void)parse_target("parcours_ended_dropot", "", 0).of(result());
    ADD_FAILURE() << "no error";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'parcours_ended_dropout'"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW((void)parse_target("parcours_started", "2030-2031", 0).of(result()), io::InputError);
}

}  // namespace
}  // namespace parcours::experiment
