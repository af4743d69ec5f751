#include "experiment/summary.hpp"

#include <cassert>
#include <cmath>
#include <limits>

#include "core/statistics.hpp"
#include "core/student_t.hpp"

namespace parcours::experiment {

std::vector<SummaryRow> summarise(const std::vector<ReplicationResult>& results, Periods periods) {
  std::vector<SummaryRow> rows;
  if (results.empty()) return rows;
  auto values_of =
      [periods](const ReplicationResult& r) -> const std::vector<model::IndicatorValue>& {
    return periods == Periods::kQuarterly ? r.quarterly : r.yearly;
  };
  const auto& first = values_of(results.front());
  const int n = static_cast<int>(results.size());
  const double t = n > 1 ? core::student_t_quantile(0.975, n - 1) : 0.0;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = 0; i < first.size(); ++i) {
    core::Tally tally;
    for (const ReplicationResult& r : results) {
      const model::IndicatorValue& v = values_of(r)[i];
      assert(v.indicator == first[i].indicator && v.period == first[i].period &&
             v.group == first[i].group);
      tally.add(v.value);
    }
    SummaryRow row{
        first[i].period, first[i].group, first[i].indicator, n, tally.mean(), nan, nan, nan};
    if (n > 1) {
      row.sd = std::sqrt(tally.variance());
      const double half = t * row.sd / std::sqrt(static_cast<double>(n));
      row.ci95_low = row.mean - half;
      row.ci95_high = row.mean + half;
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace parcours::experiment
