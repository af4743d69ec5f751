#pragma once
// Finding the value of one parameter at which an indicator meets a target.
//
// Every evaluation runs the same replications with the same seed (common random numbers), so
// the mean over replications is a deterministic function of the parameter, monotone wherever
// the model is, with small steps instead of noise. The root is bracketed by the bounds and found
// by regula falsi with the Illinois modification (superlinear, and never stuck on one side),
// until the bracket is narrower than the tolerance or the mean is within a tenth of its
// standard error of the target (closer than the replications can tell).
// Its uncertainty comes from the replications by the delta method: the mean's standard error
// at the root divided by the slope there (a central difference over 5 % of the bounds), with
// Student's t on n - 1 degrees of freedom.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "experiment/replication.hpp"

namespace parcours::experiment {

/// What is calibrated: an indicator, or the ratio of two ("parcours_ended_dropout/
/// parcours_started"), for all clients, summed over one fiscal year or the whole horizon, in
/// each replication.
struct CalibrationTarget {
  std::string numerator;
  std::string denominator;         // empty = no ratio
  std::optional<int> fiscal_year;  // its first year (2025 for 2025-2026); none = every year
  double value = 0.0;

  /// "a" or "a/b".
  [[nodiscard]] std::string name() const;
  /// The replication's value. Throws io::InputError for an unknown indicator (with a "did you
  /// mean") or a fiscal year outside the run.
  [[nodiscard]] double of(const ReplicationResult& result) const;
};

/// Parses --indicator and --period ("2025-2026", "2025" or "" for every year). Throws
/// io::InputError for a malformed value.
CalibrationTarget parse_target(const std::string& indicator, const std::string& period,
                               double value);

struct Evaluation {
  double x = 0.0;
  double mean = 0.0;  // of the replications' values
  double sd = 0.0;    // NaN with one replication
};

struct Calibration {
  double value = 0.0;
  double ci95_low = 0.0;  // NaN with one replication or a flat slope
  double ci95_high = 0.0;
  Evaluation at_value;
  double slope = 0.0;  // d mean / d parameter around the value
  int replications = 0;
  bool converged = false;               // bracket narrower than the tolerance (or an exact hit)
  std::vector<Evaluation> evaluations;  // in the order made, the slope's two included
};

/// Per-replication values of the target at a parameter value.
using Evaluator = std::function<std::vector<double>(double x)>;

/// The values the parameter can take: x -> the nearest one (rounding for an integer
/// parameter, to the digits written into the scenario otherwise).
using Snap = std::function<double(double x)>;

/// Solves mean(evaluate(x)) = target for x in [lo, hi] to within `tolerance` on x, in at most
/// `max_evaluations` evaluations, evaluating only snapped values (when `snap` is given), so
/// that every x recorded is the one run. Throws io::InputError naming "--bounds" if the target
/// is not between the means at lo and hi.
Calibration calibrate(const Evaluator& evaluate, double lo, double hi, double target,
                      double tolerance, const Snap& snap = {}, int max_evaluations = 40);

}  // namespace parcours::experiment
