#pragma once
// Across replications: mean, standard deviation and a 95 % confidence interval (Student t)
// of every indicator in every period.

#include <string>
#include <vector>

#include "experiment/replication.hpp"

namespace parcours::experiment {

struct SummaryRow {
  core::FiscalQuarter period;
  std::uint16_t group = 0;  // index into the replications' group labels
  std::string_view indicator;
  int replications = 0;
  double mean = 0.0;
  double sd = 0.0;        // NaN with one replication
  double ci95_low = 0.0;  // NaN with one replication
  double ci95_high = 0.0;
};

enum class Periods { kQuarterly, kYearly };

/// One row per (period, indicator), in the order of the replications' own tables.
std::vector<SummaryRow> summarise(const std::vector<ReplicationResult>& results, Periods periods);

}  // namespace parcours::experiment
