#pragma once
// The subcommands of the `parcours` program. Each returns the process exit code; bad input
// surfaces as io::InputError, which main() reports as one line and exit code 1.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/run_history.hpp"

namespace parcours::app {

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
};

// sizing command (issue 6)
struct SizeOptions {
  ScenarioOptions scenario;
  std::string organisation;
  std::string service;
  std::string agreement_year;  // "2026-2027"; empty = the first full one in the horizon
  std::string out;
  int replications = 20;
  int threads = 0;
  bool quiet = false;
  double max_wait_days = 0.0;  // > 0: also search the fewest places
  double share = 0.9;
  int max_slots = 100000;
};
int size_command(const SizeOptions& options);
// end of the sizing command

int run_command(const RunOptions& options);
int check_command(const ScenarioOptions& options, bool list_parameters);

// report and history commands (issue 7)
struct ReportCommandOptions {
  std::string folder;
  std::string language = "fr";
  std::string out;       // empty = <folder>/report.html
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
