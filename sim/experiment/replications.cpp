#include "experiment/replications.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

namespace parcours::experiment {

std::vector<ReplicationResult> run_replications(const RunSettings& settings,
                                                const RunProgress& progress) {
  const auto n = static_cast<std::size_t>(std::max(1, settings.replications));
  const auto threads = std::clamp<std::size_t>(static_cast<std::size_t>(settings.threads), 1, n);
  std::vector<ReplicationResult> results(n);
  std::vector<std::exception_ptr> errors(n);
  std::vector<double> done(n, 0.0);  // share of each replication simulated
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
        results[i] = run_replication(settings, static_cast<int>(i),
                                     [&, i](double fraction) { report(i, fraction); });
        report(i, 1.0);
      } catch (...) {
        errors[i] = std::current_exception();
        failed.store(true);
      }
    }
  };
  if (threads == 1) {
    worker();  // no thread at all for the common case: simpler stacks in a debugger
  } else {
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  }
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return results;
}

}  // namespace parcours::experiment
