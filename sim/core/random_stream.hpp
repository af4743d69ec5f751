#pragma once
// Counter-based random streams (Philox4x64-10, Random123).
//
// A stream is named by (seed, replication, entity, purpose); its draws are the four 64-bit
// words of Philox block (entity, purpose, 0), then of block 1, ... under key (seed,
// replication). Streams are cheap values made where a draw is needed. Nothing is shared
// between streams, so one client's draws never depend on how many draws other clients made,
// on event order or on threads: the basis of reproducibility and of common random numbers.

#include <cstdint>

namespace parcours::core {

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
};

class RandomStream {
 public:
  RandomStream() = default;
  RandomStream(StreamKey key, std::uint64_t entity, std::uint32_t purpose)
      : key_(key), entity_(entity), purpose_(purpose) {}

  /// Raw 64 random bits.
  std::uint64_t bits() {
    if (left_ == 0) refill();
    return words_[--left_];
  }
  /// Uniform on the open interval (0, 1): never exactly 0 or 1, so log() is always safe.
  double uniform();
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Uniform integer in [0, n).
  std::uint64_t below(std::uint64_t n);
  /// Certain outcomes (p <= 0 or p >= 1) take no draw: a scenario that switches a decision
  /// off pays nothing for it.
  bool bernoulli(double p) { return p >= 1.0 || (p > 0.0 && uniform() < p); }
  double exponential(double mean);
  double normal(double mean, double sd);
  double lognormal(double mu, double sigma);
  /// Weibull with the given shape k and scale lambda: P(T > t) = exp(-(t/lambda)^k).
  double weibull(double shape, double scale);

  [[nodiscard]] std::uint64_t draws() const { return 4 * block_ - left_; }
  [[nodiscard]] std::uint64_t entity() const { return entity_; }
  [[nodiscard]] std::uint32_t purpose() const { return purpose_; }

 private:
  void refill();

  StreamKey key_{};
  std::uint64_t entity_ = 0;
  std::uint32_t purpose_ = 0;
  std::uint32_t block_ = 0;  // next Philox block to compute
  std::uint64_t words_[4] = {};
  unsigned left_ = 0;  // words of the last block not yet used (they are used from the end)
};

}  // namespace parcours::core
