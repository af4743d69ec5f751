#pragma once
// Where replications run. Commands describe their work as a list of jobs (one replication of
// one scenario variant each) and a Distributor runs them and returns the results in job
// order, so outputs never depend on how the work was spread: over threads here, over MPI
// processes in a build with PARCOURS_MPI (see docs/experiments.md).

#include <vector>

#include "experiment/replication.hpp"
#include "experiment/replications.hpp"

namespace parcours::experiment {

/// Replication `replication` (0-based) of the scenario `settings` describes. The settings
/// must outlive the run.
struct Job {
  const RunSettings* settings = nullptr;
  int replication = 0;
};

class Distributor {
 public:
  Distributor() = default;
  virtual ~Distributor() = default;
  Distributor(const Distributor&) = delete;
  Distributor& operator=(const Distributor&) = delete;

  /// Every job's result, in job order. If jobs fail, the error of the lowest failing index is
  /// rethrown, whatever the number of threads. `progress` gets the share of all work done.
  virtual std::vector<ReplicationResult> run(const std::vector<Job>& jobs, int threads,
                                             const RunProgress& progress) = 0;
};

/// Runs jobs on a pool of `threads` threads of this process (none for one thread).
class LocalDistributor : public Distributor {
 public:
  std::vector<ReplicationResult> run(const std::vector<Job>& jobs, int threads,
                                     const RunProgress& progress) override;
};

/// Replications 0 .. settings.replications - 1 of every point, as one batch (so threads stay
/// busy across points); results[point][replication].
std::vector<std::vector<ReplicationResult>> run_points(Distributor& distributor,
                                                       const std::vector<RunSettings>& points,
                                                       int threads, const RunProgress& progress);

}  // namespace parcours::experiment
