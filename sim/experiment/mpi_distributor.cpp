#include "experiment/mpi_distributor.hpp"

#include <mpi.h>

#include <limits>
#include <stdexcept>
#include <string>

#include "experiment/result_codec.hpp"
#include "io/input_error.hpp"

namespace parcours::experiment {

namespace {

// What a rank sends to rank 0: a status byte, then the error or the encoded results.
enum Status : char { kOk = 0, kInputError = 1, kOtherError = 2 };

void put_text(std::string& out, const std::string& text) {
  out += std::to_string(text.size()) + ":" + text;
}

std::string get_text(std::string_view& in) {
  const std::size_t colon = in.find(':');
  const std::size_t n = std::stoul(std::string(in.substr(0, colon)));
  std::string text(in.substr(colon + 1, n));
  in.remove_prefix(colon + 1 + n);
  return text;
}

[[noreturn]] void rethrow(std::string_view message) {
  const char status = message.front();
  message.remove_prefix(1);
  if (status == kInputError) {
    std::string file = get_text(message);
    const std::size_t line = std::stoul(get_text(message));
    const std::size_t column = std::stoul(get_text(message));
    throw io::InputError(std::move(file), line, column, get_text(message));
  }
  throw std::runtime_error(get_text(message));
}

int checked_int(std::size_t n) {
  if (n > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::runtime_error("MPI message over 2 GiB: use fewer replications per run");
  return static_cast<int>(n);
}

}  // namespace

MpiDistributor::MpiDistributor(int* argc, char*** argv) {
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiDistributor::~MpiDistributor() { MPI_Finalize(); }

void MpiDistributor::abort(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::abort();  // MPI_Abort does not return; this tells the compiler so
}

std::vector<ReplicationResult> MpiDistributor::run(const std::vector<Job>& jobs, int threads,
                                                   const RunProgress& progress) {
  std::vector<Job> mine;
  for (std::size_t i = static_cast<std::size_t>(rank_); i < jobs.size();
       i += static_cast<std::size_t>(size_))
    mine.push_back(jobs[i]);
  std::string message(1, kOk);
  try {
    LocalDistributor local;
    encode_results(local.run(mine, threads, rank_ == 0 ? progress : RunProgress{}), message);
  } catch (const io::InputError& e) {
    message.assign(1, kInputError);
    put_text(message, e.file());
    put_text(message, std::to_string(e.line()));
    put_text(message, std::to_string(e.column()));
    put_text(message, e.message());
  } catch (const std::exception& e) {
    message.assign(1, kOtherError);
    put_text(message, e.what());
  }

  // Gather every rank's bytes on rank 0.
  int length = checked_int(message.size());
  std::vector<int> lengths(static_cast<std::size_t>(size_));
  MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(static_cast<std::size_t>(size_), 0);
  std::size_t total = 0;
  for (std::size_t r = 0; r < lengths.size(); ++r) {
    offsets[r] = checked_int(total);
    total += static_cast<std::size_t>(lengths[r]);
  }
  std::string all(rank_ == 0 ? total : 0, '\0');
  MPI_Gatherv(message.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(),
              MPI_CHAR, 0, MPI_COMM_WORLD);

  // Every rank learns whether one failed, so that they all throw the same error.
  int failed = message.front() == kOk ? std::numeric_limits<int>::max() : rank_;
  MPI_Allreduce(MPI_IN_PLACE, &failed, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (failed != std::numeric_limits<int>::max()) {
    // The failing rank's message travels to every rank.
    int n = failed == rank_ ? length : 0;
    MPI_Bcast(&n, 1, MPI_INT, failed, MPI_COMM_WORLD);
    std::string error = failed == rank_ ? message : std::string(static_cast<std::size_t>(n), '\0');
    MPI_Bcast(error.data(), n, MPI_CHAR, failed, MPI_COMM_WORLD);
    rethrow(error);
  }

  std::vector<ReplicationResult> results(jobs.size());
  if (rank_ != 0) return results;  // placeholders: only rank 0 writes
  for (std::size_t r = 0; r < lengths.size(); ++r) {
    const std::string_view bytes(all.data() + offsets[r] + 1,
                                 static_cast<std::size_t>(lengths[r]) - 1);
    std::vector<ReplicationResult> part = decode_results(bytes);
    for (std::size_t k = 0; k < part.size(); ++k) {
      results[r + k * static_cast<std::size_t>(size_)] = std::move(part[k]);
    }
  }
  if (progress) progress(1.0);
  return results;
}

}  // namespace parcours::experiment
