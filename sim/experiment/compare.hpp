#pragma once
// Paired comparison of two scenarios run with common random numbers: replication k of A and
// replication k of B share their random streams (same seed, same index), so the difference
// B - A of each replication cancels much of the noise both share. For every period, group
// and indicator the two have in common: both means, the paired difference with its Student t
// interval, and the half-width an unpaired (Welch) comparison of the same runs would give.

#include <filesystem>
#include <string_view>
#include <vector>

#include "experiment/replication.hpp"
#include "experiment/summary.hpp"

namespace parcours::experiment {

struct ComparisonRow {
  core::FiscalQuarter period;  // for yearly rows only `year` is meaningful
  std::uint16_t group = 0;     // index into A's group labels
  std::string_view indicator;
  int replications = 0;
  double mean_a = 0.0;
  double mean_b = 0.0;
  double difference = 0.0;     // mean of B - A over replications
  double difference_sd = 0.0;  // sd of the replications' differences; NaN with one
  double ci95_low = 0.0;       // Student t with n - 1 degrees of freedom; NaN with one
  double ci95_high = 0.0;
  double unpaired_half_width = 0.0;  // Welch interval of mean_b - mean_a if run independently
  double half_width_ratio = 0.0;     // paired / unpaired half-width: below 1, CRN helped
};

/// One row per (period, group, indicator) present in both A and B (matched by the group's
/// dimension and label, not its index), in A's order. `a` and `b` hold the same number of
/// replications, paired by index.
std::vector<ComparisonRow> compare(const std::vector<ReplicationResult>& a,
                                   const std::vector<ReplicationResult>& b, Periods periods);

/// comparison_quarterly.csv or comparison_yearly.csv (docs/experiments.md).
void write_comparison(const std::filesystem::path& path, const std::vector<ReplicationResult>& a,
                      const std::vector<ReplicationResult>& b, Periods periods);

}  // namespace parcours::experiment
