#pragma once
// Probabilistic sensitivity analysis (issue 15): which uncertain parameters explain how much of
// each indicator's variance across a run's replications. Each replication drew its own value
// of every uncertain parameter (policy/uncertain_parameters.hpp), so the replications are a
// Monte Carlo sample of (drawn values, indicators); for each fiscal year and indicator of all
// clients, the indicator is regressed on the drawn values (least squares, with an intercept):
//
// - standardised_coefficient (SRC): coefficient x sd of the parameter / sd of the indicator;
// - variance_share = SRC^2: the share of the indicator's variance across replications that
//   the parameter explains linearly. The draws are independent (each parameter its own
//   stream), so the shares add up to about r_squared, and 1 - r_squared is what the
//   parameters do not explain linearly: the simulation's own noise and non-linear effects;
// - partial_rank_correlation (PRCC): the correlation of the ranks of parameter and indicator
//   once the ranks of the other parameters are regressed out; it also sees monotone effects
//   that are not linear.
//
// Within each year and indicator the parameters are ranked by variance_share, largest first.
// An indicator that takes one value in every replication (or no value: NaN) has no variance to
// explain and no rows. With fewer than (parameters + 3) replications there is no ranking.

#include <string>
#include <string_view>
#include <vector>

#include "experiment/replication.hpp"

namespace parcours::experiment {

struct UncertaintyRow {
  int fiscal_year = 0;
  std::string_view indicator;
  std::size_t parameter = 0;  // index into UncertaintyRanking::parameters
  double standardised_coefficient = 0.0;
  double variance_share = 0.0;
  double partial_rank_correlation = 0.0;
  double r_squared = 0.0;  // of the regression on every parameter: the same on a group's rows
};

struct UncertaintyRanking {
  std::vector<std::string> parameters;  // as parameters.csv names them, in drawing order
  int replications = 0;
  std::vector<UncertaintyRow> rows;  // by year, indicator (the tables' order), then rank
};

/// Fewest replications a ranking of `parameters` uncertain parameters needs.
[[nodiscard]] constexpr int min_replications_for_ranking(std::size_t parameters) {
  return static_cast<int>(parameters) + 3;
}

/// The ranking over `results` (one run's replications, each with the same uncertain
/// parameters); no rows without uncertain parameters or with too few replications.
UncertaintyRanking rank_uncertain_parameters(const std::vector<ReplicationResult>& results);

}  // namespace parcours::experiment
