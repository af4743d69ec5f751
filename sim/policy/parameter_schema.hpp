#pragma once
// The parameters a scenario may set: per section, each key's type, range, unit, rule, meaning
// and where it lands in the model's parameters. Each parameter is declared once, as one row of
// its section's table (policy/schema_*.cpp); from it come validation (types, ranges, unknown
// keys with "did you mean"), --set overrides, the manifest's resolved parameters,
// `parcours check --parameters` (and so the parameter tables of docs/scenarios.md) and, for a
// row with a binding (policy/parameter_binding.hpp), the model's field, converted to its units.
// A row without a binding is read by its section's builder, because it takes more than one key
// or a lookup (a plan naming activities, effects by covariate, rows of a table).
// Domain numbers are never defaults here: they live in scenarios/baseline.lua. The only
// defaults are neutral values (zero probabilities, flat seasonality, seed 1).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parcours::model {
struct ModelParameters;
}

namespace parcours::policy {

struct ParamSpec;
struct SectionValues;

/// Where a parameter lands in the model's parameters (made by policy/parameter_binding.hpp's
/// `lands_in`); empty: its section's builder reads it.
struct Binding {
  /// Writes the row's checked value, converted to the model's unit, into its field; a value
  /// the scenario did not give (an optional key with no default) leaves the field as it is.
  void (*apply)(const SectionValues& values, const ParamSpec& spec,
                model::ModelParameters& params) = nullptr;
  /// The address of that field in `params`: no two rows may write the same field.
  const void* (*field)(const model::ModelParameters& params) = nullptr;

  explicit operator bool() const { return apply != nullptr; }
};

enum class ParamType {
  kNumber,
  kInteger,
  kBoolean,
  kString,
  kDate,          // "YYYY-MM-DD"
  kDistribution,  // a number (fixed) or { dist = "exponential", mean = 2 } ...
  kNumberList,
  kStringList,
  kShares,   // { A = 0.3, B = 0.5, ... }: named probabilities summing to 1
  kHazard,   // { family = "constant", rate_per_week = 0.01 } ... (rules D5, D6)
  kEffects,  // { limiting_characteristics = 0.2, ... }: log hazard ratios by covariate
  kRows,     // a list of row tables, as csv "file.csv" returns
};
std::string_view type_name(ParamType type);

struct ParamSpec {
  std::string_view key;
  ParamType type;
  double min = 0.0;  // for numbers, integers, list elements and distribution parameters
  double max = 0.0;
  bool required = false;
  std::string_view fallback;  // neutral default as Lua text, when not required ("" = absent)
  std::string_view unit;
  std::string_view rule;
  std::string_view doc;
  Binding bind{};
};

struct SectionSpec {
  std::string_view name;
  bool repeated = false;  // called once per item (e.g. one `activity { name = ... }` each)
  std::string_view doc;
  std::vector<ParamSpec> params;

  [[nodiscard]] const ParamSpec* find(std::string_view key) const;
};

/// Writes every bound row of `values`' section into `params` (Binding::apply).
void apply_bindings(const SectionValues& values, model::ModelParameters& params);

/// Every section a scenario may call, in the order the docs list them.
std::span<const SectionSpec> scenario_schema();
const SectionSpec* find_section(std::string_view name);

/// The candidate `word` plausibly meant: the only one it is the start of (4+ letters), or the
/// closest by edit distance, within a third of the word's length (at least 1).
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string_view>& candidates);
/// " (did you mean 'x'?)" or "".
std::string suggestion(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace parcours::policy
