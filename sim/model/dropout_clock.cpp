#include "model/dropout_clock.hpp"

#include <algorithm>
#include <cmath>

namespace parcours::model {

double accompaniment_beta(const Effects& effects) {
  double beta = 0.0;
  for (const auto& [covariate, b] : effects.terms) {
    if (covariate == Covariate::kAccompaniment) beta += b;
  }
  return beta;
}

double dropout_delay(const Hazard& hazard, const DropoutClock& clock, core::Time now) {
  if (hazard.family == Hazard::Family::kNone || clock.multiplier <= 0.0) return Hazard::kNever;
  const double age = now - clock.origin;
  const double left = clock.mass - clock.used;
  if (left <= 0.0) return 0.0;
  const double at = hazard.inverse_cumulative(hazard.cumulative(age) + left / clock.multiplier);
  if (!std::isfinite(at)) return Hazard::kNever;
  return std::max(0.0, at - age);
}

void add_contact(const Hazard& hazard, DropoutClock& clock, core::Time now, double beta,
                 double days_per_month) {
  clock.used += clock.multiplier * (hazard.cumulative(now - clock.origin) -
                                    hazard.cumulative(clock.since - clock.origin));
  clock.since = now;
  ++clock.contacts;
  const double months = (now - clock.origin) / days_per_month;
  const double per_month = months > 0.0 ? clock.contacts / months : 0.0;
  clock.multiplier = clock.base * std::exp(beta * per_month);
}

}  // namespace parcours::model
