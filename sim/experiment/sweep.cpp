#include "experiment/sweep.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

#include "core/random_stream.hpp"
#include "io/input_error.hpp"
#include "policy/parameter_schema.hpp"

namespace parcours::experiment {

namespace {

// "LHS": the stream of the Latin hypercube, apart from every model stream (those use the
// replication index in their key; this one has no replication).
constexpr std::uint32_t kLatinHypercubePurpose = 0x4c4853;

std::optional<double> number_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// "lo:hi" or "lo:hi:step" -> the axis's numbers; nullopt if it is not of that shape.
bool parse_range(const std::string& text, SweepAxis& axis) {
  const std::size_t first = text.find(':');
  if (first == std::string::npos) return false;
  const std::size_t second = text.find(':', first + 1);
  const auto lo = number_of(text.substr(0, first));
  const auto hi = number_of(
      text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1));
  std::optional<double> step = 0.0;
  if (second != std::string::npos) step = number_of(text.substr(second + 1));
  if (!lo || !hi || !step) return false;
  axis.lo = *lo;
  axis.hi = *hi;
  axis.step = *step;
  return true;
}

// Checks the key against the schema (unknown key: the --set "did you mean" error) and tells
// whether it takes integers.
bool integer_key(const std::string& key) {
  const policy::Override o = policy::parse_override(key + "=0");
  const policy::ParamSpec* spec = policy::find_section(o.section)->find(o.key);
  return spec->type == policy::ParamType::kInteger;
}

double canonical(double value, bool integer) {
  if (integer) return std::round(value);
  return std::strtod(SweepAxis::value_text(value).c_str(), nullptr);
}

}  // namespace

std::string SweepAxis::value_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.12g", value);
  return text;
}

double SweepAxis::snap(double x) const { return canonical(x, integer); }

std::vector<double> SweepAxis::grid() const {
  std::vector<double> values;
  const double slack = 1e-9 * step;  // so that 0:0.3:0.1 ends at 0.3 despite rounding
  for (int k = 0; lo + k * step <= hi + slack; ++k)
    values.push_back(canonical(lo + k * step, integer));
  return values;
}

std::optional<SweepAxis> parse_axis(const std::string& set) {
  const std::size_t equals = set.find('=');
  if (equals == std::string::npos) return std::nullopt;  // parse_override reports it
  SweepAxis axis;
  axis.key = set.substr(0, equals);
  const std::string value = set.substr(equals + 1);
  const std::size_t open = value.find("$(");
  std::string range = value;
  if (open != std::string::npos) {
    const std::size_t close = value.find(')', open);
    if (close == std::string::npos)
      throw io::InputError("--set", "--set " + set + ": '$(' without its ')'");
    axis.before = value.substr(0, open);
    axis.after = value.substr(close + 1);
    range = value.substr(open + 2, close - open - 2);
    if (!parse_range(range, axis)) {
      throw io::InputError(
          "--set", "--set " + set + ": expected $(lo:hi) or $(lo:hi:step), got $(" + range + ")");
    }
  } else if (!parse_range(range, axis)) {
    return std::nullopt;
  }
  const bool integer = integer_key(axis.key);  // checks the key in every case
  axis.integer = integer && open == std::string::npos;
  if (axis.lo > axis.hi) {
    throw io::InputError("--set", "--set " + set + ": the range's low end " +
                                      SweepAxis::value_text(axis.lo) + " is above its high end " +
                                      SweepAxis::value_text(axis.hi));
  }
  if (range.find(':', range.find(':') + 1) != std::string::npos && axis.step <= 0) {
    throw io::InputError("--set", "--set " + set + ": the step must be positive, got " +
                                      SweepAxis::value_text(axis.step));
  }
  return axis;
}

SweepDesign grid_design(std::vector<SweepAxis> axes) {
  SweepDesign design;
  design.kind = DesignKind::kGrid;
  std::vector<std::vector<double>> grids;
  for (const SweepAxis& axis : axes) {
    if (axis.step <= 0) {
      throw io::InputError("--set", "--set " + axis.key + ": a grid needs a step, " + axis.key +
                                        "=lo:hi:step (or give --lhs N for a Latin hypercube)");
    }
    grids.push_back(axis.grid());
    design.levels.push_back(grids.back().size());
  }
  const std::size_t total = std::accumulate(design.levels.begin(), design.levels.end(),
                                            std::size_t{1}, std::multiplies<>());
  for (std::size_t p = 0; p < total; ++p) {
    std::vector<double> point(axes.size());
    std::size_t rest = p;
    for (std::size_t k = axes.size(); k-- > 0;) {
      point[k] = grids[k][rest % design.levels[k]];
      rest /= design.levels[k];
    }
    design.points.push_back(std::move(point));
  }
  design.axes = std::move(axes);
  return design;
}

SweepDesign latin_hypercube(std::vector<SweepAxis> axes, int n, std::uint64_t seed) {
  SweepDesign design;
  design.kind = DesignKind::kLatinHypercube;
  const auto size = static_cast<std::size_t>(n);
  design.points.assign(size, std::vector<double>(axes.size()));
  core::RandomStream stream(core::StreamKey{seed, 0}, 0, kLatinHypercubePurpose);
  for (std::size_t k = 0; k < axes.size(); ++k) {
    std::vector<std::size_t> strata(size);
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = size; i > 1; --i) std::swap(strata[i - 1], strata[stream.below(i)]);
    for (std::size_t i = 0; i < size; ++i) {
      const double u = (static_cast<double>(strata[i]) + stream.uniform()) / static_cast<double>(n);
      design.points[i][k] = canonical(axes[k].lo + u * (axes[k].hi - axes[k].lo), axes[k].integer);
    }
  }
  design.axes = std::move(axes);
  return design;
}

SweepDesign points_design(const io::CsvTable& table) {
  SweepDesign design;
  design.kind = DesignKind::kPoints;
  for (std::size_t c = 0; c < table.header().size(); ++c) {
    SweepAxis axis;
    axis.key = table.header()[c];
    try {
      axis.integer = integer_key(axis.key);
    } catch (const io::InputError& e) {
      throw io::InputError(table.source(), table.header_line(), c + 1, e.message());
    }
    design.axes.push_back(axis);
  }
  if (table.empty()) throw io::InputError(table.source(), "no points (the table has no rows)");
  for (std::size_t r = 0; r < table.size(); ++r) {
    std::vector<double> point;
    for (std::size_t c = 0; c < design.axes.size(); ++c) {
      const double value = table.number(r, c);
      point.push_back(value);
      SweepAxis& axis = design.axes[c];
      axis.lo = r == 0 ? value : std::min(axis.lo, value);
      axis.hi = r == 0 ? value : std::max(axis.hi, value);
    }
    design.points.push_back(std::move(point));
  }
  return design;
}

std::vector<policy::Override> point_overrides(const SweepDesign& design, std::size_t p) {
  std::vector<policy::Override> overrides;
  for (std::size_t k = 0; k < design.axes.size(); ++k) {
    const SweepAxis& axis = design.axes[k];
    overrides.push_back(
        policy::parse_override(axis.key + "=" + axis.expression(design.points[p][k])));
  }
  return overrides;
}

}  // namespace parcours::experiment
