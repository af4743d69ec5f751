#pragma once
// Running a World in tests and reading its all-clients totals.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/simulation.hpp"
#include "model/world.hpp"
#include "support/model_parameters.hpp"

namespace parcours::testing {

/// Totals over the whole run, by indicator (all clients, summed over quarters).
struct Totals {
  std::map<std::string, double> sum;
  std::map<std::string, std::vector<double>> by_quarter;
  double operator[](const std::string& name) const { return sum.at(name); }
};

inline Totals totals_of(const model::World& world) {
  Totals totals;
  for (const model::IndicatorValue& v : world.indicators().quarterly_values()) {
    if (v.group != 0) continue;         // all clients; groups have their own test
    if (std::isnan(v.value)) continue;  // undefined in that quarter (e.g. no interview)
    totals.sum[std::string(v.indicator)] += v.value;
    totals.by_quarter[std::string(v.indicator)].push_back(v.value);
  }
  return totals;
}

/// Runs the scenario with `rules` (the parameters' own rules when none is given).
inline Totals run(const model::ModelParameters& params, model::DecisionRules& rules,
                  std::uint64_t replication = 0) {
  core::Simulation sim(core::StreamKey{params.horizon.seed, replication});
  model::World world(sim, params, rules);
  world.run();
  return totals_of(world);
}

inline Totals run(const model::ModelParameters& params, std::uint64_t replication = 0) {
  model::ParametricRules rules(params);
  return run(params, rules, replication);
}

/// |observed share - p| within 4 binomial standard errors.
inline void expect_share(double count, double n, double p, const std::string& what) {
  ASSERT_GT(n, 0) << what;
  EXPECT_NEAR(count / n, p, 4.0 * std::sqrt(p * (1 - p) / n)) << what << ": " << count << "/" << n;
}

/// small_model() where every evaluation concludes B, for tests of the Parcours.
inline model::ModelParameters everyone_in_parcours(std::uint64_t clients, double years) {
  model::ModelParameters p = small_model();
  p.arrivals.count = clients;
  p.horizon.years = years;
  p.evaluation.agents = 30;
  p.evaluation.conclusion_shares = {0.0, 1.0, 0.0, 0.0};
  return p;
}

}  // namespace parcours::testing
