#pragma once
// A Gaussian copula: correlated uniforms obtained by pushing correlated standard normals through
// the normal CDF. Population sources (population.hpp) turn each uniform into an attribute value
// through that attribute's margin, so the margins stay exactly as published (the scenario's data)
// while the characteristics co-vary (e.g. the D1 characteristics cluster, rule D2).
//
// The header keeps Eigen out of sight: Eigen is a private dependency of parcours_model.

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/random_stream.hpp"

namespace parcours::model {

/// A square matrix as rows, the form scenario files give it in.
using CorrelationMatrix = std::vector<std::vector<double>>;

/// Φ(z), the standard normal CDF.
double standard_normal_cdf(double z);

/// The valid correlation matrix (symmetric, unit diagonal, every eigenvalue at least about
/// `min_eigenvalue`) nearest to `c` in the Frobenius norm (Higham's alternating projections
/// with Dykstra's correction, 2002). Offered to users whose matrix is not positive definite.
/// `c` must be square and symmetric.
CorrelationMatrix nearest_correlation(const CorrelationMatrix& c, double min_eigenvalue = 1e-4);

class GaussianCopula {
 public:
  /// Validates `correlation` (square with one row per name, symmetric, unit diagonal, entries
  /// in [-1, 1], positive definite) and factors it once. Throws std::invalid_argument naming
  /// the variables at fault. When the matrix is not positive definite, the message names the
  /// pair at |r| = 1 or the three variables whose correlations conflict, and lists the entries
  /// nearest_correlation() would change. `names` only serve the messages.
  GaussianCopula(const CorrelationMatrix& correlation, std::span<const std::string_view> names);

  [[nodiscard]] std::size_t dimension() const { return n_; }

  /// Fills u[0 .. dimension()) with uniforms on [0, 1]: u_i = Φ(z_i), z = L·ε, ε i.i.d. N(0, 1),
  /// L·Lᵀ = correlation. Draws exactly dimension() normals from `rng`, allocates nothing and
  /// changes no member, so one copula may serve several streams.
  void draw(core::RandomStream& rng, std::span<double> u) const;

 private:
  std::size_t n_ = 0;
  std::vector<double> cholesky_;  // L, row-major n_ x n_, zero above the diagonal
};

}  // namespace parcours::model
