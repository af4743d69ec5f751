#include "experiment/sensitivity.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

namespace parcours::experiment {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// The rows of the all-clients group: (year, indicator) in the order of the point's summary.
std::vector<std::size_t> all_clients_rows(const std::vector<SummaryRow>& summary) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < summary.size(); ++i) {
    if (summary[i].group == 0) rows.push_back(i);
  }
  return rows;
}

// The grid point with axis `k` at level `level` and every other axis at its middle level.
std::size_t grid_point(const SweepDesign& design, std::size_t k, std::size_t level) {
  std::size_t index = 0;
  for (std::size_t j = 0; j < design.levels.size(); ++j) {
    const std::size_t l = j == k ? level : (design.levels[j] - 1) / 2;
    index = index * design.levels[j] + l;
  }
  return index;
}

void add_grid_rows(const SweepDesign& design, const std::vector<std::vector<SummaryRow>>& summaries,
                   std::size_t row, std::vector<SensitivityRow>& out) {
  const SummaryRow& first = summaries.front()[row];
  for (std::size_t k = 0; k < design.axes.size(); ++k) {
    const std::size_t lo = grid_point(design, k, 0);
    const std::size_t hi = grid_point(design, k, design.levels[k] - 1);
    SensitivityRow r{first.period.year,
                     first.indicator,
                     k,
                     design.points[lo][k],
                     design.points[hi][k],
                     summaries[lo][row].mean,
                     summaries[hi][row].mean,
                     0.0,
                     kNan};
    r.swing = r.mean_at_high - r.mean_at_low;
    out.push_back(r);
  }
}

void add_regression_rows(const SweepDesign& design,
                         const std::vector<std::vector<SummaryRow>>& summaries, std::size_t row,
                         std::vector<SensitivityRow>& out) {
  const auto n = static_cast<Eigen::Index>(design.points.size());
  const auto m = static_cast<Eigen::Index>(design.axes.size());
  Eigen::MatrixXd x(n, m + 1);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    x(i, 0) = 1.0;
    for (Eigen::Index k = 0; k < m; ++k)
      x(i, k + 1) = design.points[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)];
    y(i) = summaries[static_cast<std::size_t>(i)][row].mean;
  }
  const bool solvable = n > m && y.allFinite();
  Eigen::VectorXd b = Eigen::VectorXd::Constant(m + 1, kNan);
  if (solvable) b = x.colPivHouseholderQr().solve(y);
  const auto sd = [n](const Eigen::VectorXd& v) {
    return n > 1 ? std::sqrt((v.array() - v.mean()).square().sum() / static_cast<double>(n - 1))
                 : kNan;
  };
  const double sd_y = sd(y);
  const Eigen::RowVectorXd centre = x.colwise().mean();
  const SummaryRow& first = summaries.front()[row];
  for (Eigen::Index k = 0; k < m; ++k) {
    const SweepAxis& axis = design.axes[static_cast<std::size_t>(k)];
    const double at_centre = centre.dot(b);
    SensitivityRow r{first.period.year,
                     first.indicator,
                     static_cast<std::size_t>(k),
                     axis.lo,
                     axis.hi,
                     at_centre + b(k + 1) * (axis.lo - centre(k + 1)),
                     at_centre + b(k + 1) * (axis.hi - centre(k + 1)),
                     b(k + 1) * (axis.hi - axis.lo),
                     sd_y > 0 ? b(k + 1) * sd(x.col(k + 1)) / sd_y : kNan};
    out.push_back(r);
  }
}

}  // namespace

std::vector<SensitivityRow> sensitivity(const SweepDesign& design,
                                        const std::vector<std::vector<SummaryRow>>& summaries) {
  std::vector<SensitivityRow> out;
  if (summaries.empty() || design.axes.empty()) return out;
  for (const std::size_t row : all_clients_rows(summaries.front())) {
    const std::size_t begin = out.size();
    if (design.kind == DesignKind::kGrid) {
      add_grid_rows(design, summaries, row, out);
    } else {
      add_regression_rows(design, summaries, row, out);
    }
    // Largest swing first; undefined swings (NaN) last; ties keep the parameters' order.
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(),
                     [](const SensitivityRow& a, const SensitivityRow& b) {
                       const double sa = std::isnan(a.swing) ? -1.0 : std::abs(a.swing);
                       const double sb = std::isnan(b.swing) ? -1.0 : std::abs(b.swing);
                       return sa > sb;
                     });
  }
  return out;
}

}  // namespace parcours::experiment
