#include "experiment/sweep_writer.hpp"

#include "experiment/table_file.hpp"
#include "io/csv_writer.hpp"

namespace parcours::experiment {

namespace {

const char* design_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::kGrid:
      return "grid";
    case DesignKind::kLatinHypercube:
      return "regression_lhs";
    case DesignKind::kPoints:
      return "regression_points";
  }
  return "";
}

}  // namespace

void write_sweep(const std::filesystem::path& path, const SweepDesign& design,
                 const std::vector<std::vector<ReplicationResult>>& results, Periods periods) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  const bool quarterly = periods == Periods::kQuarterly;
  std::vector<std::string> header{"point"};
  for (const SweepAxis& axis : design.axes) header.push_back(axis.key);
  header.emplace_back("fiscal_year");
  if (quarterly) header.insert(header.end(), {"quarter", "period_start"});
  header.insert(header.end(), {"dimension", "group", "indicator", "replications", "mean", "sd",
                               "ci95_low", "ci95_high"});
  csv.header(header);
  for (std::size_t p = 0; p < results.size(); ++p) {
    for (const SummaryRow& row : summarise(results[p], periods)) {
      csv.field(p + 1);
      for (const double value : design.points[p]) csv.field(value);
      csv.field(row.period.fiscal_year_label());
      if (quarterly) csv.field(row.period.quarter).field(core::format_date(row.period.first_day()));
      const auto& [dimension, group] = results[p].front().groups[row.group];
      csv.field(dimension).field(group).field(row.indicator).field(row.replications);
      csv.field(row.mean).field(row.sd).field(row.ci95_low).field(row.ci95_high);
      csv.end_row();
    }
  }
  close_output(out, path);
}

void write_sensitivity(const std::filesystem::path& path, const SweepDesign& design,
                       const std::vector<SensitivityRow>& rows) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"fiscal_year", "indicator", "rank", "parameter", "low", "high", "mean_at_low",
              "mean_at_high", "swing", "standardised_coefficient", "method"});
  int rank = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SensitivityRow& r = rows[i];
    const bool first_of_group =
        i == 0 || rows[i - 1].fiscal_year != r.fiscal_year || rows[i - 1].indicator != r.indicator;
    rank = first_of_group ? 1 : rank + 1;
    csv.field(core::FiscalQuarter{r.fiscal_year, 1}.fiscal_year_label()).field(r.indicator);
    csv.field(rank).field(design.axes[r.axis].key).field(r.low).field(r.high);
    csv.field(r.mean_at_low).field(r.mean_at_high).field(r.swing);
    csv.field(r.standardised_coefficient).field(design_name(design.kind));
    csv.end_row();
  }
  close_output(out, path);
}

}  // namespace parcours::experiment
