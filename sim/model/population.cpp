#include "model/population.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parcours::model {

namespace {

// Probabilities come from CSV files with many decimals; their sum may miss 1 by rounding only.
constexpr double kProbabilityTolerance = 1e-9;

[[noreturn]] void fail_margin(const Margin& m, const std::string& what) {
  throw std::invalid_argument("margin of '" + std::string(name_of(m.attribute)) + "': " + what);
}

void check_probabilities(const Margin& m) {
  const double values = max_value(m.attribute) + 1.0;
  if (static_cast<double>(m.probabilities.size()) > values) {
    std::ostringstream msg;
    msg << m.probabilities.size() << " probabilities, but the attribute takes only values 0 to "
        << max_value(m.attribute);
    fail_margin(m, msg.str());
  }
  double sum = 0.0;
  for (std::size_t k = 0; k < m.probabilities.size(); ++k) {
    const double p = m.probabilities[k];
    if (!(p >= 0.0 && p <= 1.0)) {  // written so that NaN fails too
      std::ostringstream msg;
      msg << "probability of value " << k << " is " << p << ", outside [0, 1]";
      fail_margin(m, msg.str());
    }
    sum += p;
  }
  if (std::abs(sum - 1.0) > kProbabilityTolerance) {
    std::ostringstream msg;
    msg.precision(12);
    msg << "probabilities sum to " << sum << ", expected 1";
    fail_margin(m, msg.str());
  }
}

void check_quantiles(const Margin& m) {
  if (!is_numeric(m.attribute)) {
    fail_margin(m, "a categorical attribute takes probabilities of its values, not quantiles");
  }
  const auto& q = m.quantiles;
  if (q.size() < 2) fail_margin(m, "a quantile function needs at least the points p = 0 and p = 1");
  if (q.front().first != 0.0 || q.back().first != 1.0) {
    std::ostringstream msg;
    msg << "quantile points must run from p = 0 to p = 1, not from " << q.front().first << " to "
        << q.back().first;
    fail_margin(m, msg.str());
  }
  for (std::size_t k = 0; k < q.size(); ++k) {
    const auto [p, value] = q[k];
    if (!(value >= 0.0 && value <= max_value(m.attribute))) {
      std::ostringstream msg;
      msg << "quantile value " << value << " (at p = " << p
          << ") is outside the attribute's range 0 to " << max_value(m.attribute);
      fail_margin(m, msg.str());
    }
    if (k == 0) continue;
    const auto [previous_p, previous_value] = q[k - 1];
    if (!(p > previous_p)) {
      std::ostringstream msg;
      msg << "quantile points need p strictly increasing, but p = " << p
          << " follows p = " << previous_p;
      fail_margin(m, msg.str());
    }
    if (value < previous_value) {
      std::ostringstream msg;
      msg << "a quantile function cannot decrease, but value " << value << " at p = " << p
          << " follows value " << previous_value << " at p = " << previous_p;
      fail_margin(m, msg.str());
    }
  }
}

std::vector<Margin> checked(std::vector<Margin> margins) {
  std::array<std::size_t, kAttributeCount> seen{};  // 1-based position of the attribute's margin
  for (std::size_t i = 0; i < margins.size(); ++i) {
    const Margin& m = margins[i];
    const auto a = static_cast<std::size_t>(m.attribute);
    if (a >= kAttributeCount) {
      std::ostringstream msg;
      msg << "margin " << i + 1 << ": unknown attribute (number " << a << ")";
      throw std::invalid_argument(msg.str());
    }
    if (seen[a] != 0) {
      std::ostringstream msg;
      msg << "attribute '" << name_of(m.attribute) << "' has two margins (numbers " << seen[a]
          << " and " << i + 1 << ")";
      throw std::invalid_argument(msg.str());
    }
    seen[a] = i + 1;
    if (m.probabilities.empty() == m.quantiles.empty()) {
      fail_margin(m, "give either probabilities (categorical) or quantiles (numeric), not " +
                         std::string(m.probabilities.empty() ? "neither" : "both"));
    }
    if (!m.probabilities.empty()) {
      check_probabilities(m);
    } else {
      check_quantiles(m);
    }
  }
  return margins;
}

std::vector<std::vector<double>> cumulative(const std::vector<Margin>& margins) {
  std::vector<std::vector<double>> out(margins.size());
  for (std::size_t i = 0; i < margins.size(); ++i) {
    const auto& p = margins[i].probabilities;
    if (p.empty()) continue;
    double sum = 0.0;
    for (const double pk : p) out[i].push_back(sum += pk);
    // Values after the last one with positive probability can never be drawn; that last one
    // takes whatever rounding left between the sum and 1, so even u = 1 finds a value.
    while (p[out[i].size() - 1] == 0.0) out[i].pop_back();
    out[i].back() = std::numeric_limits<double>::infinity();
  }
  return out;
}

std::vector<std::string_view> names(const std::vector<Margin>& margins) {
  std::vector<std::string_view> out;
  out.reserve(margins.size());
  for (const auto& m : margins) out.push_back(name_of(m.attribute));
  return out;
}

}  // namespace

bool is_numeric(Attribute a) {
  return a == Attribute::kAge || a == Attribute::kMonthsOnAssistance ||
         a == Attribute::kMonthsOutOfWork;
}

CopulaPopulation::CopulaPopulation(std::vector<Margin> margins,
                                   const CorrelationMatrix& correlation)
    : margins_(checked(std::move(margins))),
      cumulative_(cumulative(margins_)),
      copula_(correlation, names(margins_)) {}

double CopulaPopulation::value_at(std::size_t i, double u) const {
  const auto& c = cumulative_[i];
  if (!c.empty()) {
    // The smallest value whose cumulative probability exceeds u (inverse CDF).
    return static_cast<double>(std::upper_bound(c.begin(), c.end(), u) - c.begin());
  }
  const auto& q = margins_[i].quantiles;
  // The segment [p_j, p_j+1] holding u; u = 1 falls on the last point.
  const auto after = std::upper_bound(q.begin(), q.end(), u,
                                      [](double x, const auto& point) { return x < point.first; });
  if (after == q.end()) return q.back().second;
  const auto& [p1, v1] = *after;
  const auto& [p0, v0] = *(after - 1);
  return v0 + (u - p0) / (p1 - p0) * (v1 - v0);
}

void CopulaPopulation::draw(core::RandomStream& rng, Profile& out) const {
  // Attributes are distinct, so there are at most kAttributeCount margins: stack storage.
  std::array<double, kAttributeCount> u{};
  copula_.draw(rng, u);
  out = Profile{};
  for (std::size_t i = 0; i < margins_.size(); ++i) {
    set_attribute(out, margins_[i].attribute, value_at(i, u[i]));
  }
}

ResampledPopulation::ResampledPopulation(std::vector<Profile> rows) : rows_(std::move(rows)) {
  if (rows_.empty()) {
    throw std::invalid_argument("a resampled population needs at least one client row");
  }
}

void ResampledPopulation::draw(core::RandomStream& rng, Profile& out) const {
  out = rows_[rng.below(rows_.size())];
}

}  // namespace parcours::model
