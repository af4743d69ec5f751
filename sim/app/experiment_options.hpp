#pragma once
// What the experiment commands (compare, sweep, calibrate) share: threads, output folder and
// progress, so that they behave like `run`.

#include <CLI/CLI.hpp>

#include <chrono>
#include <string>

#include "app/commands.hpp"

namespace parcours::app {

/// The experiment commands' shared options: --out (default results/<what>), --replications/-r,
/// --threads/-j and --quiet/-q.
void add_experiment_options(CLI::App& command, ExperimentOptions& options, const std::string& what);

/// Worker threads for `jobs` replications: as asked, or one per core, never more than jobs.
int threads_for(const ExperimentOptions& options, int jobs);

/// The --out folder, or results/<command>_<stem of the scenario path> ("baseline" if empty).
std::string out_folder(const ExperimentOptions& options, const std::string& command,
                       const std::string& scenario);

/// Seconds since `started`.
double seconds_since(std::chrono::steady_clock::time_point started);

}  // namespace parcours::app
