#pragma once
// Replications spread over the processes of an MPI job (built only with -DPARCOURS_MPI=ON;
// this header names no MPI type, so nothing else includes mpi.h). Job i runs on rank
// i mod size, on that rank's threads; rank 0 gathers every result and returns them in job
// order, so the tables it writes are byte-identical to a single-process run. The other ranks
// get placeholders and must not write anything.

#include "experiment/distributor.hpp"

namespace parcours::experiment {

class MpiDistributor : public Distributor {
 public:
  /// Initialises MPI (each rank's threads stay inside this process: MPI_THREAD_FUNNELED).
  MpiDistributor(int* argc, char*** argv);
  /// Finalises MPI.
  ~MpiDistributor() override;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  /// Ends every rank at once with `code` (an error on one rank must not leave the others
  /// waiting in a collective).
  [[noreturn]] void abort(int code) const;

  /// Collective: every rank must call it with the same jobs. An error on any rank is rethrown
  /// on every rank (the one of the lowest failing rank, as an io::InputError when it was one).
  std::vector<ReplicationResult> run(const std::vector<Job>& jobs, int threads,
                                     const RunProgress& progress) override;

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace parcours::experiment
