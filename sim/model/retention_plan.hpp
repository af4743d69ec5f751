#pragma once
// A job-retention plan ("plan d'accompagnement en emploi", rules M2, M3): its hours spread
// over its weeks, an integration phase of the first weeks at the highest intensity, then a
// consolidation phase whose intensity decreases week by week, with occasional returns to a
// higher intensity. The weekly hours add up to the plan's hours exactly.

#include <cstddef>
#include <vector>

#include "core/random_stream.hpp"

namespace parcours::model {

struct RetentionShape {
  double integration_intensity = 1.0;  // weekly weight of an integration week
  double final_intensity = 1.0;        // weight of the last consolidation week (the first is 1)
  double return_probability = 0.0;     // chance a consolidation week returns to higher intensity
  double return_intensity = 1.0;       // factor on that week's weight
};

struct RetentionPlan {
  std::vector<double> weekly_hours;  // hours of each week, in order
  std::size_t integration_weeks = 0;

  [[nodiscard]] double total_hours() const;
  [[nodiscard]] double integration_hours() const;
  [[nodiscard]] double consolidation_hours() const { return total_hours() - integration_hours(); }
  [[nodiscard]] double days() const { return 7.0 * static_cast<double>(weekly_hours.size()); }
  /// Hours given by `days` after the start (weeks are given evenly within themselves).
  [[nodiscard]] double hours_by(double days) const;
};

/// The plan of `hours` over `weeks` (rounded to whole weeks, at least 1), the first
/// `integration_weeks` of them the integration phase. Draws one uniform per consolidation week.
RetentionPlan make_retention_plan(double hours, double weeks, double integration_weeks,
                                  const RetentionShape& shape, core::RandomStream& rng);

}  // namespace parcours::model
