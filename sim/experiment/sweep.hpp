#pragma once
// The design of a sweep: which parameters vary, over which values, and the points (one value
// per parameter each) at which the scenario is run. Every point runs the same replications
// with the same seed, so points differ by their parameters only (common random numbers).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/csv_reader.hpp"
#include "policy/scenario.hpp"

namespace parcours::experiment {

/// One parameter a sweep varies, from `--set key=lo:hi[:step]`, or from a value holding the
/// range in `$(lo:hi[:step])`, e.g. `parcours.dropout={family="constant",rate_per_week=
/// $(0.01:0.04:0.01)}`: the expression run is before + value + after.
struct SweepAxis {
  std::string key;  // section.key as written (activity.NAME.key for activities)
  std::string before;
  std::string after;
  double lo = 0.0;
  double hi = 0.0;
  double step = 0.0;     // 0 = not given (Latin hypercube or points)
  bool integer = false;  // the parameter takes integers: values are rounded

  [[nodiscard]] std::string expression(double value) const {
    return before + value_text(value) + after;
  }
  /// The value the scenario receives for x: rounded for an integer parameter, else read back
  /// from value_text(x).
  [[nodiscard]] double snap(double x) const;
  /// lo, lo + step, ... up to hi (within rounding); needs a step.
  [[nodiscard]] std::vector<double> grid() const;
  /// A value as written into the scenario and the tables: 12 significant digits at most, so
  /// that lo + k step reads 0.3, not 0.30000000000000004.
  static std::string value_text(double value);
};

/// The axis a --set describes, or nullopt for a plain override (no range in it). Throws
/// io::InputError naming "--set" for an unknown key (with its "did you mean"), lo > hi, a step
/// that is not positive, or a malformed range.
std::optional<SweepAxis> parse_axis(const std::string& set);

enum class DesignKind { kGrid, kLatinHypercube, kPoints };

struct SweepDesign {
  DesignKind kind = DesignKind::kGrid;
  std::vector<SweepAxis> axes;
  std::vector<std::vector<double>> points;  // [point][axis]
  /// Grid only: the number of values of each axis; points are in row-major order (the last
  /// axis varies fastest).
  std::vector<std::size_t> levels;
};

/// Every combination of the axes' grids. Throws io::InputError if an axis has no step.
SweepDesign grid_design(std::vector<SweepAxis> axes);
/// `n` points, each axis's range cut into n equal strata with one point in each, the strata
/// matched at random across axes, from a stream keyed by `seed` only.
SweepDesign latin_hypercube(std::vector<SweepAxis> axes, int n, std::uint64_t seed);
/// The rows of a table with one column per parameter key (section.key), numbers only.
SweepDesign points_design(const io::CsvTable& table);

/// The overrides of point `p`, to append to the scenario's own.
std::vector<policy::Override> point_overrides(const SweepDesign& design, std::size_t p);

}  // namespace parcours::experiment
