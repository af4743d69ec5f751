#include "experiment/joint_calibration.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "experiment/distributor.hpp"
#include "experiment/targets.hpp"
#include "io/input_error.hpp"
#include "support/scenarios.hpp"

namespace parcours::experiment {
namespace {

// Two targets that are linear in two parameters with the same noise at every point, as common
// random numbers give: t1 = x + y + e_r, t2 = x - 2 y + e_r. Targets 1.1 and -0.4 are met at
// x = 0.5, y = 0.5 (mean of e = 0.1), and nowhere else.
const std::vector<double> kNoise{0.3, -0.2, 0.5, 0.1, -0.2};

std::vector<std::vector<double>> linear(const std::vector<double>& p) {
  std::vector<std::vector<double>> values(2);
  for (const double e : kNoise) {
    values[0].push_back(p[0] + p[1] + e);
    values[1].push_back(p[0] - 2 * p[1] + e);
  }
  return values;
}

TEST(JointCalibration, FindsBothParametersOfALinearModel) {
  const JointCalibration c = calibrate_jointly(linear, {{"x", 0, 1}, {"y", 0, 2}},
                                               {{"t1", 1.1, 0.01}, {"t2", -0.4, 0.01}}, 1e-6, 500);
  EXPECT_TRUE(c.converged);
  EXPECT_NEAR(c.value[0], 0.5, 1e-4);
  EXPECT_NEAR(c.value[1], 0.5, 1e-4);
  EXPECT_LT(c.objective, 1e-4);
  EXPECT_NEAR(c.slopes[0][0], 1, 1e-9);
  EXPECT_NEAR(c.slopes[1][1], -2, 1e-9);
  // The same noise in both targets moves t1 - t2 = 3 y not at all: y is known exactly, and x
  // carries the whole noise (se of the mean of e, times t(4)). Zero up to rounding: the
  // square root turns a variance of 1e-17 left by the products into a width of 1e-9.
  EXPECT_LT(c.ci95_high[1] - c.ci95_low[1], 1e-6 * (c.ci95_high[0] - c.ci95_low[0]));
  EXPECT_GT(c.ci95_high[0] - c.value[0], 0.1);
  EXPECT_TRUE(c.moves_a_target[0]);
  EXPECT_TRUE(c.moves_a_target[1]);
  for (const JointEvaluation& e : c.evaluations) {
    EXPECT_GE(e.x[0], 0);
    EXPECT_LE(e.x[1], 2) << "no point outside the bounds";
  }
}

TEST(JointCalibration, SaysWhichParameterMovesNoTarget) {
  const auto ignores_z = [](const std::vector<double>& p) {
    return std::vector<std::vector<double>>{{p[0], p[0] + 0.01}};
  };
  const JointCalibration c =
      calibrate_jointly(ignores_z, {{"x", 0, 1}, {"z", 0, 1}}, {{"t", 0.3, 0.01}}, 1e-6, 500);
  EXPECT_NEAR(c.value[0], 0.295, 1e-4);
  EXPECT_TRUE(c.moves_a_target[0]);
  EXPECT_FALSE(c.moves_a_target[1]);
  EXPECT_TRUE(std::isnan(c.ci95_low[1])) << "no interval for an unidentified parameter";
  // The identified one keeps its interval: the noise (0.01 between two replications) of the
  // mean, times t(1), around its value.
  EXPECT_LT(c.ci95_low[0], c.value[0]);
  EXPECT_GT(c.ci95_high[0], c.value[0]);
}

TEST(JointCalibration, RefusesEmptyBounds) {
  EXPECT_THROW(calibrate_jointly(linear, {{"x", 1, 1}, {"y", 0, 2}}, {{"t1", 1, 1}}),
               io::InputError);
}

// The small scenario with known constant hazards: dropout 0.02 a week in the parcours, job
// finding 0.125 a week after it. Published figures are made from 40 replications of it under
// another seed; joint calibration from 10 replications must find both rates within their
// intervals.
Target share_of(const std::string& id, const std::string& numerator, double value) {
  Target t;
  t.id = id;
  t.numerator = numerator;
  t.denominator = "parcours_started";
  t.value = value;
  t.source = "the same scenario at its known rates, seed 1234";
  t.tolerance = Tolerance{0.01, false};
  return t;
}

std::vector<ReplicationResult> run_at(double dropout, double job, std::uint64_t seed, int reps) {
  RunSettings s;
  s.source = policy::ScenarioSource{"s.lua", parcours::testing::kSmallScenario, {}, false};
  s.overrides.push_back(policy::parse_override("scenario.seed=" + std::to_string(seed)));
  s.overrides.push_back(policy::parse_override(
      "parcours.dropout={family=\"constant\",rate_per_week=" + std::to_string(dropout) + "}"));
  s.overrides.push_back(policy::parse_override(
      "job_search.after_parcours={family=\"constant\",rate_per_week=" + std::to_string(job) + "}"));
  s.replications = reps;
  LocalDistributor local;
  return run_points(local, {s}, 2, {}).front();
}

double mean_of(const Target& t, const std::vector<ReplicationResult>& results) {
  double sum = 0;
  for (const ReplicationResult& r : results) sum += t.of(r);
  return sum / static_cast<double>(results.size());
}

TEST(JointCalibration, RecoversTwoKnownHazardsFromTwoTargets) {
  constexpr double kDropout = 0.02;
  constexpr double kJob = 0.125;
  std::vector<Target> targets{share_of("dropout", "parcours_ended_dropout", 0),
                              share_of("employed", "employed_within_followup_of_parcours", 0)};
  const std::vector<ReplicationResult> published = run_at(kDropout, kJob, 1234, 40);
  for (Target& t : targets) t.value = mean_of(t, published);

  const JointEvaluator evaluate = [&](const std::vector<double>& x) {
    std::vector<std::vector<double>> values(targets.size());
    for (const ReplicationResult& r : run_at(x[0], x[1], 7, 10)) {
      for (std::size_t k = 0; k < targets.size(); ++k) values[k].push_back(targets[k].of(r));
    }
    return values;
  };
  const JointCalibration c = calibrate_jointly(
      evaluate, {{"dropout", 0.005, 0.05}, {"job", 0.05, 0.3}},
      {{"dropout", targets[0].value, 0.01}, {"employed", targets[1].value, 0.01}}, 1e-3, 0,
      [](std::size_t, double x) { return std::stod(std::to_string(x)); });
  EXPECT_LE(c.ci95_low[0], kDropout);
  EXPECT_GE(c.ci95_high[0], kDropout);
  EXPECT_LE(c.ci95_low[1], kJob);
  EXPECT_GE(c.ci95_high[1], kJob);
  // The intervals say something: each narrower than a third of its bounds.
  EXPECT_LT(c.ci95_high[0] - c.ci95_low[0], 0.015);
  EXPECT_LT(c.ci95_high[1] - c.ci95_low[1], 0.25 / 3);
  EXPECT_TRUE(c.moves_a_target[0]);
  EXPECT_TRUE(c.moves_a_target[1]);
}

}  // namespace
}  // namespace parcours::experiment
