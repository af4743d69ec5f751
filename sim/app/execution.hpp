#pragma once
// How this process takes part in a run: alone, with its threads, or as one rank of an MPI job
// (a build with -DPARCOURS_MPI=ON started by mpirun). Commands get their Distributor from here
// and write outputs only where writes_outputs is true (rank 0), so `mpirun -np N parcours
// run|compare|sweep ...` writes the same tables as one process.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/interrupt_cleanup.hpp"
#include "experiment/distributor.hpp"
#include "io/result_folder.hpp"

namespace parcours::app {

class ExecutionContext {
 public:
  /// Starts MPI in an MPI build (it may remove its own arguments from argv); ranks other than
  /// 0 then print nothing, so messages and errors appear once.
  ExecutionContext(int* argc, char*** argv);
  ~ExecutionContext();
  ExecutionContext(const ExecutionContext&) = delete;
  ExecutionContext& operator=(const ExecutionContext&) = delete;

  [[nodiscard]] Execution execution() const;

 private:
  // First, so that SIGINT and SIGTERM are blocked before MPI or any worker starts a thread.
  std::unique_ptr<InterruptCleanup> interrupts_;
  std::unique_ptr<experiment::Distributor> distributor_;
  bool writes_outputs_ = true;
  void (*abort_)(const experiment::Distributor&, int) = nullptr;
};

/// What no result folder may be or contain: the folders of the scenarios given by path (the
/// embedded baseline has none) and the run history (`registry`, else its default place).
[[nodiscard]] std::vector<io::ProtectedPath> protected_inputs(
    const std::vector<std::string>& scenarios, const RegistryOptions& registry = {});

/// The result folder, opened on the process that writes outputs only, under the rules of
/// io/out_folder_check.hpp and registered for removal on SIGINT/SIGTERM. If opening fails
/// there under MPI, every rank is ended (the others would wait for it forever).
std::optional<io::ResultFolder> open_result_folder(const Execution& execution,
                                                   const std::filesystem::path& path,
                                                   std::vector<io::ProtectedPath> protect);

}  // namespace parcours::app
