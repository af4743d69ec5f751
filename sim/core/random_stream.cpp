#include "core/random_stream.hpp"

#include <Random123/philox.h>

#include <cmath>
#include <numbers>

namespace parcours::core {

namespace {

__extension__ using Uint128 = unsigned __int128;

constexpr double kTwoPow53Inverse = 1.0 / 9007199254740992.0;

// 53 random bits centred in their interval: (k + 0.5) / 2^53 for k in [0, 2^53).
double to_open_unit(std::uint64_t x) {
  return (static_cast<double>(x >> 11) + 0.5) * kTwoPow53Inverse;
}

}  // namespace

void RandomStream::refill() {
  r123::Philox4x64 philox;
  const r123::Philox4x64::ctr_type counter = {{entity_, purpose_, block_++, 0}};
  const r123::Philox4x64::key_type key = {{key_.seed, key_.replication}};
  const auto block = philox(counter, key);
  for (unsigned i = 0; i < 4; ++i) words_[i] = block[i];
  left_ = 4;
}

double RandomStream::uniform() { return to_open_unit(bits()); }

std::uint64_t RandomStream::below(std::uint64_t n) {
  // Lemire's multiply-shift; the bias is below 2^-64 * n, far under anything measurable here.
  const auto wide = static_cast<Uint128>(bits()) * n;
  return static_cast<std::uint64_t>(wide >> 64);
}

double RandomStream::exponential(double mean) { return -mean * std::log(uniform()); }

double RandomStream::normal(double mean, double sd) {
  // Box-Muller, keeping one of the pair: simpler than caching, and normals are rare here.
  const double u1 = uniform();
  const double u2 = uniform();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double RandomStream::lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

double RandomStream::weibull(double shape, double scale) {
  return scale * std::pow(-std::log(uniform()), 1.0 / shape);
}

}  // namespace parcours::core
