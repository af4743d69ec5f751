#pragma once

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "experiment/replication.hpp"

namespace parcours::app {

/// The options naming a scenario, shared by every command that runs one: the scenario path
/// (positional), --set (repeatable) and --seed.
void add_scenario_options(CLI::App& command, ScenarioOptions& options);

/// The scenario source and overrides (--set, --seed) the options name. Throws io::InputError.
experiment::RunSettings settings_from(const ScenarioOptions& options);

}  // namespace parcours::app
