#pragma once
// Joint calibration: the values of several parameters that bring several targets closest
// together at once (issue 15), where calibrate.hpp moves one parameter to one target.
//
// Every evaluation runs the same replications with the same seed (common random numbers), so
// the objective is a deterministic function of the parameters. The objective is the sum over
// targets of ((mean - value) / scale)^2, scale being the target's tolerance (its own units:
// a 10 % tolerance on 58 000 clients weighs like 0.05 on a share). It is minimised by
// Nelder-Mead inside the box of the bounds: the simplex lives on the unit cube and every trial
// point is clamped into it, so no point outside the bounds is ever run (derivative-free, since
// the objective moves in small steps, not smoothly).
//
// Intervals come from the replications by the delta method: J is the targets' slopes in the
// parameters at the optimum (central differences over 2.5 % of each bound's width), S the
// covariance of the targets' means over replications; the parameters' covariance is the
// weighted least-squares sandwich (J'WJ)^-1 J'W S W J (J'WJ)^-1 with W = diag(1/scale^2), and
// each 95 % interval uses Student's t on n - 1 degrees of freedom.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace parcours::experiment {

struct JointParameter {
  std::string name;
  double lo = 0.0;
  double hi = 0.0;
};

struct JointTarget {
  std::string name;
  double value = 0.0;
  double scale = 1.0;  // > 0: how far from the value counts as one unit of the objective
};

/// Per-target, per-replication values at a point: values[target][replication].
using JointEvaluator = std::function<std::vector<std::vector<double>>(const std::vector<double>&)>;

struct JointEvaluation {
  std::vector<double> x;
  std::vector<double> means;  // by target
  double objective = 0.0;
};

struct JointCalibration {
  std::vector<double> value;  // by parameter
  std::vector<double> ci95_low;
  std::vector<double> ci95_high;
  std::vector<bool> moves_a_target;  // false: over its whole bounds it moves no target by
                                     // more than that target's standard error
  std::vector<double> target_mean;   // at the value, by target
  std::vector<double> target_ci95_low;
  std::vector<double> target_ci95_high;
  std::vector<std::vector<double>> slopes;  // d target mean / d parameter, [target][parameter]
  double objective = 0.0;
  int replications = 0;
  bool converged = false;                    // the simplex shrank below the tolerance
  std::vector<JointEvaluation> evaluations;  // in the order made, the slopes' included
};

/// The value parameter `index` can take nearest to x (the digits written into the scenario).
using JointSnap = std::function<double(std::size_t index, double x)>;

/// Minimises the objective over the box of `parameters`; `tolerance` is on the unit cube (the
/// simplex's widest side, as a share of each bound's width); at most `max_evaluations` points
/// (0: 100 per parameter). Only snapped points are run. Throws io::InputError naming
/// "--bounds" for bounds with lo >= hi.
JointCalibration calibrate_jointly(const JointEvaluator& evaluate,
                                   const std::vector<JointParameter>& parameters,
                                   const std::vector<JointTarget>& targets, double tolerance = 1e-3,
                                   int max_evaluations = 0, const JointSnap& snap = {});

}  // namespace parcours::experiment
