#pragma once
// Rule D6: accompaniment aims to reduce abandonment, so the effect of accompaniment on the
// dropout hazard follows the contacts actually made (seed 000, section 3.1: contacts are not
// always planned; an agent whose queue is long makes fewer), not the planned frequency.
//
// The Parcours's abandonment is drawn as an Exp(1) mass at its start; the hazard
// m(t) h(t - origin) uses it up, and the client abandons when it is used. The multiplier is the
// client's other effects times exp(beta x contacts per month), where contacts per month is
// the contacts made so far over the months since the Parcours started, as of the last
// contact (0 before the first). At each contact the mass used so far is banked and the time
// of abandonment recomputed: with contacts on time the rate is the planned frequency, with
// contacts late or missed it is lower.

#include "core/event.hpp"
#include "model/effects.hpp"
#include "model/hazard.hpp"

namespace parcours::model {

struct DropoutClock {
  double mass = 0.0;            // Exp(1), drawn at the Parcours start
  double used = 0.0;            // mass used up to `since`
  core::Time origin = 0.0;      // the Parcours start: the hazard's time 0
  core::Time since = 0.0;       // start of the current multiplier's segment
  double base = 1.0;            // the multiplier without the accompaniment term
  double multiplier = 1.0;      // the current one
  core::Time closure_at = 0.0;  // absolute; +infinity: never closed
  std::uint32_t contacts = 0;   // contacts made in this Parcours
};

/// The sum of the accompaniment terms' log hazard ratios (0: contacts have no effect).
double accompaniment_beta(const Effects& effects);

/// Days from `now` until the clock's mass is used at its current multiplier (+infinity: never).
double dropout_delay(const Hazard& hazard, const DropoutClock& clock, core::Time now);

/// A contact made at `now`: banks the mass used since the last change and sets the multiplier
/// from the contacts per month made so far (`days_per_month` converts days to months).
void add_contact(const Hazard& hazard, DropoutClock& clock, core::Time now, double beta,
                 double days_per_month);

}  // namespace parcours::model
