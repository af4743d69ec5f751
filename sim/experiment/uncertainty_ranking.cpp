#include "experiment/uncertainty_ranking.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace parcours::experiment {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

// Ranks 1..n, ties sharing their mean rank (counts often tie across replications).
VectorXd ranks_of(const VectorXd& v) {
  const auto n = static_cast<std::size_t>(v.size());
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&v](std::size_t a, std::size_t b) {
    return v(static_cast<Index>(a)) < v(static_cast<Index>(b));
  });
  VectorXd ranks(v.size());
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && v(static_cast<Index>(order[j + 1])) == v(static_cast<Index>(order[i]))) ++j;
    const double mean_rank = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) ranks(static_cast<Index>(order[k])) = mean_rank;
    i = j + 1;
  }
  return ranks;
}

double sd_of(const VectorXd& v) {
  const double n = static_cast<double>(v.size());
  return std::sqrt((v.array() - v.mean()).square().sum() / (n - 1.0));
}

double correlation(const VectorXd& a, const VectorXd& b) {
  const VectorXd ca = a.array() - a.mean();
  const VectorXd cb = b.array() - b.mean();
  const double denominator = std::sqrt(ca.squaredNorm() * cb.squaredNorm());
  return denominator > 0 ? ca.dot(cb) / denominator : std::numeric_limits<double>::quiet_NaN();
}

// What is left of `y` after a least-squares fit on `x` (which holds the intercept column).
VectorXd residual(const MatrixXd& x, const VectorXd& y) {
  return y - x * x.colPivHouseholderQr().solve(y);
}

// Columns 0..k-1 of `x` but `skip`, after an intercept column.
MatrixXd with_intercept_without(const MatrixXd& x, Index skip) {
  MatrixXd out(x.rows(), x.cols());  // the intercept and every column but `skip`
  out.col(0).setOnes();
  Index c = 1;
  for (Index k = 0; k < x.cols(); ++k) {
    if (k != skip) out.col(c++) = x.col(k);
  }
  return out;
}

// The rows of one (year, indicator): SRC, shares and PRCC of every parameter, ranked.
void add_rows(const MatrixXd& drawn, const MatrixXd& drawn_ranks, const VectorXd& y,
              const model::IndicatorValue& what, std::vector<UncertaintyRow>& out) {
  const Index k = drawn.cols();
  MatrixXd x(drawn.rows(), k + 1);
  x.col(0).setOnes();
  x.rightCols(k) = drawn;
  const VectorXd b = x.colPivHouseholderQr().solve(y);
  const double sd_y = sd_of(y);
  const VectorXd e = y - x * b;
  const double total = (y.array() - y.mean()).square().sum();
  const double r_squared = 1.0 - e.squaredNorm() / total;
  const VectorXd y_ranks = ranks_of(y);
  const std::size_t begin = out.size();
  for (Index j = 0; j < k; ++j) {
    const MatrixXd others = with_intercept_without(drawn_ranks, j);
    UncertaintyRow row;
    row.fiscal_year = what.period.year;
    row.indicator = what.indicator;
    row.parameter = static_cast<std::size_t>(j);
    row.standardised_coefficient = b(j + 1) * sd_of(drawn.col(j)) / sd_y;
    row.variance_share = row.standardised_coefficient * row.standardised_coefficient;
    row.partial_rank_correlation =
        correlation(residual(others, drawn_ranks.col(j)), residual(others, y_ranks));
    row.r_squared = r_squared;
    out.push_back(row);
  }
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(),
                   [](const UncertaintyRow& u, const UncertaintyRow& v) {
                     return u.variance_share > v.variance_share;
                   });
}

}  // namespace

UncertaintyRanking rank_uncertain_parameters(const std::vector<ReplicationResult>& results) {
  UncertaintyRanking ranking;
  if (results.empty()) return ranking;
  for (const auto& [name, value] : results.front().parameters) ranking.parameters.push_back(name);
  ranking.replications = static_cast<int>(results.size());
  const std::size_t k = ranking.parameters.size();
  if (k == 0 || ranking.replications < min_replications_for_ranking(k)) return ranking;

  const auto n = static_cast<Index>(results.size());
  MatrixXd drawn(n, static_cast<Index>(k));
  for (Index r = 0; r < n; ++r) {
    const auto& parameters = results[static_cast<std::size_t>(r)].parameters;
    for (std::size_t j = 0; j < k; ++j) {
      if (parameters.size() != k || parameters[j].first != ranking.parameters[j]) {
        throw std::logic_error("replications drew different uncertain parameters");
      }
      drawn(r, static_cast<Index>(j)) = parameters[j].second;
    }
  }
  MatrixXd drawn_ranks(n, static_cast<Index>(k));
  for (Index j = 0; j < drawn.cols(); ++j) drawn_ranks.col(j) = ranks_of(drawn.col(j));

  const std::vector<model::IndicatorValue>& first = results.front().yearly;
  VectorXd y(n);
  for (std::size_t i = 0; i < first.size(); ++i) {
    if (first[i].group != 0) continue;  // all clients only
    for (Index r = 0; r < n; ++r) y(r) = results[static_cast<std::size_t>(r)].yearly[i].value;
    if (!y.allFinite() || y.maxCoeff() == y.minCoeff()) continue;  // no variance to explain
    add_rows(drawn, drawn_ranks, y, first[i], ranking.rows);
  }
  return ranking;
}

}  // namespace parcours::experiment
