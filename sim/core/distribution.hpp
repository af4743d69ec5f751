#pragma once
// A parametric distribution of a non-negative quantity (a duration, a number of hours),
// described as data so scenarios can choose the family and the model samples it without
// knowing which family it is.

#include <string>
#include <string_view>

#include "core/random_stream.hpp"

namespace parcours::core {

struct Distribution {
  enum class Family { kFixed, kExponential, kUniform, kLognormal, kWeibull, kTriangular };

  Family family = Family::kFixed;
  // Meaning by family: fixed (a = value); exponential (a = mean); uniform (a = min, b = max);
  // lognormal (a = mean, b = sd, of the variable itself, not of its log);
  // weibull (a = shape, b = scale); triangular (a = min, b = mode, c = max).
  double a = 0.0;
  double b = 0.0;
  double c = 0.0;

  static Distribution fixed(double value) { return {Family::kFixed, value, 0, 0}; }
  static Distribution exponential(double mean) { return {Family::kExponential, mean, 0, 0}; }

  [[nodiscard]] double sample(RandomStream& rng) const;
  [[nodiscard]] double mean() const;
  /// Smallest and largest values it can take (infinity for an unbounded family).
  [[nodiscard]] double lowest() const;
  [[nodiscard]] double highest() const;
  /// The same distribution with every value multiplied by `factor` (unit conversion).
  [[nodiscard]] Distribution scaled(double factor) const;
  /// "exponential(mean=2)" and the like, for messages and manifests.
  [[nodiscard]] std::string describe() const;
};

std::string_view family_name(Distribution::Family family);

}  // namespace parcours::core
