#pragma once

#include "app/commands.hpp"
#include "experiment/replication.hpp"

namespace parcours::app {

/// The scenario source and overrides (--set, --seed) the options name. Throws io::InputError.
experiment::RunSettings settings_from(const ScenarioOptions& options);

}  // namespace parcours::app
