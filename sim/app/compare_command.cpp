// parcours compare: two scenarios on common random numbers (same seed, replications paired by
// index), their paired differences with intervals, and each scenario's own tables.

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/commands.hpp"
#include "app/execution.hpp"
#include "app/experiment_options.hpp"
#include "app/progress_bar.hpp"
#include "app/run_manifest.hpp"
#include "app/scenario_options.hpp"
#include "experiment/compare.hpp"
#include "experiment/distributor.hpp"
#include "experiment/results_writer.hpp"
#include "io/result_folder.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

namespace {

ScenarioOptions side(const CompareOptions& options, const std::string& scenario,
                     const std::vector<std::string>& own_sets) {
  ScenarioOptions s;
  s.scenario = scenario;
  s.sets = options.sets;
  s.sets.insert(s.sets.end(), own_sets.begin(), own_sets.end());
  s.seed = options.seed;
  return s;
}

std::string stem_of(const std::string& scenario) {
  return scenario.empty() ? "baseline" : std::filesystem::path(scenario).stem().string();
}

}  // namespace

int compare_command(const CompareOptions& options, const Execution& execution) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<experiment::RunSettings> points{
      settings_from(side(options, options.scenario_a, options.sets_a)),
      settings_from(side(options, options.scenario_b, options.sets_b))};
  const int jobs = 2 * options.run.replications;
  for (experiment::RunSettings& s : points) {
    s.replications = options.run.replications;
    s.threads = threads_for(options.run, jobs);
  }

  // Load both before anything is written: a broken scenario fails here, with no folder.
  std::vector<policy::LoadedScenario> scenarios;
  for (const experiment::RunSettings& s : points) {
    policy::LuaSandbox sandbox;
    scenarios.push_back(policy::load_scenario(sandbox, s.source, s.overrides));
  }
  if (scenarios[0].params.horizon.seed != scenarios[1].params.horizon.seed && !options.run.quiet) {
    std::fprintf(stderr,
                 "parcours: warning: the scenarios have different seeds (%llu, %llu): the "
                 "replications are not on common random numbers; give --seed to pair them\n",
                 static_cast<unsigned long long>(scenarios[0].params.horizon.seed),
                 static_cast<unsigned long long>(scenarios[1].params.horizon.seed));
  }

  const std::filesystem::path out =
      options.run.out.empty()
          ? "results/compare_" + stem_of(options.scenario_a) + "_" + stem_of(options.scenario_b)
          : options.run.out;
  std::optional<io::ResultFolder> folder = open_result_folder(
      execution, out, protected_inputs({options.scenario_a, options.scenario_b}));

  std::vector<std::vector<experiment::ReplicationResult>> results;
  {
    ProgressBar bar("parcours compare", !options.run.quiet && ProgressBar::stderr_is_terminal());
    results = experiment::run_points(*execution.distributor, points, points[0].threads,
                                     [&bar](double f) { bar.update(f); });
  }
  if (!folder) return 0;  // another MPI rank writes
  const double seconds = seconds_since(started);

  const char* const sides[] = {"a", "b"};
  for (std::size_t k = 0; k < 2; ++k) {
    const std::filesystem::path dir = folder->path() / sides[k];
    std::filesystem::create_directory(dir);
    experiment::write_results(dir, results[k],
                              run_manifest(scenarios[k], points[k], results[k], seconds));
  }
  experiment::write_comparison(folder->file("comparison_quarterly.csv"), results[0], results[1],
                               experiment::Periods::kQuarterly);
  experiment::write_comparison(folder->file("comparison_yearly.csv"), results[0], results[1],
                               experiment::Periods::kYearly);
  folder->commit();

  if (!options.run.quiet) {
    std::fprintf(stderr, "parcours: wrote %s: %s vs %s, %d paired replications in %.2f s\n",
                 out.string().c_str(), scenarios[0].params.horizon.name.c_str(),
                 scenarios[1].params.horizon.name.c_str(), options.run.replications, seconds);
  }
  return 0;
}

RegisteredCommand register_compare_command(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* command = app.add_subcommand(
      "compare",
      "Run two scenarios on common random numbers and write their paired differences with "
      "95 % intervals (comparison_*.csv) and each one's tables (a/, b/)");
  command->add_option("a", options->scenario_a, "Scenario A (the reference)")->required();
  command->add_option("b", options->scenario_b, "Scenario B (differences are B - A)")->required();
  command
      ->add_option("--set", options->sets,
                   "Override a parameter in both scenarios: section.key=value; repeatable")
      ->allow_extra_args(false);
  command->add_option("--set-a", options->sets_a, "Override a parameter in A only")
      ->allow_extra_args(false);
  command->add_option("--set-b", options->sets_b, "Override a parameter in B only")
      ->allow_extra_args(false);
  command->add_option("--seed", options->seed,
                      "Base seed of both scenarios (overrides their scenario.seed)");
  add_experiment_options(*command, options->run, "compare_<a>_<b>");
  return {command,
          [options](const Execution& execution) { return compare_command(*options, execution); }};
}

}  // namespace parcours::app
