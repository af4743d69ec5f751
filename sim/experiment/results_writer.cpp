#include "experiment/results_writer.hpp"

#include <algorithm>
#include <fstream>

#include "experiment/agreement_tables.hpp"
#include "experiment/summary.hpp"
#include "experiment/table_file.hpp"
#include "experiment/uncertainty_ranking.hpp"
#include "io/csv_writer.hpp"

namespace parcours::experiment {

namespace {

void write_indicators(const std::filesystem::path& path,
                      const std::vector<ReplicationResult>& results, Periods periods) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  if (periods == Periods::kQuarterly) {
    csv.header({"replication", "fiscal_year", "quarter", "period_start", "dimension", "group",
                "indicator", "value"});
  } else {
    csv.header({"replication", "fiscal_year", "dimension", "group", "indicator", "value"});
  }
  for (const ReplicationResult& r : results) {
    for (const model::IndicatorValue& v : periods == Periods::kQuarterly ? r.quarterly : r.yearly) {
      csv.field(r.replication + 1).field(v.period.fiscal_year_label());
      if (periods == Periods::kQuarterly) {
        csv.field(v.period.quarter).field(core::format_date(v.period.first_day()));
      }
      const auto& [dimension, group] = r.groups[v.group];
      csv.field(dimension).field(group).field(v.indicator).field(v.value);
      csv.end_row();
    }
  }
  close_output(out, path);
}

void write_summary(const std::filesystem::path& path, const std::vector<ReplicationResult>& results,
                   Periods periods) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  if (periods == Periods::kQuarterly) {
    csv.header({"fiscal_year", "quarter", "period_start", "dimension", "group", "indicator",
                "replications", "mean", "sd", "ci95_low", "ci95_high"});
  } else {
    csv.header({"fiscal_year", "dimension", "group", "indicator", "replications", "mean", "sd",
                "ci95_low", "ci95_high"});
  }
  for (const SummaryRow& row : summarise(results, periods)) {
    csv.field(row.period.fiscal_year_label());
    if (periods == Periods::kQuarterly) {
      csv.field(row.period.quarter).field(core::format_date(row.period.first_day()));
    }
    const auto& [dimension, group] = results.front().groups[row.group];
    csv.field(dimension).field(group).field(row.indicator).field(row.replications);
    csv.field(row.mean).field(row.sd).field(row.ci95_low).field(row.ci95_high);
    csv.end_row();
  }
  close_output(out, path);
}

// The value each uncertain parameter drew, one row per replication and parameter.
void write_parameters(const std::filesystem::path& path,
                      const std::vector<ReplicationResult>& results) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"replication", "parameter", "value"});
  for (const ReplicationResult& r : results) {
    for (const auto& [parameter, value] : r.parameters) {
      csv.field(r.replication + 1).field(parameter).field(value);
      csv.end_row();
    }
  }
  close_output(out, path);
}

// The uncertain parameters ranked by the share of each indicator's variance across the
// replications they explain (probabilistic sensitivity analysis); nothing without a ranking.
void write_uncertainty_ranking(const std::filesystem::path& path,
                               const std::vector<ReplicationResult>& results) {
  const UncertaintyRanking ranking = rank_uncertain_parameters(results);
  if (ranking.rows.empty()) return;
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"fiscal_year", "indicator", "rank", "parameter", "variance_share",
              "standardised_coefficient", "partial_rank_correlation", "r_squared", "replications"});
  int rank = 0;
  for (std::size_t i = 0; i < ranking.rows.size(); ++i) {
    const UncertaintyRow& r = ranking.rows[i];
    const bool first_of_group = i == 0 || ranking.rows[i - 1].fiscal_year != r.fiscal_year ||
                                ranking.rows[i - 1].indicator != r.indicator;
    rank = first_of_group ? 1 : rank + 1;
    csv.field(core::FiscalQuarter{r.fiscal_year, 1}.fiscal_year_label()).field(r.indicator);
    csv.field(rank).field(ranking.parameters[r.parameter]).field(r.variance_share);
    csv.field(r.standardised_coefficient).field(r.partial_rank_correlation).field(r.r_squared);
    csv.field(ranking.replications);
    csv.end_row();
  }
  close_output(out, path);
}

// The followed clients' journeys: replication by replication, each client's rows together in
// time order (the model records them in time order), clients by arrival number.
void write_trace(const std::filesystem::path& path, const std::vector<ReplicationResult>& results) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"replication", "client", "time_days", "date", "row", "what", "stage", "hook",
              "returned", "agreement", "hours"});
  for (const ReplicationResult& r : results) {
    std::vector<const model::TraceRow*> rows;
    rows.reserve(r.trace.size());
    for (const model::TraceRow& row : r.trace) rows.push_back(&row);
    std::stable_sort(
        rows.begin(), rows.end(),
        [](const model::TraceRow* a, const model::TraceRow* b) { return a->client < b->client; });
    for (const model::TraceRow* row : rows) {
      csv.field(r.replication + 1).field(row->client).field(row->time).field(row->date);
      csv.field(row->row).field(row->what).field(row->stage).field(row->hook);
      csv.field(row->returned).field(row->agreement);
      if (row->hours >= 0) {
        csv.field(row->hours);
      } else {
        csv.field("");
      }
      csv.end_row();
    }
  }
  close_output(out, path);
}

}  // namespace

bool has_uncertain_parameters(const std::vector<ReplicationResult>& results) {
  return std::any_of(results.begin(), results.end(),
                     [](const ReplicationResult& r) { return !r.parameters.empty(); });
}

void write_results(const std::filesystem::path& folder,
                   const std::vector<ReplicationResult>& results, const io::Manifest& manifest) {
  write_indicators(folder / "indicators_quarterly.csv", results, Periods::kQuarterly);
  write_indicators(folder / "indicators_yearly.csv", results, Periods::kYearly);
  write_summary(folder / "summary_quarterly.csv", results, Periods::kQuarterly);
  write_summary(folder / "summary_yearly.csv", results, Periods::kYearly);
  write_agreement_tables(folder, results);
  if (has_uncertain_parameters(results)) {
    write_parameters(folder / "parameters.csv", results);
    write_uncertainty_ranking(folder / "uncertainty_ranking.csv", results);
  }
  if (std::any_of(results.begin(), results.end(),
                  [](const ReplicationResult& r) { return !r.trace.empty(); })) {
    write_trace(folder / "trace.csv", results);
  }
  io::write_manifest(manifest, folder / "manifest.json");
}

}  // namespace parcours::experiment
