// Turning command-line scenario options into run settings.

#include "app/scenario_options.hpp"

namespace parcours::app {

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
