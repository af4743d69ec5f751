#pragma once
// Loading a scenario script: the sections it calls (validated against the schema), the
// --set overrides, the policy hooks it defines, and the model parameters they resolve to.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/parameters.hpp"
#include "policy/lua_sandbox.hpp"
#include "policy/parameter_values.hpp"
#include "policy/uncertain_parameters.hpp"

namespace parcours::policy {

/// The largest file a scenario may be or read (`csv`, `base`): 64 MiB, far above the
/// baseline's data (under 100 kB) and well below what would exhaust memory once in Lua tables.
inline constexpr std::size_t kMaxScenarioFileBytes = std::size_t{64} << 20;

/// The text of a scenario and where it came from.
struct ScenarioSource {
  std::string name;  // as shown in messages: the path given, or "baseline.lua"
  std::string text;
  std::filesystem::path directory;  // `csv "file"` is read relative to it
  bool embedded = false;            // compiled into the program (then csv reads embedded files)
};

ScenarioSource scenario_from_file(const std::filesystem::path& path);
/// A scenario compiled into the program ("baseline.lua"); throws InputError if unknown.
ScenarioSource scenario_from_embedded(const std::string& name);

/// `--set section.key=value` or `--set activity.NAME.key=value`; the value is a Lua
/// expression (`3`, `{dist="exponential", mean=4}`), or taken as a string if it is not one.
struct Override {
  std::string section;
  std::string item;  // activity name, for repeated sections
  std::string key;
  std::string expression;
  [[nodiscard]] std::string target() const;
};
/// Parses and checks against the schema; throws InputError naming "--set".
Override parse_override(const std::string& text);

struct LoadedScenario {
  model::ModelParameters params;
  std::vector<SectionValues> sections;                     // as resolved, in call order
  std::vector<std::pair<std::string, std::string>> files;  // every file read -> sha256
  std::vector<std::string> hooks;                          // policy functions the script defined
  std::vector<UncertainDraw> uncertain;                    // uncertain values as resolved
  /// { section: { key: value } }, activities as a list: what the manifest records.
  [[nodiscard]] nlohmann::ordered_json resolved() const;
};

/// Runs the scenario in `sandbox` (which keeps its policy hooks for LuaRules) and resolves
/// its parameters, uncertain ones as `uncertain` says (policy/uncertain_parameters.hpp).
/// Throws io::InputError naming file and line on any problem.
LoadedScenario load_scenario(LuaSandbox& sandbox, const ScenarioSource& source,
                             const std::vector<Override>& overrides,
                             const UncertainSettings& uncertain = {});

/// Turns checked section values into the model's parameters (unit conversions, cross-field
/// checks such as "the plan names known activities"). Throws io::InputError.
model::ModelParameters build_parameters(const std::vector<SectionValues>& sections,
                                        const std::string& file);

/// The population section's rows as the model's population parameters (population_builder.cpp);
/// the limiting thresholds are its bound rows (apply_bindings).
model::PopulationParameters build_population(const SectionValues& population);

/// Sets the profile attribute `column` from its CSV text (a number or a level name, such as
/// "afdr" or a region); the error message when the column or value is not one.
std::optional<std::string> set_profile_field(model::Profile& profile, const std::string& column,
                                             const std::string& text,
                                             const std::vector<std::string>& regions);

/// The caseload section: clients in the system on the model's first day (issue 12;
/// caseload_builder.cpp).
std::vector<model::InitialClient> build_caseload(const std::vector<SectionValues>& sections,
                                                 const model::ModelParameters& params);

/// An activity section's service terms (rules S1-S5; service_builder.cpp).
void build_service_terms(const SectionValues& activity, model::ActivityParameters& a);
/// Organisations and the agreements CSV rows (rules S6-S8, M11; service_builder.cpp).
model::AgreementParameters build_agreements(
    const std::vector<SectionValues>& sections,
    const std::vector<model::ActivityParameters>& activities,
    const std::vector<std::string>& regions, const core::Calendar& calendar);

/// The retention section (rules M1-M13; retention_builder.cpp), after the activities.
void build_retention(const SectionValues& retention, model::ModelParameters& params);

/// The income_support section (rule P7; income_support_builder.cpp).
model::IncomeSupportParameters build_income_support(const SectionValues& s);

/// The names a scenario may assign in `policy`: decision hooks the model calls.
const std::vector<std::string_view>& policy_hook_names();

}  // namespace parcours::policy
