#pragma once
// Runs a scenario's replications on a pool of threads. Each replication is independent (own
// sandbox, simulation and random streams keyed by its index), and results are kept by index,
// so the outputs do not depend on the number of threads or on scheduling.

#include <functional>
#include <vector>

#include "experiment/replication.hpp"

namespace parcours::experiment {

/// Called (from worker threads, one at a time) with the share of all work done so far.
using RunProgress = std::function<void(double fraction)>;

/// All replications in index order. If any fails, the others stop as soon as they can and
/// the error of the lowest failing index is rethrown (the same error whatever --threads is).
std::vector<ReplicationResult> run_replications(const RunSettings& settings,
                                                const RunProgress& progress = {});

}  // namespace parcours::experiment
