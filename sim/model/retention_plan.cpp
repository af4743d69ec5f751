#include "model/retention_plan.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace parcours::model {

double RetentionPlan::total_hours() const {
  return std::accumulate(weekly_hours.begin(), weekly_hours.end(), 0.0);
}

double RetentionPlan::integration_hours() const {
  return std::accumulate(weekly_hours.begin(),
                         weekly_hours.begin() + static_cast<std::ptrdiff_t>(integration_weeks),
                         0.0);
}

double RetentionPlan::hours_by(double days) const {
  double hours = 0.0;
  for (std::size_t w = 0; w < weekly_hours.size(); ++w) {
    const double start = 7.0 * static_cast<double>(w);
    if (days <= start) break;
    hours += weekly_hours[w] * std::min(1.0, (days - start) / 7.0);
  }
  return hours;
}

RetentionPlan make_retention_plan(double hours, double weeks, double integration_weeks,
                                  const RetentionShape& shape, core::RandomStream& rng) {
  const auto n = static_cast<std::size_t>(std::max(1.0, std::round(weeks)));
  RetentionPlan plan;
  plan.integration_weeks =
      std::min(n, static_cast<std::size_t>(std::max(0.0, std::round(integration_weeks))));
  std::vector<double> weight(n);
  const std::size_t consolidation = n - plan.integration_weeks;
  for (std::size_t w = 0; w < n; ++w) {
    if (w < plan.integration_weeks) {
      weight[w] = shape.integration_intensity;
      continue;
    }
    // Decreasing linearly from 1 to final_intensity over the consolidation weeks (rule M3).
    const std::size_t k = w - plan.integration_weeks;
    const double along =
        consolidation > 1 ? static_cast<double>(k) / static_cast<double>(consolidation - 1) : 0.0;
    weight[w] = 1.0 + (shape.final_intensity - 1.0) * along;
    if (rng.uniform() < shape.return_probability) weight[w] *= shape.return_intensity;
  }
  const double sum = std::accumulate(weight.begin(), weight.end(), 0.0);
  plan.weekly_hours.resize(n);
  for (std::size_t w = 0; w < n; ++w) {
    plan.weekly_hours[w] = sum > 0 ? hours * weight[w] / sum : hours / static_cast<double>(n);
  }
  return plan;
}

}  // namespace parcours::model
