// parcours run: check the scenario, run its replications, write the result folder atomically.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "app/commands.hpp"
#include "app/execution.hpp"
#include "app/progress_bar.hpp"
#include "app/run_history.hpp"
#include "app/run_manifest.hpp"
#include "app/scenario_options.hpp"
#include "experiment/distributor.hpp"
#include "experiment/results_writer.hpp"
#include "experiment/uncertainty_ranking.hpp"
#include "io/result_folder.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

namespace {

std::string default_out(const experiment::RunSettings& settings) {
  return "results/" + std::filesystem::path(settings.source.name).stem().string();
}

}  // namespace

int run_command(const RunOptions& options, const Execution& execution) {
  const auto started = std::chrono::steady_clock::now();
  experiment::RunSettings settings = settings_from(options.scenario);
  settings.replications = options.replications;
  settings.trace_sample = options.trace;
  settings.trace_clients = options.trace_clients;
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  settings.threads = std::min(options.threads > 0 ? options.threads : cores, options.replications);

  check_run_history(options.registry);  // a damaged history is reported before the run

  // Load once before anything is written: a broken scenario fails here, with no folder.
  policy::LuaSandbox sandbox;
  const policy::LoadedScenario scenario =
      policy::load_scenario(sandbox, settings.source, settings.overrides);

  const std::size_t uncertain = scenario.uncertain.size();
  if (!options.quiet && uncertain > 0 &&
      settings.replications < experiment::min_replications_for_ranking(uncertain)) {
    std::fprintf(stderr,
                 "parcours: note: %zu uncertain parameter%s: uncertainty_ranking.csv needs at "
                 "least %d replications (-r)\n",
                 uncertain, uncertain > 1 ? "s" : "",
                 experiment::min_replications_for_ranking(uncertain));
  }

  const std::filesystem::path out = options.out.empty() ? default_out(settings) : options.out;
  std::optional<io::ResultFolder> folder = open_result_folder(
      execution, out, protected_inputs({options.scenario.scenario}, options.registry));

  std::vector<experiment::ReplicationResult> results;
  {
    ProgressBar bar("parcours run " + scenario.params.horizon.name,
                    !options.quiet && ProgressBar::stderr_is_terminal());
    results = experiment::run_points(*execution.distributor, {settings}, settings.threads,
                                     [&bar](double f) { bar.update(f); })
                  .front();
  }
  if (!folder) return 0;  // another MPI rank writes
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const io::Manifest manifest = run_manifest(scenario, settings, results, seconds);
  const std::uint64_t model_events = manifest.model_events;
  experiment::write_results(folder->path(), results, manifest);
  folder->commit();
  register_run(options.registry, out, manifest);  // the run history (issue 7)

  if (!options.quiet) {
    std::fprintf(stderr,
                 "parcours: wrote %s: %d replication%s, %.3g M model events in %.2f s "
                 "(%.2f M/s), peak memory %.0f MiB\n",
                 out.string().c_str(), settings.replications, settings.replications > 1 ? "s" : "",
                 static_cast<double>(model_events) / 1e6, seconds,
                 static_cast<double>(model_events) / 1e6 / seconds, peak_memory_mib());
  }
  return 0;
}

RegisteredCommand register_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("run", "Run a scenario and write its result tables");
  add_scenario_options(*command, options->scenario);
  command->add_option("--out", options->out,
                      "Result folder (default: results/<scenario file name>)");
  command->add_option("--replications,-r", options->replications, "Independent replications")
      ->check(CLI::Range(1, 100000));
  command->add_option("--threads,-j", options->threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  command->add_flag("--quiet,-q", options->quiet, "No progress or summary on stderr");
  // client journeys (issue 15)
  command
      ->add_option("--trace", options->trace,
                   "Follow N clients per replication, drawn among the first reported year's "
                   "arrivals: every event, decision and outcome in trace.csv")
      ->check(CLI::Range(1, 10000));
  command
      ->add_option("--trace-clients", options->trace_clients,
                   "Follow these clients (arrival numbers, e.g. 12,40) in every replication "
                   "instead")
      ->delimiter(',')
      ->check(CLI::PositiveNumber);
  // the run history (issue 7)
  add_registry_options(*command, options->registry);
  command->add_flag("--no-registry", options->registry.disabled,
                    "Do not record this run in the history");
  return {command,
          [options](const Execution& execution) { return run_command(*options, execution); }};
}

}  // namespace parcours::app
