#include "experiment/joint_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "core/statistics.hpp"
#include "core/student_t.hpp"
#include "io/input_error.hpp"

namespace parcours::experiment {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
// Central differences for the slopes: 2.5 % of each bound's width on either side.
constexpr double kSlopeStep = 0.025;

using Matrix = std::vector<std::vector<double>>;

// The inverse of a small square matrix by Gauss-Jordan with partial pivoting; empty when it is
// singular (a parameter that moves no target).
Matrix inverse(Matrix a) {
  const std::size_t n = a.size();
  Matrix inv(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) inv[i][i] = 1.0;
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    }
    if (!(std::abs(a[pivot][c]) > 1e-300)) return {};
    std::swap(a[c], a[pivot]);
    std::swap(inv[c], inv[pivot]);
    const double d = a[c][c];
    for (std::size_t k = 0; k < n; ++k) {
      a[c][k] /= d;
      inv[c][k] /= d;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = a[r][c];
      for (std::size_t k = 0; k < n; ++k) {
        a[r][k] -= f * a[c][k];
        inv[r][k] -= f * inv[c][k];
      }
    }
  }
  return inv;
}

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix c(a.size(), std::vector<double>(b.front().size(), 0.0));
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t k = 0; k < b.size(); ++k) {
      for (std::size_t j = 0; j < b[k].size(); ++j) c[i][j] += a[i][k] * b[k][j];
    }
  }
  return c;
}

Matrix transpose(const Matrix& a) {
  Matrix t(a.front().size(), std::vector<double>(a.size()));
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < a[i].size(); ++j) t[j][i] = a[i][j];
  }
  return t;
}

// The search: memoised evaluations on snapped points of the box.
class Search {
 public:
  Search(const JointEvaluator& evaluate, const std::vector<JointParameter>& parameters,
         const std::vector<JointTarget>& targets, const JointSnap& snap)
      : evaluate_(evaluate), parameters_(parameters), targets_(targets), snap_(snap) {}

  // The point of the box at unit coordinates u (clamped into [0, 1]), snapped.
  std::vector<double> point(const std::vector<double>& u) const {
    std::vector<double> x(u.size());
    for (std::size_t i = 0; i < u.size(); ++i) {
      const JointParameter& p = parameters_[i];
      x[i] = p.lo + (p.hi - p.lo) * std::clamp(u[i], 0.0, 1.0);
      if (snap_) x[i] = std::clamp(snap_(i, x[i]), p.lo, p.hi);
    }
    return x;
  }

  const std::vector<std::vector<double>>& values(const std::vector<double>& x) {
    auto it = cache_.find(x);
    if (it != cache_.end()) return it->second;
    std::vector<std::vector<double>> v = evaluate_(x);
    JointEvaluation e{x, {}, 0.0};
    for (std::size_t t = 0; t < targets_.size(); ++t) {
      const double mean =
          std::accumulate(v[t].begin(), v[t].end(), 0.0) / static_cast<double>(v[t].size());
      e.means.push_back(mean);
      const double z = (mean - targets_[t].value) / targets_[t].scale;
      e.objective += z * z;
    }
    evaluations_.push_back(std::move(e));
    objective_[x] = evaluations_.back().objective;
    return cache_.emplace(x, std::move(v)).first->second;
  }

  double objective(const std::vector<double>& u) {
    const std::vector<double> x = point(u);
    values(x);
    return objective_.at(x);
  }

  [[nodiscard]] std::size_t runs() const { return evaluations_.size(); }
  std::vector<JointEvaluation>& evaluations() { return evaluations_; }

 private:
  const JointEvaluator& evaluate_;
  const std::vector<JointParameter>& parameters_;
  const std::vector<JointTarget>& targets_;
  const JointSnap& snap_;
  std::map<std::vector<double>, std::vector<std::vector<double>>> cache_;
  std::map<std::vector<double>, double> objective_;
  std::vector<JointEvaluation> evaluations_;
};

struct Vertex {
  std::vector<double> u;
  double f = 0.0;
};

// Nelder-Mead (reflection 1, expansion 2, contraction 1/2, shrink 1/2) on the unit cube.
std::vector<double> nelder_mead(Search& search, std::size_t n, double tolerance,
                                std::size_t max_runs, bool& converged) {
  std::vector<Vertex> simplex;
  std::vector<double> start(n, 0.5);
  simplex.push_back({start, search.objective(start)});
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> u = start;
    u[i] += 0.25;
    simplex.push_back({u, search.objective(u)});
  }
  auto trial = [&](const std::vector<double>& centre, const std::vector<double>& worst,
                   double coefficient) {
    std::vector<double> u(n);
    for (std::size_t i = 0; i < n; ++i) {
      u[i] = std::clamp(centre[i] + coefficient * (centre[i] - worst[i]), 0.0, 1.0);
    }
    return Vertex{u, search.objective(u)};
  };
  converged = false;
  while (search.runs() < max_runs) {
    std::stable_sort(simplex.begin(), simplex.end(),
                     [](const Vertex& a, const Vertex& b) { return a.f < b.f; });
    double size = 0.0;
    for (std::size_t k = 1; k <= n; ++k) {
      for (std::size_t i = 0; i < n; ++i) {
        size = std::max(size, std::abs(simplex[k].u[i] - simplex[0].u[i]));
      }
    }
    if (size < tolerance) {
      converged = true;
      break;
    }
    std::vector<double> centre(n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t i = 0; i < n; ++i) centre[i] += simplex[k].u[i] / static_cast<double>(n);
    }
    Vertex& worst = simplex[n];
    const Vertex reflected = trial(centre, worst.u, 1.0);
    if (reflected.f < simplex[0].f) {
      const Vertex expanded = trial(centre, worst.u, 2.0);
      worst = expanded.f < reflected.f ? expanded : reflected;
    } else if (reflected.f < simplex[n - 1].f) {
      worst = reflected;
    } else {
      const bool outside = reflected.f < worst.f;
      const Vertex contracted = trial(centre, worst.u, outside ? 0.5 : -0.5);
      if (contracted.f < std::min(reflected.f, worst.f)) {
        worst = contracted;
      } else {
        for (std::size_t k = 1; k <= n; ++k) {
          for (std::size_t i = 0; i < n; ++i) {
            simplex[k].u[i] = simplex[0].u[i] + 0.5 * (simplex[k].u[i] - simplex[0].u[i]);
          }
          simplex[k].f = search.objective(simplex[k].u);
        }
      }
    }
  }
  const auto best = std::min_element(simplex.begin(), simplex.end(),
                                     [](const Vertex& a, const Vertex& b) { return a.f < b.f; });
  return best->u;
}

}  // namespace

JointCalibration calibrate_jointly(const JointEvaluator& evaluate,
                                   const std::vector<JointParameter>& parameters,
                                   const std::vector<JointTarget>& targets, double tolerance,
                                   int max_evaluations, const JointSnap& snap) {
  for (const JointParameter& p : parameters) {
    if (!(p.lo < p.hi)) {
      throw io::InputError("--bounds", p.name + ": the bounds need lo < hi");
    }
  }
  const std::size_t n = parameters.size();
  const std::size_t m = targets.size();
  Search search(evaluate, parameters, targets, snap);
  const std::size_t max_runs =
      max_evaluations > 0 ? static_cast<std::size_t>(max_evaluations) : 100 * n;
  JointCalibration c;
  const std::vector<double> best_u = nelder_mead(search, n, tolerance, max_runs, c.converged);
  c.value = search.point(best_u);
  const std::vector<std::vector<double>> at = search.values(c.value);
  c.replications = static_cast<int>(at.front().size());
  const double reps = c.replications;
  const double t = c.replications > 1 ? core::student_t_quantile(0.975, reps - 1.0) : kNan;

  // The targets at the value: means, their covariance over replications (/ n: of the means).
  Matrix cov(m, std::vector<double>(m, 0.0));
  std::vector<double> mean(m, 0.0);
  for (std::size_t k = 0; k < m; ++k) {
    mean[k] = std::accumulate(at[k].begin(), at[k].end(), 0.0) / reps;
  }
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = 0; b < m; ++b) {
      for (std::size_t r = 0; r < at[a].size(); ++r) {
        cov[a][b] += (at[a][r] - mean[a]) * (at[b][r] - mean[b]) / ((reps - 1.0) * reps);
      }
    }
  }
  c.objective = 0.0;
  for (std::size_t k = 0; k < m; ++k) {
    const double se = std::sqrt(cov[k][k]);
    c.target_mean.push_back(mean[k]);
    c.target_ci95_low.push_back(mean[k] - t * se);
    c.target_ci95_high.push_back(mean[k] + t * se);
    const double z = (mean[k] - targets[k].value) / targets[k].scale;
    c.objective += z * z;
  }

  // Slopes by central differences, inside the box.
  c.slopes.assign(m, std::vector<double>(n, 0.0));
  c.moves_a_target.assign(n, false);
  for (std::size_t j = 0; j < n; ++j) {
    const JointParameter& p = parameters[j];
    std::vector<double> below = c.value;
    std::vector<double> above = c.value;
    const double step = kSlopeStep * (p.hi - p.lo);
    below[j] = std::max(p.lo, c.value[j] - step);
    above[j] = std::min(p.hi, c.value[j] + step);
    if (snap) {
      below[j] = snap(j, below[j]);
      above[j] = snap(j, above[j]);
    }
    const auto& lo_values = search.values(below);
    const auto& hi_values = search.values(above);
    for (std::size_t k = 0; k < m; ++k) {
      const double lo_mean = std::accumulate(lo_values[k].begin(), lo_values[k].end(), 0.0) / reps;
      const double hi_mean = std::accumulate(hi_values[k].begin(), hi_values[k].end(), 0.0) / reps;
      c.slopes[k][j] = above[j] > below[j] ? (hi_mean - lo_mean) / (above[j] - below[j]) : 0.0;
      // Over its whole bounds, does it move this target by more than the target's noise?
      const double se = std::sqrt(cov[k][k]);
      if (std::abs(c.slopes[k][j]) * (p.hi - p.lo) > std::max(se, 1e-12 * std::abs(mean[k]))) {
        c.moves_a_target[j] = true;
      }
    }
  }

  // The sandwich covariance of the parameters that move a target: an idle one would make
  // J'WJ singular and take the others' intervals with it; it gets none (held at its value).
  c.ci95_low.assign(n, kNan);
  c.ci95_high.assign(n, kNan);
  std::vector<std::size_t> moving;
  for (std::size_t j = 0; j < n; ++j) {
    if (c.moves_a_target[j]) moving.push_back(j);
  }
  Matrix jacobian(m, std::vector<double>(moving.size(), 0.0));  // J, moving parameters only
  Matrix w_jacobian = jacobian;                                 // W J
  for (std::size_t k = 0; k < m; ++k) {
    for (std::size_t i = 0; i < moving.size(); ++i) {
      jacobian[k][i] = c.slopes[k][moving[i]];
      w_jacobian[k][i] = jacobian[k][i] / (targets[k].scale * targets[k].scale);
    }
  }
  const Matrix bread =
      moving.empty() ? Matrix{} : inverse(multiply(transpose(jacobian), w_jacobian));
  if (!bread.empty() && c.replications > 1) {
    const Matrix meat = multiply(multiply(transpose(w_jacobian), cov), w_jacobian);
    const Matrix var = multiply(multiply(bread, meat), bread);
    for (std::size_t i = 0; i < moving.size(); ++i) {
      const double se = std::sqrt(std::max(0.0, var[i][i]));
      c.ci95_low[moving[i]] = c.value[moving[i]] - t * se;
      c.ci95_high[moving[i]] = c.value[moving[i]] + t * se;
    }
  }
  c.evaluations = std::move(search.evaluations());
  return c;
}

}  // namespace parcours::experiment
