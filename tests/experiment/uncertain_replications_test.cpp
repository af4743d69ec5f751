// Parameter uncertainty across replications (issue 15): each replication draws its own value,
// the drawn values are in the tables, common random numbers still pair variants, and the
// indicators an uncertain parameter drives spread wider than without it.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/statistics.hpp"
#include "experiment/distributor.hpp"
#include "experiment/results_writer.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::experiment {
namespace {

using parcours::testing::kSmallScenario;
using parcours::testing::replace;

constexpr int kReplications = 20;
const std::string kFixedDropout = "rate_per_week = 0.02 }";
const std::string kUncertainDropout =
    "rate_per_week = uncertain { dist = \"uniform\", min = 0.01, max = 0.03 } }";

std::vector<ReplicationResult> run(const std::string& text, int replications = kReplications,
                                   int threads = 2) {
  RunSettings s;
  s.source = policy::ScenarioSource{"s.lua", text, {}, false};
  s.replications = replications;
  LocalDistributor local;
  return run_points(local, {s}, threads, {}).front();
}

double total(const ReplicationResult& r, std::string_view indicator) {
  double sum = 0;
  for (const model::IndicatorValue& v : r.yearly) {
    if (v.group == 0 && v.indicator == indicator) sum += v.value;
  }
  return sum;
}

double variance_of(const std::vector<ReplicationResult>& results, std::string_view indicator) {
  core::Tally tally;
  for (const ReplicationResult& r : results) tally.add(total(r, indicator));
  return tally.variance();
}

TEST(UncertainParameters, EachReplicationDrawsItsOwnValueWithinTheDistribution) {
  const auto results = run(replace(kSmallScenario, kFixedDropout, kUncertainDropout));
  std::map<double, int> distinct;
  for (const ReplicationResult& r : results) {
    ASSERT_EQ(r.parameters.size(), 1U);
    EXPECT_EQ(r.parameters.front().first, "parcours.dropout.rate_per_week");
    const double v = r.parameters.front().second;
    EXPECT_GE(v, 0.01);
    EXPECT_LE(v, 0.03);
    ++distinct[v];
  }
  EXPECT_EQ(distinct.size(), results.size()) << "one draw per replication, not one per run";
  EXPECT_TRUE(run(kSmallScenario, 2).front().parameters.empty());
}

TEST(UncertainParameters, TheIndicatorsItDrivesSpreadWider) {
  const auto fixed = run(kSmallScenario);
  const auto uncertain = run(replace(kSmallScenario, kFixedDropout, kUncertainDropout));
  // Dropout counts over replications: binomial noise alone with a fixed rate; with the rate
  // uniform on 0.01-0.03 the dropout share itself moves. The ratio of the two variances must
  // pass the one-sided 5 % F test on (19, 19) degrees of freedom (critical value 2.17).
  const double ratio = variance_of(uncertain, "parcours_ended_dropout") /
                       variance_of(fixed, "parcours_ended_dropout");
  EXPECT_GT(ratio, 2.17) << "variance ratio " << ratio;
}

TEST(UncertainParameters, TwoVariantsDrawTheSameValueInTheSameReplication) {
  // B changes the job search, not the dropout: common random numbers pair the draws.
  const std::string a = replace(kSmallScenario, kFixedDropout, kUncertainDropout);
  const std::string b = replace(a, "rate_per_week = 0.125", "rate_per_week = 0.2");
  const auto ra = run(a, 4);
  const auto rb = run(b, 4);
  for (std::size_t k = 0; k < ra.size(); ++k) {
    EXPECT_EQ(ra[k].parameters, rb[k].parameters);
  }
}

TEST(UncertainParameters, DrawsDoNotDependOnTheThreads) {
  const std::string text = replace(kSmallScenario, kFixedDropout, kUncertainDropout);
  const auto one = run(text, 4, 1);
  const auto three = run(text, 4, 3);
  ASSERT_EQ(one.size(), three.size());
  for (std::size_t k = 0; k < one.size(); ++k) {
    EXPECT_EQ(one[k].parameters, three[k].parameters);
    ASSERT_EQ(one[k].yearly.size(), three[k].yearly.size());
    for (std::size_t i = 0; i < one[k].yearly.size(); ++i) {
      const double a = one[k].yearly[i].value;  // NaN: a mean over no client, in both
      const double b = three[k].yearly[i].value;
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << one[k].yearly[i].indicator;
    }
  }
}

TEST(UncertainParameters, TheDrawnValuesAreInParametersCsv) {
  const auto results = run(replace(kSmallScenario, kFixedDropout, kUncertainDropout), 3);
  const parcours::testing::TempDir dir;
  write_results(dir.path(), results, io::Manifest{});
  std::ifstream in(dir.path() / "parameters.csv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "replication,parameter,value");
  for (const ReplicationResult& r : results) {
    ASSERT_TRUE(std::getline(in, line));
    std::istringstream row(line);
    std::string replication;
    std::string parameter;
    std::string value;
    std::getline(row, replication, ',');
    std::getline(row, parameter, ',');
    std::getline(row, value, ',');
    EXPECT_EQ(std::stoi(replication), r.replication + 1);
    EXPECT_EQ(parameter, "parcours.dropout.rate_per_week");
    EXPECT_DOUBLE_EQ(std::stod(value), r.parameters.front().second);
  }
}

}  // namespace
}  // namespace parcours::experiment
