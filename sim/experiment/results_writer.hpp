#pragma once
// Writes a run's tables and manifest into a result folder (see docs/outputs.md):
//   indicators_quarterly.csv  replication x fiscal quarter x group x indicator (long format)
//   indicators_yearly.csv     replication x fiscal year x group x indicator
//   summary_quarterly.csv     mean, sd and 95 % CI over replications, per quarter
//   summary_yearly.csv        the same per fiscal year
//   parameters.csv            uncertain parameters' draws, replication x parameter (if any)
//   uncertainty_ranking.csv   which of them explain each indicator's variance (if any;
//                             experiment/uncertainty_ranking.hpp)
//   trace.csv                 followed clients' journeys (run --trace)
//   manifest.json

#include <filesystem>
#include <vector>

#include "experiment/replication.hpp"
#include "io/manifest.hpp"

namespace parcours::experiment {

/// Whether a replication drew uncertain parameters (then parameters.csv holds their values).
bool has_uncertain_parameters(const std::vector<ReplicationResult>& results);

/// Writes everything into `folder` (an existing, empty directory).
void write_results(const std::filesystem::path& folder,
                   const std::vector<ReplicationResult>& results, const io::Manifest& manifest);

}  // namespace parcours::experiment
