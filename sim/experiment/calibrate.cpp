#include "experiment/calibrate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>

#include "core/statistics.hpp"
#include "core/student_t.hpp"
#include "io/input_error.hpp"
#include "policy/parameter_schema.hpp"

namespace parcours::experiment {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

double sum_of(const ReplicationResult& result, const std::string& indicator,
              std::optional<int> year) {
  double sum = 0.0;
  bool found = false;
  bool year_found = false;
  for (const model::IndicatorValue& v : result.yearly) {
    if (v.group != 0 || v.indicator != indicator) continue;
    found = true;
    if (year && v.period.year != *year) continue;
    year_found = true;
    sum += v.value;
  }
  if (!found) {
    std::set<std::string_view> names;
    for (const model::IndicatorValue& v : result.yearly) names.insert(v.indicator);
    throw io::InputError("--indicator",
                         "unknown indicator '" + indicator + "'" +
                             policy::suggestion(indicator, {names.begin(), names.end()}));
  }
  if (!year_found) {
    throw io::InputError("--period", "the run has no fiscal year " +
                                         core::FiscalQuarter{*year, 1}.fiscal_year_label());
  }
  return sum;
}

Evaluation evaluation_of(double x, const std::vector<double>& values) {
  core::Tally tally;
  for (const double v : values) tally.add(v);
  return {x, tally.mean(), values.size() > 1 ? std::sqrt(tally.variance()) : kNan};
}

std::string number(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", x);
  return text;
}

// The search stops once the mean is this many standard errors from the target: a finer root
// would be finer than its own confidence interval by far.
constexpr double kNoiseShare = 0.1;

double standard_error(const Evaluation& e, int replications) {
  return replications > 1 ? e.sd / std::sqrt(static_cast<double>(replications)) : 0.0;
}

}  // namespace

std::string CalibrationTarget::name() const {
  return denominator.empty() ? numerator : numerator + "/" + denominator;
}

double CalibrationTarget::of(const ReplicationResult& result) const {
  const double top = sum_of(result, numerator, fiscal_year);
  if (denominator.empty()) return top;
  return top / sum_of(result, denominator, fiscal_year);
}

CalibrationTarget parse_target(const std::string& indicator, const std::string& period,
                               double value) {
  CalibrationTarget target;
  target.value = value;
  const std::size_t slash = indicator.find('/');
  target.numerator = indicator.substr(0, slash);
  if (slash != std::string::npos) target.denominator = indicator.substr(slash + 1);
  if (target.numerator.empty() || (slash != std::string::npos && target.denominator.empty())) {
    throw io::InputError("--indicator", "expected NAME or NAME/NAME, got '" + indicator + "'");
  }
  if (!period.empty()) {
    char* end = nullptr;
    const long year = std::strtol(period.c_str(), &end, 10);
    const bool span = *end == '-' && std::strtol(end + 1, nullptr, 10) == year + 1 &&
                      std::string(end + 1).size() == 4;
    if (end == period.c_str() || (*end != '\0' && !span) || year < 1900 || year > 9999) {
      throw io::InputError("--period",
                           "expected a fiscal year such as 2025-2026, got '" + period + "'");
    }
    target.fiscal_year = static_cast<int>(year);
  }
  return target;
}

Calibration calibrate(const Evaluator& evaluate, double lo, double hi, double target,
                      double tolerance, const Snap& snap, int max_evaluations) {
  const auto snapped = [&snap](double x) { return snap ? snap(x) : x; };
  lo = snapped(lo);
  hi = snapped(hi);
  Calibration result;
  auto run = [&](double x) {
    const std::vector<double> values = evaluate(x);
    result.replications = static_cast<int>(values.size());
    result.evaluations.push_back(evaluation_of(x, values));
    return result.evaluations.back();
  };
  Evaluation best = run(lo);
  double a = lo;
  double fa = best.mean - target;
  const Evaluation at_hi = run(hi);
  double b = hi;
  double fb = at_hi.mean - target;
  if (std::abs(fb) < std::abs(fa)) best = at_hi;
  const bool same_side = (fa > 0) == (fb > 0) && fa != 0 && fb != 0;
  if (std::isnan(fa) || std::isnan(fb) || same_side) {
    throw io::InputError(
        "--bounds", "the target " + number(target) + " is not between the means at the bounds (" +
                        number(fa + target) + " at " + number(lo) + ", " + number(fb + target) +
                        " at " + number(hi) + "): widen --bounds");
  }
  const double hit = 1e-12 * std::max(1.0, std::abs(target));
  bool close_enough = false;
  int side = 0;  // which end moved last: -1 = b, +1 = a (Illinois halves the other's value)
  while (fa != 0 && fb != 0 && std::abs(b - a) > tolerance &&
         static_cast<int>(result.evaluations.size()) < max_evaluations) {
    double c = (fa * b - fb * a) / (fa - fb);
    // A point that hardly moves the bracket (an Illinois weight gone tiny next to a value
    // just off the target) is replaced by the midpoint: the bracket always shrinks.
    if (!(c > a + 0.25 * tolerance && c < b - 0.25 * tolerance)) c = 0.5 * (a + b);
    c = snapped(c);
    if (!(c > a && c < b)) c = snapped(0.5 * (a + b));
    if (!(c > a && c < b)) break;  // no value left between a and b (integers)
    const Evaluation e = run(c);
    double fc = e.mean - target;
    if (std::abs(fc) <= std::abs(best.mean - target)) best = e;
    if (std::abs(fc) <= hit) fc = 0;  // on target but for rounding (means of ratios)
    if (fc == 0) break;
    if (std::abs(fc) <= kNoiseShare * standard_error(e, result.replications)) {
      close_enough = true;  // closer than the replications can tell apart
      break;
    }
    if ((fc > 0) == (fb > 0)) {
      b = c;
      fb = fc;
      if (side == -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side == +1) fb /= 2;
      side = +1;
    }
  }
  result.converged = close_enough || fa == 0 || fb == 0 || std::abs(best.mean - target) <= hit ||
                     std::abs(b - a) <= tolerance;
  result.value = best.x;
  result.at_value = best;

  const double h = 0.05 * (hi - lo);
  const double x_lo = snapped(std::max(lo, best.x - h));
  const double x_hi = snapped(std::min(hi, best.x + h));
  result.slope = x_hi > x_lo ? (run(x_hi).mean - run(x_lo).mean) / (x_hi - x_lo) : kNan;
  result.ci95_low = result.ci95_high = kNan;
  if (result.replications > 1 && result.slope != 0 && !std::isnan(result.slope)) {
    const double se = best.sd / std::sqrt(static_cast<double>(result.replications));
    const double half =
        core::student_t_quantile(0.975, result.replications - 1) * se / std::abs(result.slope);
    result.ci95_low = best.x - half;
    result.ci95_high = best.x + half;
  }
  return result;
}

}  // namespace parcours::experiment
