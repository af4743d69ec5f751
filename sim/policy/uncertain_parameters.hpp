#pragma once
// Parameter uncertainty: a scenario may write `uncertain { dist = "uniform", min = 0.01,
// max = 0.015 }` (any distribution a `dist` table takes: fixed, exponential, uniform,
// lognormal, weibull, triangular) wherever a number goes, at any depth of a section's table,
// e.g. `parcours { dropout = { family = "constant", rate_per_week = uncertain { ... } } }`.
//
// Each replication draws each uncertain value once, before the model sees it, from its own
// stream keyed by (seed, replication) and the parameter's name: two variants that declare the
// same uncertain parameter draw the same value in the same replication, so common random
// numbers still pair them, and adding an uncertain parameter shifts no other draw.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/random_stream.hpp"

struct lua_State;

namespace parcours::policy {

struct ParamSpec;

/// One uncertain value as drawn: its name as --set writes it (section[.item].key[.field...]),
/// its distribution ("uniform(min=0.01, max=0.015)") and the value the replication used.
struct UncertainDraw {
  std::string parameter;
  std::string distribution;
  double value = 0.0;
};

/// How uncertain values resolve while a scenario loads: drawn from the streams of `key`, or
/// without one (check, and the first load of a run, which learns the seed) their
/// distribution's mean.
struct UncertainSettings {
  std::optional<core::StreamKey> key;
};

/// The stream purpose of parameter draws; the entity is a hash of the parameter's name.
/// Clients' purposes are (Draw << 16 | occurrence) with small Draw values, so none is this.
inline constexpr std::uint32_t kUncertainPurpose = 0xfffe0000U;

/// Defines the global `uncertain`, which marks its table argument as an uncertain value.
void install_uncertain(lua_State* L);

/// Replaces, in the table at `table`, field `key` (and anything nested in it) wherever it holds
/// an uncertain value, by the number it resolves to under `settings`, and appends each to
/// `drawn` (replacing an earlier draw of the same name, as an overlay replaces its base).
/// `spec` is the field's parameter: a top-level number or integer must have a distribution
/// within its range (integers are rounded). Returns an error message, "" when fine; raises
/// no Lua error.
std::string resolve_uncertain(lua_State* L, int table, const ParamSpec& spec,
                              const std::string& name, const UncertainSettings& settings,
                              std::vector<UncertainDraw>& drawn);

}  // namespace parcours::policy
