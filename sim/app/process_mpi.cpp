// The process is one rank of an MPI job (a build with -DPARCOURS_MPI=ON started by mpirun):
// rank 0 writes every output, the others print nothing, so messages and errors appear once.
// The single-process twin of this constructor is process_local.cpp.
#include <cstdio>

#include "app/execution.hpp"
#include "experiment/mpi_distributor.hpp"

namespace parcours::app {

ExecutionContext::ExecutionContext(int* argc, char*** argv)
    : interrupts_(std::make_unique<InterruptCleanup>()) {
  auto mpi = std::make_unique<experiment::MpiDistributor>(argc, argv);
  writes_outputs_ = mpi->rank() == 0;
  if (mpi->size() > 1) {
    abort_ = [](const experiment::Distributor& d, int code) {
      static_cast<const experiment::MpiDistributor&>(d).abort(code);
    };
  }
  if (!writes_outputs_) {
    (void)std::freopen("/dev/null", "w", stdout);
    (void)std::freopen("/dev/null", "w", stderr);
  }
  distributor_ = std::move(mpi);
}

}  // namespace parcours::app
