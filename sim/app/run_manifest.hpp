#pragma once
// The manifest of one scenario's replications, as `run` and the experiment commands write it.

#include <vector>

#include "experiment/replication.hpp"
#include "io/manifest.hpp"
#include "policy/scenario.hpp"

namespace parcours::app {

/// Program, scenario files, seed, settings, resolved parameters, event counts and peak memory;
/// `seconds` is the wall time to record.
io::Manifest run_manifest(const policy::LoadedScenario& scenario,
                          const experiment::RunSettings& settings,
                          const std::vector<experiment::ReplicationResult>& results,
                          double seconds);

/// Peak resident memory of this process so far, MiB.
double peak_memory_mib();

}  // namespace parcours::app
