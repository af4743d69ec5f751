#pragma once
// The subcommands of the `parcours` program. Each returns the process exit code; bad input
// surfaces as io::InputError, which main() reports as one line and exit code 1.
//
// How a command registers itself (main.cpp is only a table of these):
//  1. In sim/app/<name>_command.cpp, define `RegisteredCommand register_<name>_command(CLI::App&
//     app)`: it adds its subcommand to `app` with its help text, binds its options to a
//     std::make_shared'd options struct (shared options come from add_scenario_options in
//     app/scenario_options.hpp and add_experiment_options in app/experiment_options.hpp), and
//     returns that subcommand with the action that runs it, capturing the options struct.
//  2. Declare register_<name>_command below, add one line to kCommands in main.cpp (its place
//     there is its place in `parcours --help`), and the .cpp to sim/app/CMakeLists.txt.
// Registration touches no global state (no static registry: the house allows no singletons, and
// a static library's linker would drop a self-registering object nobody references).

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "app/run_history.hpp"

namespace CLI {
class App;
}

namespace parcours::experiment {
class Distributor;  // experiment commands (issue 6)
}
namespace parcours::io {
class PartialFolders;
}

namespace parcours::app {

struct Execution;  // experiment commands (issue 6)

/// A subcommand as registered: its CLI11 node (true once parsed if chosen) and what runs it.
struct RegisteredCommand {
  CLI::App* subcommand = nullptr;
  std::function<int(const Execution&)> run;
};
/// Adds one subcommand and its options to the program; see the top of this file.
using RegisterCommand = RegisteredCommand (*)(CLI::App& app);

RegisteredCommand register_run_command(CLI::App& app);
RegisteredCommand register_check_command(CLI::App& app);
RegisteredCommand register_size_command(CLI::App& app);
RegisteredCommand register_compare_command(CLI::App& app);
RegisteredCommand register_sweep_command(CLI::App& app);
RegisteredCommand register_calibrate_command(CLI::App& app);
RegisteredCommand register_analytic_command(CLI::App& app);
RegisteredCommand register_report_command(CLI::App& app);
RegisteredCommand register_runs_command(CLI::App& app);
RegisteredCommand register_init_command(CLI::App& app);
RegisteredCommand register_validate_command(CLI::App& app);  // issue 12

struct ScenarioOptions {
  std::string scenario;           // path; empty = the embedded baseline
  std::vector<std::string> sets;  // --set section.key=value
  std::optional<std::uint64_t> seed;
};

struct RunOptions {
  ScenarioOptions scenario;
  std::string out;  // empty = results/<scenario file stem>
  int replications = 1;
  int threads = 0;  // 0 = one per core, at most one per replication
  bool quiet = false;
  RegistryOptions registry;  // the run history (issue 7)
  int trace = 0;             // clients followed per replication (trace.csv, issue 15)
  std::vector<std::uint64_t> trace_clients;  // or these clients, by arrival number
};

int run_command(const RunOptions& options, const Execution& execution);
int check_command(const ScenarioOptions& options, bool list_parameters);

// experiment commands (issue 6)
/// Where replications run and who writes (app/execution.hpp).
struct Execution {
  experiment::Distributor* distributor = nullptr;
  bool writes_outputs = true;              // false on MPI ranks other than 0
  std::function<void(int code)> abort;     // ends every MPI rank at once; empty without MPI
  io::PartialFolders* partials = nullptr;  // removed on SIGINT/SIGTERM (app/interrupt_cleanup)
};
/// What compare, sweep and calibrate share with run.
struct ExperimentOptions {
  std::string out;        // empty = results/<command>_<scenario file stem>
  int replications = 10;  // per scenario, design point or evaluation
  int threads = 0;        // 0 = one per core
  bool quiet = false;
};
// sizing command (issue 6)
struct SizeOptions {
  ScenarioOptions scenario;
  ExperimentOptions run{"", 20};  // --out, -r (20 by default: P90 needs the values), -j, -q
  std::string organisation;
  std::string service;
  std::string agreement_year;  // "2026-2027"; empty = the first full one in the horizon
  // Not given (NaN): no places search; given, it must be above 0.
  double max_wait_days = std::numeric_limits<double>::quiet_NaN();
  double share = 0.9;
  int max_slots = 100000;
  // Replications per places count where the target lies inside the share's interval;
  // 0 = 4 x --replications.
  int max_replications = 0;
};
int size_command(const SizeOptions& options, const Execution& execution);
// end of the sizing command
struct CompareOptions {
  std::string scenario_a;  // paths
  std::string scenario_b;
  std::vector<std::string> sets;  // --set, applied to both
  std::vector<std::string> sets_a;
  std::vector<std::string> sets_b;
  std::optional<std::uint64_t> seed;
  ExperimentOptions run;
};
struct SweepOptions {
  ScenarioOptions scenario;  // sets: ranges (key=lo:hi:step) and fixed overrides
  int lhs = 0;               // > 0: a Latin hypercube of this many points over the ranges
  std::uint64_t lhs_seed = 1;
  std::string points;  // a CSV of points, one column per parameter
  ExperimentOptions run;
};
struct CalibrateOptions {
  ScenarioOptions scenario;
  std::vector<std::string> params;  // section.key, or section.key=EXPRESSION with $x
  std::string indicator;            // name, or numerator/denominator (one parameter)
  std::optional<double> target;     // (one parameter)
  std::string period;               // empty = the whole horizon, else a fiscal year "2025-2026"
  std::vector<std::string> bounds;  // lo:hi, one per parameter, in the same order
  std::string targets;              // a targets file: joint calibration (issue 15)
  double tolerance = 0.0;   // one parameter: on it (0 = 1e-3 of the bounds' width); several:
                            // on the simplex, as a share of each bound's width (0 = 1e-3)
  int max_evaluations = 0;  // with --targets: points run at most (0 = 100 per parameter)
  ExperimentOptions run;
};
int compare_command(const CompareOptions& options, const Execution& execution);
int sweep_command(const SweepOptions& options, const Execution& execution);
int calibrate_command(const CalibrateOptions& options, const Execution& execution);
/// calibrate --targets: several parameters to several targets (joint_calibrate_command.cpp).
int joint_calibrate_command(const CalibrateOptions& options, const Execution& execution);
struct AnalyticOptions {
  ScenarioOptions scenario;
  bool simulate = false;  // also run the scenario and show the simulated shares beside
  int replications = 1;
  int threads = 0;
};
int analytic_command(const AnalyticOptions& options);
// end of experiment commands (issue 6)

// validation against published figures (issue 12)
struct ValidateOptions {
  ScenarioOptions scenario;
  std::string targets;  // a targets file (experiment/targets.hpp)
  ExperimentOptions run;
};
int validate_command(const ValidateOptions& options, const Execution& execution);
// end of validation (issue 12)

// report and history commands (issue 7)
struct ReportCommandOptions {
  std::string folder;
  std::string language = "fr";
  std::string out;       // empty = <folder>/report.<lang>.html
  std::string chart_js;  // empty = Debian's libjs-chart.js
  bool timestamp = false;
  bool quiet = false;
};
int report_command(const ReportCommandOptions& options);

struct RunsCommandOptions {
  RegistryOptions registry;
  std::string action;             // list, show or diff
  std::vector<std::int64_t> ids;  // show: one, diff: two
  bool all_groups = false;        // every group, not only all clients
};
int runs_command(const RunsCommandOptions& options);

struct InitCommandOptions {
  std::string name;
  std::string dir = "scenarios";
};
int init_command(const InitCommandOptions& options);
// end of report and history commands (issue 7)

}  // namespace parcours::app
