// parcours: the command line, a table of commands (how one registers itself: app/commands.hpp).
// Bad input is reported as one message naming file:line (with a short Lua traceback when a
// script failed) and exits with code 1; a malformed command line exits with CLI11's own
// non-zero code; anything else unexpected is an internal error (3).

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <vector>

#include "app/commands.hpp"
#include "app/execution.hpp"
#include "io/input_error.hpp"

#ifndef PARCOURS_VERSION
#define PARCOURS_VERSION "unknown"
#endif

namespace {

// The commands in the order `parcours --help` lists them.
constexpr parcours::app::RegisterCommand kCommands[] = {
    parcours::app::register_run_command,      parcours::app::register_check_command,
    parcours::app::register_size_command,     parcours::app::register_compare_command,
    parcours::app::register_sweep_command,    parcours::app::register_calibrate_command,
    parcours::app::register_validate_command, parcours::app::register_analytic_command,
    parcours::app::register_report_command,   parcours::app::register_runs_command,
    parcours::app::register_init_command,
};

}  // namespace

int main(int argc, char** argv) {
  // MPI (issue 6), in a build with it, starts before argv is read
  const parcours::app::ExecutionContext context(&argc, &argv);
  const parcours::app::Execution execution = context.execution();
  CLI::App app{"parcours: a discrete-event microsimulation of Québec's public employment services"};
  app.set_version_flag("--version", std::string("parcours ") + PARCOURS_VERSION);
  app.require_subcommand(1);

  std::vector<parcours::app::RegisteredCommand> commands;
  for (const parcours::app::RegisterCommand register_command : kCommands)
    commands.push_back(register_command(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    for (const parcours::app::RegisteredCommand& command : commands) {
      if (*command.subcommand) return command.run(execution);
    }
  } catch (const parcours::io::InputError& e) {
    std::fprintf(stderr, "parcours: error: %s\n", e.what());
    return 1;
  } catch (const std::filesystem::filesystem_error& e) {
    std::fprintf(stderr, "parcours: error: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parcours: internal error: %s\n", e.what());
    return 3;
  }
  return 0;
}
