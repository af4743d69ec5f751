#pragma once
// The scenario `parcours init NAME` writes: an overlay of the baseline with the common changes
// ready to switch on.

#include <string>

namespace parcours::app {

/// The text of NAME.lua. Example lines are commented out with "-- " at the start of the line;
/// removing it from all the lines of one example turns that change on.
[[nodiscard]] std::string scenario_template(const std::string& name);

}  // namespace parcours::app
