#pragma once
// Distance from the labour market as rule D1 counts it: how many of eight characteristics that
// limit employment integration a client has. Rule D2 reads the count (up to two: exits fairly
// well within a year; three or more: chances compromised). A snapshot at entry (rule D4).

#include "model/profile.hpp"

namespace parcours::model {

/// The scenario's thresholds for the D1 characteristics that are durations or ages. The seeds
/// give 4 years on assistance and 45 years of age; they stay parameters, hence no defaults.
struct LimitingThresholds {
  double months_on_assistance;  // months, cumulative time on last-resort assistance
  double months_out_of_work;    // months, "prolonged" absence from the labour market
  double age;                   // years
};

/// The number (0 to 8) of rule D1 characteristics `p` has: cumulative assistance >= threshold,
/// absence from the labour market >= threshold, schooling below Secondary IV, age >= threshold,
/// single parent, health constraints, children under 5, leaving an institution or detention.
int limiting_characteristics(const Profile& p, const LimitingThresholds& t);

}  // namespace parcours::model
