#include "experiment/distributor.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

namespace parcours::experiment {

std::vector<ReplicationResult> LocalDistributor::run(const std::vector<Job>& jobs, int threads,
                                                     const RunProgress& progress) {
  const std::size_t n = jobs.size();
  std::vector<ReplicationResult> results(n);
  if (n == 0) return results;
  const auto pool_size = std::clamp<std::size_t>(static_cast<std::size_t>(threads), 1, n);
  std::vector<std::exception_ptr> errors(n);
  std::vector<double> done(n, 0.0);  // share of each job simulated
  std::mutex progress_mutex;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};

  auto report = [&](std::size_t index, double fraction) {
    if (!progress) return;
    const std::lock_guard lock(progress_mutex);
    done[index] = fraction;
    progress(std::accumulate(done.begin(), done.end(), 0.0) / static_cast<double>(n));
  };
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= n || failed.load()) return;
      try {
        results[i] = run_replication(*jobs[i].settings, jobs[i].replication,
                                     [&, i](double fraction) { report(i, fraction); });
        report(i, 1.0);
      } catch (...) {
        errors[i] = std::current_exception();
        failed.store(true);
      }
    }
  };
  if (pool_size == 1) {
    worker();  // no thread at all for the common case: simpler stacks in a debugger
  } else {
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < pool_size; ++t) pool.emplace_back(worker);
  }
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return results;
}

std::vector<std::vector<ReplicationResult>> run_points(Distributor& distributor,
                                                       const std::vector<RunSettings>& points,
                                                       int threads, const RunProgress& progress) {
  std::vector<Job> jobs;
  for (const RunSettings& point : points) {
    for (int r = 0; r < std::max(1, point.replications); ++r) jobs.push_back({&point, r});
  }
  std::vector<ReplicationResult> flat = distributor.run(jobs, threads, progress);
  std::vector<std::vector<ReplicationResult>> results(points.size());
  std::size_t k = 0;
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (int r = 0; r < std::max(1, points[p].replications); ++r) {
      results[p].push_back(std::move(flat[k++]));
    }
  }
  return results;
}

}  // namespace parcours::experiment
