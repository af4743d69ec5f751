#include "experiment/replications.hpp"

#include <algorithm>

#include "experiment/distributor.hpp"

namespace parcours::experiment {

std::vector<ReplicationResult> run_replications(const RunSettings& settings,
                                                const RunProgress& progress) {
  std::vector<Job> jobs;
  const int first = settings.first_replication;
  for (int r = 0; r < std::max(1, settings.replications); ++r) {
    jobs.push_back({&settings, first + r});
  }
  LocalDistributor local;
  return local.run(jobs, settings.threads, progress);
}

}  // namespace parcours::experiment
