#include "experiment/validation.hpp"

#include <cmath>
#include <limits>

#include "core/statistics.hpp"
#include "core/student_t.hpp"
#include "experiment/table_file.hpp"
#include "io/csv_writer.hpp"

namespace parcours::experiment {

std::vector<ValidationRow> validate(const std::vector<Target>& targets,
                                    const std::vector<ReplicationResult>& results) {
  const int n = static_cast<int>(results.size());
  const double t = n > 1 ? core::student_t_quantile(0.975, n - 1) : 0.0;
  std::vector<ValidationRow> rows;
  for (const Target& target : targets) {
    core::Tally tally;
    for (const ReplicationResult& r : results) tally.add(target.of(r));
    ValidationRow row;
    row.target = target;
    row.replications = n;
    row.mean = tally.mean();
    row.ci95_low = row.ci95_high = std::numeric_limits<double>::quiet_NaN();
    if (n > 1) {
      const double half = t * std::sqrt(tally.variance() / n);
      row.ci95_low = row.mean - half;
      row.ci95_high = row.mean + half;
    }
    row.within = target.within(row.mean);
    rows.push_back(std::move(row));
  }
  return rows;
}

void write_validation(const std::filesystem::path& path, const std::vector<ValidationRow>& rows) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"id", "indicator", "period", "dimension", "group", "published", "source", "tolerance",
              "tolerance_kind", "accepted_low", "accepted_high", "simulated_mean", "ci95_low",
              "ci95_high", "replications", "within"});
  for (const ValidationRow& row : rows) {
    const Target& t = row.target;
    csv.field(t.id).field(t.indicator()).field(t.period.label()).field(t.dimension);
    csv.field(t.group).field(t.value).field(t.source);
    const double allowed = t.tolerance.absolute(t.value);
    csv.field(t.tolerance.label()).field(t.tolerance.relative ? "relative" : "absolute");
    csv.field(t.value - allowed).field(t.value + allowed);
    csv.field(row.mean).field(row.ci95_low).field(row.ci95_high).field(row.replications);
    csv.field(row.within ? "true" : "false");
    csv.end_row();
  }
  close_output(out, path);
}

}  // namespace parcours::experiment
