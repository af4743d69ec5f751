#include "model/gaussian_copula.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace parcours::model {

namespace {

// Scenario files write correlations with a few decimals; symmetry and the unit diagonal are
// checked to this tolerance, the same as margins' probabilities.
constexpr double kTolerance = 1e-9;

// Entries whose repair moves them less than this are not worth listing in a message.
constexpr double kNegligibleChange = 1e-3;
constexpr std::size_t kChangesListed = 8;

using Matrix = Eigen::MatrixXd;

Eigen::Index index(std::size_t i) { return static_cast<Eigen::Index>(i); }

Matrix to_eigen(const CorrelationMatrix& c) {
  const auto n = c.size();
  Matrix m(index(n), index(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) m(index(i), index(j)) = c[i][j];
  }
  return m;
}

// The symmetric matrix nearest to `m` whose eigenvalues are all at least `floor`.
Matrix clip_eigenvalues(const Matrix& m, double floor) {
  const Eigen::SelfAdjointEigenSolver<Matrix> eigen(m);
  const Eigen::VectorXd clipped = eigen.eigenvalues().cwiseMax(floor);
  return eigen.eigenvectors() * clipped.asDiagonal() * eigen.eigenvectors().transpose();
}

double smallest_eigenvalue(const Matrix& m) {
  if (m.rows() == 0) return 1.0;
  return Eigen::SelfAdjointEigenSolver<Matrix>(m, Eigen::EigenvaluesOnly).eigenvalues()(0);
}

std::string entry_name(std::span<const std::string_view> names, std::size_t i, std::size_t j) {
  return "(" + std::string(names[i]) + ", " + std::string(names[j]) + ")";
}

[[noreturn]] void fail(const std::string& what) {
  throw std::invalid_argument("correlation matrix: " + what);
}

void check_shape_and_entries(const CorrelationMatrix& c, std::span<const std::string_view> names) {
  const auto n = names.size();
  if (c.size() != n) {
    std::ostringstream msg;
    msg << "has " << c.size() << " rows, expected " << n << " (one per margin:";
    for (const auto name : names) msg << ' ' << name;
    msg << ')';
    fail(msg.str());
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (c[i].size() != n) {
      std::ostringstream msg;
      msg << "row " << i + 1 << " (" << names[i] << ") has " << c[i].size() << " entries, expected "
          << n << "; the matrix must be square";
      fail(msg.str());
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const double r = c[i][j];
      // Written so that NaN fails too.
      if (!(r >= -1.0 && r <= 1.0)) {
        std::ostringstream msg;
        msg << "entry " << entry_name(names, i, j) << " = " << r << " is outside [-1, 1]";
        fail(msg.str());
      }
    }
    if (std::abs(c[i][i] - 1.0) > kTolerance) {
      std::ostringstream msg;
      msg << "diagonal entry for " << names[i] << " is " << c[i][i]
          << ", expected 1 (a variable's correlation with itself)";
      fail(msg.str());
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (std::abs(c[i][j] - c[j][i]) > kTolerance) {
        std::ostringstream msg;
        msg << "not symmetric: " << entry_name(names, i, j) << " = " << c[i][j] << " but "
            << entry_name(names, j, i) << " = " << c[j][i];
        fail(msg.str());
      }
    }
  }
}

// The first pair (i, j), i < j, correlated at |r| = 1, or (0, 0) if none: a singular matrix.
std::pair<std::size_t, std::size_t> perfect_pair(const Matrix& m) {
  for (Eigen::Index j = 1; j < m.rows(); ++j) {
    for (Eigen::Index i = 0; i < j; ++i) {
      if (std::abs(m(i, j)) >= 1.0 - kTolerance) {
        return {static_cast<std::size_t>(i), static_cast<std::size_t>(j)};
      }
    }
  }
  return {0, 0};
}

// Names the smallest group of variables whose correlations cannot hold together: a pair at
// |r| = 1, else the three with the most negative principal minor, else the whole matrix.
std::string culprits(const Matrix& m, std::span<const std::string_view> names) {
  const auto n = names.size();
  if (const auto [i, j] = perfect_pair(m); i != j) {
    return std::string(names[i]) + " and " + std::string(names[j]) +
           " are perfectly correlated, which leaves no room for chance";
  }
  double worst = 0.0;
  std::array<std::size_t, 3> triple{};
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      for (std::size_t k = j + 1; k < n; ++k) {
        const Eigen::Vector3i pick(static_cast<int>(i), static_cast<int>(j), static_cast<int>(k));
        const double lowest = smallest_eigenvalue(m(pick, pick));
        if (lowest < worst) {
          worst = lowest;
          triple = {i, j, k};
        }
      }
    }
  }
  if (worst < 0.0) {
    return "the correlations among " + std::string(names[triple[0]]) + ", " +
           std::string(names[triple[1]]) + " and " + std::string(names[triple[2]]) +
           " cannot hold together";
  }
  return "no three variables conflict on their own: the inconsistency involves more of them";
}

[[noreturn]] void fail_not_positive_definite(const CorrelationMatrix& c,
                                             std::span<const std::string_view> names) {
  const Matrix m = to_eigen(c);
  std::ostringstream msg;
  msg.precision(3);
  msg << "not positive definite (smallest eigenvalue " << smallest_eigenvalue(m)
      << "): " << culprits(m, names);
  const auto [i, j] = perfect_pair(m);
  if (i != j) {
    msg << "; lower " << entry_name(names, i, j) << " below 1 in absolute value";
    fail(msg.str());
  }
  const CorrelationMatrix fixed = nearest_correlation(c);
  struct Change {
    std::size_t i, j;
    double delta;
  };
  std::vector<Change> changes;
  for (std::size_t row = 0; row < c.size(); ++row) {
    for (std::size_t col = row + 1; col < c.size(); ++col) {
      const double delta = std::abs(fixed[row][col] - c[row][col]);
      if (delta >= kNegligibleChange) changes.push_back({row, col, delta});
    }
  }
  // Largest changes first; ties keep the matrix's order.
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& x, const Change& y) { return x.delta > y.delta; });
  msg.precision(4);
  msg << ". The nearest valid matrix changes";
  const auto listed = std::min(changes.size(), kChangesListed);
  for (std::size_t k = 0; k < listed; ++k) {
    const Change& change = changes[k];
    msg << (k == 0 ? " " : ", ") << entry_name(names, change.i, change.j) << " "
        << c[change.i][change.j] << " -> " << fixed[change.i][change.j];
  }
  if (listed == 0) msg << " no entry by more than " << kNegligibleChange;
  if (changes.size() > listed) msg << " and " << changes.size() - listed << " more";
  fail(msg.str());
}

}  // namespace

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

CorrelationMatrix nearest_correlation(const CorrelationMatrix& c, double min_eigenvalue) {
  const auto n = c.size();
  if (n == 0) return {};
  const Matrix target = to_eigen(c);
  // Dykstra's alternating projections between the matrices with eigenvalues >= min_eigenvalue
  // and those with a unit diagonal; both sets are convex and the identity lies in both, so the
  // iteration converges to the nearest matrix in their intersection.
  Matrix y = target;
  Matrix correction = Matrix::Zero(target.rows(), target.cols());
  Matrix x = y;
  for (int iteration = 0; iteration < 10000; ++iteration) {
    const Matrix r = y - correction;
    x = clip_eigenvalues(r, min_eigenvalue);
    correction = x - r;
    Matrix next = x;
    next.diagonal().setOnes();
    const double step = (next - y).norm();
    y = std::move(next);
    if (step < 1e-12 * static_cast<double>(n)) break;
  }
  // x has eigenvalues >= min_eigenvalue and a diagonal within rounding of 1; rescaling it to an
  // exact unit diagonal keeps it positive definite (a congruence).
  const Eigen::VectorXd scale = x.diagonal().cwiseSqrt().cwiseInverse();
  const Matrix result = scale.asDiagonal() * x * scale.asDiagonal();
  CorrelationMatrix out(n, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      // Symmetric by construction up to rounding; take the lower triangle for both halves.
      out[i][j] = i >= j ? result(index(i), index(j)) : result(index(j), index(i));
    }
    out[i][i] = 1.0;
  }
  return out;
}

GaussianCopula::GaussianCopula(const CorrelationMatrix& correlation,
                               std::span<const std::string_view> names)
    : n_(names.size()) {
  check_shape_and_entries(correlation, names);
  if (n_ == 0) return;
  const Eigen::LLT<Matrix> llt(to_eigen(correlation));
  if (llt.info() != Eigen::Success) fail_not_positive_definite(correlation, names);
  const Matrix l = llt.matrixL();
  cholesky_.assign(n_ * n_, 0.0);
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t j = 0; j <= i; ++j) cholesky_[i * n_ + j] = l(index(i), index(j));
  }
}

void GaussianCopula::draw(core::RandomStream& rng, std::span<double> u) const {
  assert(u.size() >= n_);
  for (std::size_t i = 0; i < n_; ++i) u[i] = rng.normal(0.0, 1.0);
  // z = L·ε in place: z_i needs ε_0..ε_i only, so going from the last row up never reads an
  // entry already overwritten.
  for (std::size_t i = n_; i-- > 0;) {
    const double* row = &cholesky_[i * n_];
    double z = 0.0;
    for (std::size_t j = 0; j <= i; ++j) z += row[j] * u[j];
    u[i] = z;
  }
  for (std::size_t i = 0; i < n_; ++i) u[i] = standard_normal_cdf(u[i]);
}

}  // namespace parcours::model
