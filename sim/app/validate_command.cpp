// parcours validate: run a scenario's replications and hold them against published figures
// (a targets file), writing the run's tables, validation.csv and the manifest into one result
// folder, atomically, and a short summary on stdout.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "app/commands.hpp"
#include "app/execution.hpp"
#include "app/experiment_options.hpp"
#include "app/run_manifest.hpp"
#include "app/scenario_options.hpp"
#include "experiment/distributor.hpp"
#include "experiment/results_writer.hpp"
#include "experiment/targets.hpp"
#include "experiment/validation.hpp"
#include "io/result_folder.hpp"
#include "io/sha256.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

int validate_command(const ValidateOptions& options, const Execution& execution) {
  const auto started = std::chrono::steady_clock::now();
  // Both inputs are read before anything runs or is written: a bad row fails here, no folder.
  const std::vector<experiment::Target> targets = experiment::read_targets(options.targets);
  experiment::RunSettings settings = settings_from(options.scenario);
  settings.replications = options.run.replications;
  settings.threads = threads_for(options.run, options.run.replications);
  policy::LuaSandbox sandbox;
  sandbox.set_print_enabled(false);
  const policy::LoadedScenario scenario =
      policy::load_scenario(sandbox, settings.source, settings.overrides);

  const std::filesystem::path out = out_folder(options.run, "validate", options.scenario.scenario);
  // Neither the scenario's folder nor the targets file's may be replaced by the results.
  std::optional<io::ResultFolder> folder = open_result_folder(
      execution, out, protected_inputs({options.scenario.scenario, options.targets}));
  const std::vector<experiment::ReplicationResult> results =
      experiment::run_points(*execution.distributor, {settings}, settings.threads, {}).front();
  if (!folder) return 0;  // another MPI rank writes
  // A target the run cannot produce throws here, and the unfinished folder is removed.
  const std::vector<experiment::ValidationRow> rows = experiment::validate(targets, results);

  io::Manifest manifest = run_manifest(scenario, settings, results, seconds_since(started));
  manifest.scenario_files.emplace_back(options.targets, io::sha256_file_hex(options.targets));
  experiment::write_results(folder->path(), results, manifest);
  experiment::write_validation(folder->file("validation.csv"), rows);
  folder->commit();

  int within = 0;
  for (const experiment::ValidationRow& row : rows) within += row.within ? 1 : 0;
  const int n = static_cast<int>(rows.size());
  std::printf("%d of %d targets within their tolerance (%.0f %%)\n", within, n, 100.0 * within / n);
  for (const experiment::ValidationRow& row : rows) {
    if (row.within) continue;
    const experiment::Target& t = row.target;
    std::printf("  missed %s: %s %s %s/%s published %.6g +/- %.6g, simulated %.6g\n", t.id.c_str(),
                t.indicator().c_str(), t.period.label().c_str(), t.dimension.c_str(),
                t.group.c_str(), t.value, t.tolerance.absolute(t.value), row.mean);
  }
  if (!options.run.quiet) {
    std::fprintf(stderr, "parcours: wrote %s: %d replications in %.2f s\n", out.string().c_str(),
                 settings.replications, seconds_since(started));
  }
  return 0;
}

RegisteredCommand register_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand(
      "validate",
      "Run a scenario's replications and compare them with published figures: validation.csv "
      "(published value, tolerance, simulated mean and 95 % interval, within or not) beside the "
      "run's tables");
  add_scenario_options(*command, options->scenario);
  command
      ->add_option("--targets", options->targets,
                   "Targets file: id, indicator (or a/b), period, dimension, group, value, "
                   "source, tolerance (10% relative or 0.05 absolute)")
      ->required();
  add_experiment_options(*command, options->run, "validate_<scenario>");
  return {command,
          [options](const Execution& execution) { return validate_command(*options, execution); }};
}

}  // namespace parcours::app
