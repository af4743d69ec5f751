#pragma once
// The subcommands of the `parcours` program. Each returns the process exit code; bad input
// surfaces as io::InputError, which main() reports as one line and exit code 1.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
};

int run_command(const RunOptions& options);
int check_command(const ScenarioOptions& options, bool list_parameters);

}  // namespace parcours::app
