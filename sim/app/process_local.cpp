// The process runs alone, replications on its threads (a build without PARCOURS_MPI). The MPI
// twin of this constructor is process_mpi.cpp; the build links exactly one of them into the
// program, so switching MPI on recompiles this pair and nothing else.
#include "app/execution.hpp"

namespace parcours::app {

ExecutionContext::ExecutionContext(int* /*argc*/, char*** /*argv*/)
    : interrupts_(std::make_unique<InterruptCleanup>()),
      distributor_(std::make_unique<experiment::LocalDistributor>()) {}

}  // namespace parcours::app
