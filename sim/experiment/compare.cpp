#include "experiment/compare.hpp"

#include <cassert>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <tuple>

#include "core/statistics.hpp"
#include "core/student_t.hpp"
#include "experiment/table_file.hpp"
#include "io/csv_writer.hpp"

namespace parcours::experiment {

namespace {

const std::vector<model::IndicatorValue>& values_of(const ReplicationResult& r, Periods periods) {
  return periods == Periods::kQuarterly ? r.quarterly : r.yearly;
}

// What identifies a value across two scenarios, whose groups may be numbered differently.
using RowKey = std::tuple<int, int, std::string_view, std::string_view, std::string_view>;

RowKey key_of(const ReplicationResult& r, const model::IndicatorValue& v, Periods periods) {
  const auto& [dimension, label] = r.groups[v.group];
  return {v.period.year, periods == Periods::kQuarterly ? v.period.quarter : 0, dimension, label,
          v.indicator};
}

// Half-width of the 95 % Welch interval for the difference of two independent means.
double welch_half_width(double var_a, double var_b, int n) {
  const double se2 = (var_a + var_b) / n;
  if (std::isnan(se2)) return se2;  // an indicator undefined in some replication
  if (se2 <= 0.0) return 0.0;
  const double df = se2 * se2 / ((var_a * var_a + var_b * var_b) / (double(n) * n * (n - 1)));
  return core::student_t_quantile(0.975, df) * std::sqrt(se2);
}

}  // namespace

std::vector<ComparisonRow> compare(const std::vector<ReplicationResult>& a,
                                   const std::vector<ReplicationResult>& b, Periods periods) {
  assert(a.size() == b.size());
  std::vector<ComparisonRow> rows;
  if (a.empty() || b.empty()) return rows;
  std::map<RowKey, std::size_t> in_b;
  const auto& b_values = values_of(b.front(), periods);
  for (std::size_t j = 0; j < b_values.size(); ++j)
    in_b.emplace(key_of(b.front(), b_values[j], periods), j);

  const int n = static_cast<int>(a.size());
  const double t = n > 1 ? core::student_t_quantile(0.975, n - 1) : 0.0;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto& a_values = values_of(a.front(), periods);
  for (std::size_t i = 0; i < a_values.size(); ++i) {
    const auto found = in_b.find(key_of(a.front(), a_values[i], periods));
    if (found == in_b.end()) continue;
    const std::size_t j = found->second;
    core::Tally ta;
    core::Tally tb;
    core::Tally diff;
    for (std::size_t k = 0; k < a.size(); ++k) {
      const double va = values_of(a[k], periods)[i].value;
      const double vb = values_of(b[k], periods)[j].value;
      assert(values_of(a[k], periods)[i].indicator == a_values[i].indicator);
      ta.add(va);
      tb.add(vb);
      diff.add(vb - va);
    }
    ComparisonRow row{a_values[i].period,
                      a_values[i].group,
                      a_values[i].indicator,
                      n,
                      ta.mean(),
                      tb.mean(),
                      diff.mean(),
                      nan,
                      nan,
                      nan,
                      nan,
                      nan};
    if (n > 1) {
      row.difference_sd = std::sqrt(diff.variance());
      const double half = t * row.difference_sd / std::sqrt(static_cast<double>(n));
      row.ci95_low = row.difference - half;
      row.ci95_high = row.difference + half;
      row.unpaired_half_width = welch_half_width(ta.variance(), tb.variance(), n);
      if (row.unpaired_half_width > 0.0) row.half_width_ratio = half / row.unpaired_half_width;
    }
    rows.push_back(row);
  }
  return rows;
}

void write_comparison(const std::filesystem::path& path, const std::vector<ReplicationResult>& a,
                      const std::vector<ReplicationResult>& b, Periods periods) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  const bool quarterly = periods == Periods::kQuarterly;
  std::vector<std::string> header{"fiscal_year"};
  if (quarterly) header.insert(header.end(), {"quarter", "period_start"});
  header.insert(header.end(), {"dimension", "group", "indicator", "replications", "mean_a",
                               "mean_b", "difference", "difference_sd", "ci95_low", "ci95_high",
                               "unpaired_half_width", "half_width_ratio"});
  csv.header(header);
  for (const ComparisonRow& row : compare(a, b, periods)) {
    csv.field(row.period.fiscal_year_label());
    if (quarterly) csv.field(row.period.quarter).field(core::format_date(row.period.first_day()));
    const auto& [dimension, group] = a.front().groups[row.group];
    csv.field(dimension).field(group).field(row.indicator).field(row.replications);
    csv.field(row.mean_a).field(row.mean_b).field(row.difference).field(row.difference_sd);
    csv.field(row.ci95_low).field(row.ci95_high).field(row.unpaired_half_width);
    csv.field(row.half_width_ratio);
    csv.end_row();
  }
  close_output(out, path);
}

}  // namespace parcours::experiment
