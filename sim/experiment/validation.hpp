#pragma once
// Published figures against simulated ones: each target's value in every replication, their
// mean with a 95 % interval (Student's t over the replications), and whether the mean agrees
// with the published value within the target's tolerance. Written as validation.csv:
//
//   id, indicator, period, dimension, group, published, source, tolerance (as written, "10%"
//   or "0.05"), tolerance_kind (relative or absolute), accepted_low, accepted_high (published
//   -/+ the tolerance), simulated_mean, ci95_low, ci95_high, replications, within
//
// "within" compares the mean, not the interval: with many replications the interval shrinks
// to nothing, while the tolerance says how far a model may be from a published figure that
// counts a somewhat different flow or year.

#include <filesystem>
#include <vector>

#include "experiment/replication.hpp"
#include "experiment/targets.hpp"

namespace parcours::experiment {

struct ValidationRow {
  Target target;
  double mean = 0.0;
  double ci95_low = 0.0;  // NaN with one replication
  double ci95_high = 0.0;
  int replications = 0;
  bool within = false;
};

/// One row per target, in the targets' order. Throws io::InputError at the target's file:line
/// if the runs lack its indicator, group or period.
std::vector<ValidationRow> validate(const std::vector<Target>& targets,
                                    const std::vector<ReplicationResult>& results);

/// Writes validation.csv (the columns above).
void write_validation(const std::filesystem::path& path, const std::vector<ValidationRow>& rows);

}  // namespace parcours::experiment
