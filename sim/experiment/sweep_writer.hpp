#pragma once
// The tables of a sweep (docs/experiments.md):
//   sweep_quarterly.csv, sweep_yearly.csv  point x parameter values x period x group x
//                                          indicator: mean, sd and 95 % CI over replications
//   sensitivity.csv                        the tornado table (experiment/sensitivity.hpp)

#include <filesystem>
#include <vector>

#include "experiment/sensitivity.hpp"
#include "experiment/summary.hpp"
#include "experiment/sweep.hpp"

namespace parcours::experiment {

/// `results[p]` holds point p's replications.
void write_sweep(const std::filesystem::path& path, const SweepDesign& design,
                 const std::vector<std::vector<ReplicationResult>>& results, Periods periods);

void write_sensitivity(const std::filesystem::path& path, const SweepDesign& design,
                       const std::vector<SensitivityRow>& rows);

}  // namespace parcours::experiment
