#include "app/execution.hpp"

#include <cstdio>

#ifdef PARCOURS_MPI
#include "experiment/mpi_distributor.hpp"
#endif

namespace parcours::app {

ExecutionContext::ExecutionContext([[maybe_unused]] int* argc, [[maybe_unused]] char*** argv) {
#ifdef PARCOURS_MPI
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
#else
  distributor_ = std::make_unique<experiment::LocalDistributor>();
#endif
}

ExecutionContext::~ExecutionContext() = default;

Execution ExecutionContext::execution() const {
  Execution e;
  e.distributor = distributor_.get();
  e.writes_outputs = writes_outputs_;
  if (abort_ != nullptr) {
    const experiment::Distributor* d = distributor_.get();
    auto* abort = abort_;
    e.abort = [d, abort](int code) { abort(*d, code); };
  }
  return e;
}

std::optional<io::ResultFolder> open_result_folder(const Execution& execution,
                                                   const std::filesystem::path& path) {
  if (!execution.writes_outputs) return std::nullopt;
  try {
    return io::ResultFolder::open(path);
  } catch (const std::exception& e) {
    if (!execution.abort) throw;
    std::fprintf(stderr, "parcours: error: %s\n", e.what());
    execution.abort(1);
    throw;
  }
}

}  // namespace parcours::app
