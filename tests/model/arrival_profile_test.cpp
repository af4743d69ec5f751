// Who arrives, as the tables count it for validation (arrivals_* indicators), and Objectif
// emploi's first-time applicants.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/simulation.hpp"
#include "model/world.hpp"
#include "support/model_parameters.hpp"
#include "support/world_run.hpp"

namespace parcours::model {
namespace {

// (dimension/group, indicator) -> total over the run.
std::map<std::pair<std::string, std::string>, double> totals(const ModelParameters& p) {
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  std::map<std::pair<std::string, std::string>, double> out;
  const IndicatorTable& table = world.indicators();
  for (const IndicatorValue& v : table.quarterly_values()) {
    if (std::isnan(v.value)) continue;
    const auto& [dimension, label] = table.group_labels()[v.group];
    out[{dimension + "/" + label, std::string(v.indicator)}] += v.value;
  }
  return out;
}

// small_model() with an age margin (uniform 18-64), immigrants and Objectif emploi.
ModelParameters with_profile(double objectif_emploi) {
  ModelParameters p = testing::small_model();
  p.arrivals.count = 20000;
  p.population.margins.push_back({Attribute::kAge, {}, {{0, 18}, {1, 64}}});
  p.population.margins.push_back({Attribute::kImmigrant, {0.72, 0.28}, {}});
  p.population.margins.push_back({Attribute::kIncomeSupport, {0.0, 1.0, 0.0}, {}});  // all EI
  p.population.margins.push_back(
      {Attribute::kObjectifEmploi, {1 - objectif_emploi, objectif_emploi}, {}});
  const std::size_t n = p.population.margins.size();
  p.population.correlation.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) p.population.correlation[i][i] = 1.0;
  return p;
}

TEST(ArrivalProfile, CountsThePublishedTablesThresholds) {
  const auto t = totals(with_profile(0.0));
  const double arrivals = t.at({"all/all", "arrivals"});
  EXPECT_EQ(arrivals, 20000);
  // Ages are whole years drawn uniformly on [18, 64]: 45 or more is about (64 - 45) / 46.
  testing::expect_share(t.at({"all/all", "arrivals_aged_45_plus"}), arrivals, 19.0 / 46,
                        "aged 45+");
  testing::expect_share(t.at({"all/all", "arrivals_immigrant"}), arrivals, 0.28, "immigrant");
  // small_model's schooling: below Secondary IV with probability 0.3, Secondary V otherwise.
  testing::expect_share(t.at({"all/all", "arrivals_below_secondary_v"}), arrivals,
                        testing::kLimitingProbability, "below Secondary V");
  EXPECT_EQ(t.at({"all/all", "arrivals_objectif_emploi"}), 0);
  EXPECT_EQ(t.at({"income_support/ei", "arrivals"}), arrivals);
}

TEST(ArrivalProfile, ObjectifEmploiClientsAreFirstTimeAssistanceApplicants) {
  const auto t = totals(with_profile(0.3));
  const double arrivals = t.at({"all/all", "arrivals"});
  const double oe = t.at({"all/all", "arrivals_objectif_emploi"});
  testing::expect_share(oe, arrivals, 0.3, "Objectif emploi");
  // Every one drawn EI by the margins, yet in Objectif emploi: AFDR, and only they.
  EXPECT_EQ(t.at({"income_support/afdr", "arrivals"}), oe);
  EXPECT_EQ(t.at({"income_support/afdr", "arrivals_objectif_emploi"}), oe);
  EXPECT_EQ(t.at({"income_support/ei", "arrivals_objectif_emploi"}), 0);
}

}  // namespace
}  // namespace parcours::model
