// Probabilistic sensitivity analysis (issue 15): the uncertain parameters ranked by the share
// of each indicator's variance across replications they explain.

#include "experiment/uncertainty_ranking.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

#include "experiment/distributor.hpp"
#include "experiment/results_writer.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::experiment {
namespace {

using parcours::testing::kSmallScenario;
using parcours::testing::replace;

// Replications whose indicator "jobs" (all clients, 2025-2026) is `response(a, b)` of the drawn
// values a and b; a second group's row and a constant indicator ride along.
template <typename Response>
std::vector<ReplicationResult> synthetic(int n, Response response) {
  std::vector<ReplicationResult> results;
  for (int r = 0; r < n; ++r) {
    // Two unrelated low-discrepancy sequences on [0, 1): stand-ins for independent draws.
    const double a = std::fmod(0.5 + r * 0.6180339887498949, 1.0);
    const double b = std::fmod(0.25 + r * 0.7548776662466927, 1.0);
    ReplicationResult result;
    result.replication = r;
    result.parameters = {{"parcours.dropout.rate_per_week", a}, {"retention.share", b}};
    const core::FiscalQuarter year{2025, 1};
    result.yearly = {{year, 0, "jobs", response(a, b, r)},
                     {year, 1, "jobs", 1e6 * a * b},
                     {year, 0, "constant", 4.0}};
    results.push_back(std::move(result));
  }
  return results;
}

TEST(UncertaintyRanking, ALinearResponseIsSplitByItsStandardisedCoefficients) {
  const auto results =
      synthetic(30, [](double a, double b, int) { return 100.0 + 8.0 * a - 2.0 * b; });
  const UncertaintyRanking ranking = rank_uncertain_parameters(results);
  ASSERT_EQ(ranking.parameters.size(), 2U);
  EXPECT_EQ(ranking.replications, 30);
  ASSERT_EQ(ranking.rows.size(), 2U) << "all clients only; a constant has nothing to explain";
  // Exact: SRC_j = coefficient x sd(x_j) / sd(y), computed here from the draws themselves.
  auto sd = [&](auto value) {
    double mean = 0;
    for (const auto& r : results) mean += value(r) / 30.0;
    double sum = 0;
    for (const auto& r : results) sum += (value(r) - mean) * (value(r) - mean);
    return std::sqrt(sum / 29.0);
  };
  const double sd_a = sd([](const ReplicationResult& r) { return r.parameters[0].second; });
  const double sd_b = sd([](const ReplicationResult& r) { return r.parameters[1].second; });
  const double sd_y = sd([](const ReplicationResult& r) { return r.yearly[0].value; });
  EXPECT_EQ(ranking.rows[0].parameter, 0U);
  EXPECT_NEAR(ranking.rows[0].standardised_coefficient, 8.0 * sd_a / sd_y, 1e-9);
  EXPECT_NEAR(ranking.rows[1].standardised_coefficient, -2.0 * sd_b / sd_y, 1e-9);
  EXPECT_NEAR(ranking.rows[0].variance_share, std::pow(8.0 * sd_a / sd_y, 2), 1e-9);
  EXPECT_NEAR(ranking.rows[0].r_squared, 1.0, 1e-9);
  // Partial rank correlations carry the coefficients' signs; ranks of a sum are not a sum of
  // ranks, so they are not exactly +1 and -1.
  EXPECT_GT(ranking.rows[0].partial_rank_correlation, 0.9);
  EXPECT_LT(ranking.rows[1].partial_rank_correlation, -0.5);
  EXPECT_EQ(ranking.rows[0].fiscal_year, 2025);
  EXPECT_EQ(ranking.rows[0].indicator, "jobs");
}

TEST(UncertaintyRanking, AParameterThatDrivesNothingComesLastWithNoShare) {
  // y follows a through a monotone curve, plus noise that neither parameter explains.
  const auto results = synthetic(
      40, [](double a, double, int r) { return std::exp(3.0 * a) + 0.05 * std::sin(12.9898 * r); });
  const UncertaintyRanking ranking = rank_uncertain_parameters(results);
  ASSERT_EQ(ranking.rows.size(), 2U);
  EXPECT_EQ(ranking.rows[0].parameter, 0U);
  EXPECT_GT(ranking.rows[0].variance_share, 0.8);
  EXPECT_GT(ranking.rows[0].partial_rank_correlation, 0.99) << "monotone, though not linear";
  EXPECT_EQ(ranking.rows[1].parameter, 1U);
  EXPECT_LT(ranking.rows[1].variance_share, 0.01);
}

TEST(UncertaintyRanking, TooFewReplicationsOrNoUncertainParametersGiveNoRanking) {
  const auto response = [](double a, double b, int) { return a + b; };
  EXPECT_TRUE(rank_uncertain_parameters(synthetic(4, response)).rows.empty());
  EXPECT_EQ(rank_uncertain_parameters(synthetic(5, response)).rows.size(), 2U);
  auto plain = synthetic(10, response);
  for (auto& r : plain) r.parameters.clear();
  EXPECT_TRUE(rank_uncertain_parameters(plain).rows.empty());
}

// The model itself: the dropout hazard's rate drives the dropouts; the accompaniment's agent
// share, with no accompaniment in the scenario, drives nothing (its draw shifts no other draw).
TEST(UncertaintyRanking, TheModelsDropoutRateExplainsTheDropoutsAndAnInertParameterNothing) {
  constexpr int kReplications = 40;
  RunSettings s;
  const std::string text =
      replace(kSmallScenario, "rate_per_week = 0.02 }",
              "rate_per_week = uncertain { dist = \"uniform\", min = 0.005, max = 0.05 } }") +
      "accompaniment { agent_share = uncertain { dist = \"uniform\", min = 0, max = 1 } }\n";
  s.source = policy::ScenarioSource{"s.lua", text, {}, false};
  s.replications = kReplications;
  LocalDistributor local;
  const auto results = run_points(local, {s}, 2, {}).front();
  const UncertaintyRanking ranking = rank_uncertain_parameters(results);
  ASSERT_EQ(ranking.parameters.size(), 2U);
  EXPECT_NE(
      std::find(ranking.parameters.begin(), ranking.parameters.end(), "accompaniment.agent_share"),
      ranking.parameters.end());
  // An inert parameter's SRC is a sample correlation with noise, about N(0, 1/(n - 3)): its
  // square stays under 9/(n - 3) (three standard errors) but for a chance of 0.3 %.
  const double inert_bound = 9.0 / (kReplications - 3);
  int checked = 0;
  for (std::string_view indicator : {"parcours_ended_dropout", "parcours_ended_employment"}) {
    const UncertaintyRow* top = nullptr;
    const UncertaintyRow* inert = nullptr;
    for (const UncertaintyRow& row : ranking.rows) {
      if (row.indicator != indicator) continue;
      if (top == nullptr) top = &row;
      if (ranking.parameters[row.parameter] == "accompaniment.agent_share") inert = &row;
    }
    ASSERT_NE(top, nullptr) << indicator;
    ASSERT_NE(inert, nullptr) << indicator;
    EXPECT_EQ(ranking.parameters[top->parameter], "parcours.dropout.rate_per_week") << indicator;
    EXPECT_GT(top->variance_share, 0.5) << indicator;
    EXPECT_LT(inert->variance_share, inert_bound) << indicator;
    ++checked;
  }
  EXPECT_EQ(checked, 2);

  const parcours::testing::TempDir dir;
  write_results(dir.path(), results, io::Manifest{});
  std::ifstream in(dir.path() / "uncertainty_ranking.csv");
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header,
            "fiscal_year,indicator,rank,parameter,variance_share,standardised_coefficient,"
            "partial_rank_correlation,r_squared,replications");
}

}  // namespace
}  // namespace parcours::experiment
