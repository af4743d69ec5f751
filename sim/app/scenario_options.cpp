// The command-line options naming a scenario, and turning them into run settings.

#include "app/scenario_options.hpp"

namespace parcours::app {

void add_scenario_options(CLI::App& command, ScenarioOptions& options) {
  command.add_option("scenario", options.scenario,
                     "Lua scenario script (default: the baseline built into the program)");
  command
      .add_option(
          "--set", options.sets,
          "Override a parameter: section.key=value (text and dates as written, other values as "
          "Lua expressions); "
          "repeatable, e.g. --set arrivals.per_year=50000")
      ->allow_extra_args(false);  // one value per --set: a scenario path after it stays a path
  command.add_option("--seed", options.seed,
                     "Base seed of every random stream (overrides scenario.seed)");
}

experiment::RunSettings settings_from(const ScenarioOptions& options) {
  experiment::RunSettings settings;
  settings.source = options.scenario.empty() ? policy::scenario_from_embedded("baseline.lua")
                                             : policy::scenario_from_file(options.scenario);
  for (const std::string& set : options.sets)
    settings.overrides.push_back(policy::parse_override(set));
  if (options.seed) {
    settings.overrides.push_back(
        policy::parse_override("scenario.seed=" + std::to_string(*options.seed)));
  }
  return settings;
}

}  // namespace parcours::app
