#pragma once
// A calibrated parameter as a sweep axis over its bounds, shared by calibrate and
// calibrate --targets.

#include <string>

#include "experiment/sweep.hpp"

namespace parcours::app {

/// --param ("section.key" or "section.key=...$x...") over --bounds ("lo:hi"). Throws
/// io::InputError naming the option at fault.
experiment::SweepAxis calibration_axis(const std::string& param, const std::string& bounds);

}  // namespace parcours::app
