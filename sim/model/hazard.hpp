#pragma once
// Time-to-event distributions described by their hazard h(t) (events per day at duration t,
// given no event yet), so scenarios can vary dropout and job-finding assumptions and make them
// depend on the client through proportional hazards (rules D5, D6): client i has
// h_i(t) = m_i h(t), so S_i(t) = exp(-m_i H(t)) with H the cumulative hazard.
//
// Sampling is by inversion: E = -log(U) ~ Exp(1), T = H^{-1}(E / m). This is exact for every
// family and uses exactly one uniform per draw whatever the family or multiplier, so switching a
// scenario from one family to another keeps common random numbers aligned.

#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/random_stream.hpp"

namespace parcours::model {

struct Hazard {
  enum class Family { kNone, kConstant, kWeibull, kPiecewise };

  Family family = Family::kNone;  // kNone: the event never happens
  double rate = 0;                // constant: events per day
  // Weibull: h(t) = (shape/scale) (t/scale)^(shape-1), H(t) = (t/scale)^shape; scale in days.
  double shape = 1;
  double scale = 0;
  // Piecewise constant: rate per day in consecutive intervals of `step` days starting at 0;
  // the last rate holds forever (0 there: the event may never happen).
  std::vector<double> piecewise;
  double step = 7;  // interval length, days (weekly by default)

  static Hazard none() { return {}; }
  static Hazard constant(double rate_per_day) {
    Hazard h;
    h.family = Family::kConstant;
    h.rate = rate_per_day;
    return h;
  }
  static Hazard weibull(double shape, double scale_days) {
    Hazard h;
    h.family = Family::kWeibull;
    h.shape = shape;
    h.scale = scale_days;
    return h;
  }
  static Hazard piecewise_constant(std::vector<double> rates_per_day, double step_days = 7) {
    Hazard h;
    h.family = Family::kPiecewise;
    h.piecewise = std::move(rates_per_day);
    h.step = step_days;
    return h;
  }

  /// "" when usable, else a message for the policy layer to report with file:line.
  [[nodiscard]] std::string validate() const;

  /// Days until the event for a client whose hazard is `multiplier` times this one (m >= 0);
  /// +infinity if it never happens. Precondition: validate() is "".
  double sample(core::RandomStream& rng, double multiplier = 1.0) const;
  /// H(t), the integral of h over [0, t]; 0 for t <= 0. H(+inf) may be finite (piecewise with a
  /// last rate of 0, or kNone).
  [[nodiscard]] double cumulative(double t) const;
  /// P(T > t) = exp(-m H(t)). survival(+inf, m) is the probability the event never happens.
  [[nodiscard]] double survival(double t, double multiplier = 1.0) const;
  /// The smallest t >= 0 with H(t) >= h; +infinity when H never reaches h.
  [[nodiscard]] double inverse_cumulative(double h) const;

  static constexpr double kNever = std::numeric_limits<double>::infinity();
};

/// Proportional-hazards multiplier from log-linear effects: exp(sum_k beta_k x_k), e.g. x = (count
/// of limiting characteristics, accompaniment intensity, ...) (rules D1, D5, D6). Throws
/// std::invalid_argument when the two spans differ in length.
double hazard_multiplier(std::span<const double> betas, std::span<const double> covariates);

}  // namespace parcours::model
