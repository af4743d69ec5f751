#include "model/hazard.hpp"

#include <cassert>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>

namespace parcours::model {

namespace {

// Rates and scales come from scenario files: NaN and infinities are input errors, not values.
bool finite_non_negative(double x) { return std::isfinite(x) && x >= 0; }
bool finite_positive(double x) { return std::isfinite(x) && x > 0; }

}  // namespace

std::string Hazard::validate() const {
  std::ostringstream msg;
  switch (family) {
    case Family::kNone:
      break;
    case Family::kConstant:
      if (!finite_non_negative(rate)) {
        msg << "constant hazard: rate must be a finite number >= 0 per day (got " << rate << ")";
      }
      break;
    case Family::kWeibull:
      if (!finite_positive(shape)) {
        msg << "weibull hazard: shape must be a finite number > 0 (got " << shape << ")";
      } else if (!finite_positive(scale)) {
        msg << "weibull hazard: scale must be a finite number of days > 0 (got " << scale << ")";
      }
      break;
    case Family::kPiecewise:
      if (piecewise.empty()) {
        msg << "piecewise hazard: needs at least one rate";
      } else if (!finite_positive(step)) {
        msg << "piecewise hazard: step must be a finite number of days > 0 (got " << step << ")";
      } else {
        for (std::size_t i = 0; i < piecewise.size(); ++i) {
          if (!finite_non_negative(piecewise[i])) {
            msg << "piecewise hazard: rate " << i + 1 << " of " << piecewise.size()
                << " must be a finite number >= 0 per day (got " << piecewise[i] << ")";
            break;
          }
        }
      }
      break;
  }
  return msg.str();
}

double Hazard::cumulative(double t) const {
  if (t <= 0) return 0;
  switch (family) {
    case Family::kNone:
      return 0;
    case Family::kConstant:
      return rate > 0 ? rate * t : 0;  // avoids 0 * inf at t = +inf
    case Family::kWeibull:
      return std::pow(t / scale, shape);
    case Family::kPiecewise: {
      double total = 0;
      const std::size_t last = piecewise.size() - 1;
      for (std::size_t i = 0; i < piecewise.size(); ++i) {
        const double r = piecewise[i];
        // Interval starts computed from the index, not accumulated, so they do not drift.
        const double start = static_cast<double>(i) * step;
        if (i == last || t <= start + step) {
          if (r > 0) total += r * (t - start);  // r = 0 skipped: 0 * inf at t = +inf
          return total;
        }
        total += r * step;
      }
      return total;
    }
  }
  return 0;
}

double Hazard::inverse_cumulative(double h) const {
  if (h <= 0) return 0;
  switch (family) {
    case Family::kNone:
      return kNever;
    case Family::kConstant:
      return rate > 0 ? h / rate : kNever;
    case Family::kWeibull:
      return scale * std::pow(h, 1.0 / shape);
    case Family::kPiecewise: {
      double remaining = h;
      const std::size_t last = piecewise.size() - 1;
      for (std::size_t i = 0; i < piecewise.size(); ++i) {
        const double r = piecewise[i];
        const double start = static_cast<double>(i) * step;
        if (i == last) return r > 0 ? start + remaining / r : kNever;  // 0 forever: never
        const double mass = r * step;
        if (r > 0 && remaining <= mass) return start + remaining / r;
        remaining -= mass;
      }
      return kNever;
    }
  }
  return kNever;
}

double Hazard::survival(double t, double multiplier) const {
  const double big_h = cumulative(t);
  // A zero multiplier or zero cumulative hazard means no risk; this also avoids 0 * inf.
  if (multiplier == 0 || big_h == 0) return 1;
  return std::exp(-multiplier * big_h);
}

double Hazard::sample(core::RandomStream& rng, double multiplier) const {
  assert(multiplier >= 0);
  // The uniform is drawn before any early return so every family and multiplier uses exactly
  // one draw (common random numbers across scenarios).
  const double e = -std::log(rng.uniform());
  if (family == Family::kNone || multiplier == 0) return kNever;
  return inverse_cumulative(e / multiplier);
}

double hazard_multiplier(std::span<const double> betas, std::span<const double> covariates) {
  if (betas.size() != covariates.size()) {
    std::ostringstream msg;
    msg << "hazard multiplier: " << betas.size() << " effects for " << covariates.size()
        << " covariates";
    throw std::invalid_argument(msg.str());
  }
  double linear = 0;
  for (std::size_t k = 0; k < betas.size(); ++k) linear += betas[k] * covariates[k];
  return std::exp(linear);
}

}  // namespace parcours::model
