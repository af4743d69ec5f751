// parcours sweep: run a scenario at every point of a design (grid, Latin hypercube or a table
// of points) on common random numbers, and write one long table plus a tornado table.

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>

#include "app/commands.hpp"
#include "app/execution.hpp"
#include "app/experiment_options.hpp"
#include "app/progress_bar.hpp"
#include "app/run_manifest.hpp"
#include "app/scenario_options.hpp"
#include "experiment/distributor.hpp"
#include "experiment/sensitivity.hpp"
#include "experiment/sweep_writer.hpp"
#include "io/input_error.hpp"
#include "io/result_folder.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

namespace {

experiment::SweepDesign design_from(const SweepOptions& options,
                                    std::vector<experiment::SweepAxis> axes) {
  if (!options.points.empty()) {
    if (!axes.empty() || options.lhs > 0) {
      throw io::InputError("--points",
                           "give either ranges (--set key=lo:hi..., with or "
                           "without --lhs) or --points, not both");
    }
    return experiment::points_design(io::read_csv_file(options.points));
  }
  if (axes.empty()) {
    throw io::InputError("--set",
                         "nothing to sweep: give at least one range, e.g. --set "
                         "arrivals.convened_share=0.4:0.8:0.1");
  }
  if (options.lhs > 0) {
    if (options.lhs < static_cast<int>(axes.size()) + 1) {
      throw io::InputError("--lhs", "--lhs " + std::to_string(options.lhs) + ": at least " +
                                        std::to_string(axes.size() + 1) + " points for " +
                                        std::to_string(axes.size()) +
                                        " parameters (the sensitivity regression needs them)");
    }
    return experiment::latin_hypercube(std::move(axes), options.lhs, options.lhs_seed);
  }
  return experiment::grid_design(std::move(axes));
}

}  // namespace

int sweep_command(const SweepOptions& options, const Execution& execution) {
  const auto started = std::chrono::steady_clock::now();
  // Ranges become the design's axes; other --set values apply at every point.
  ScenarioOptions fixed = options.scenario;
  fixed.sets.clear();
  std::vector<experiment::SweepAxis> axes;
  std::set<std::string> keys;
  for (const std::string& set : options.scenario.sets) {
    if (auto axis = experiment::parse_axis(set)) {
      if (!keys.insert(axis->key).second)
        throw io::InputError("--set", "--set " + axis->key + ": given twice");
      axes.push_back(std::move(*axis));
    } else {
      fixed.sets.push_back(set);
    }
  }
  const experiment::SweepDesign design = design_from(options, std::move(axes));
  const experiment::RunSettings base = settings_from(fixed);
  const int jobs = static_cast<int>(design.points.size()) * options.run.replications;
  std::vector<experiment::RunSettings> points(design.points.size(), base);
  for (std::size_t p = 0; p < points.size(); ++p) {
    const auto extra = experiment::point_overrides(design, p);
    points[p].overrides.insert(points[p].overrides.end(), extra.begin(), extra.end());
    points[p].replications = options.run.replications;
    points[p].threads = threads_for(options.run, jobs);
  }

  // Load every point before anything is written: a value out of its parameter's range fails
  // here, blamed on --set, with no folder.
  std::string name;
  for (std::size_t p = 0; p < points.size(); ++p) {
    policy::LuaSandbox sandbox;
    sandbox.set_print_enabled(false);
    try {
      name =
          policy::load_scenario(sandbox, points[p].source, points[p].overrides).params.horizon.name;
    } catch (const io::InputError& e) {
      std::string where;
      for (std::size_t k = 0; k < design.axes.size(); ++k) {
        where += (k == 0 ? "" : ", ") + design.axes[k].key + "=" +
                 experiment::SweepAxis::value_text(design.points[p][k]);
      }
      throw io::InputError(
          e.file(), e.line(), e.column(),
          e.message() + " (at sweep point " + std::to_string(p + 1) + ": " + where + ")");
    }
  }
  if (!options.run.quiet) {
    std::fprintf(stderr, "parcours: sweep of %s: %zu points x %d replications\n", name.c_str(),
                 points.size(), options.run.replications);
  }

  const std::filesystem::path out = out_folder(options.run, "sweep", options.scenario.scenario);
  std::optional<io::ResultFolder> folder = open_result_folder(
      execution, out, protected_inputs({options.scenario.scenario, options.points}));
  std::vector<std::vector<experiment::ReplicationResult>> results;
  {
    ProgressBar bar("parcours sweep " + name,
                    !options.run.quiet && ProgressBar::stderr_is_terminal());
    results = experiment::run_points(*execution.distributor, points, points.front().threads,
                                     [&bar](double f) { bar.update(f); });
  }
  if (!folder) return 0;  // another MPI rank writes
  // The manifest describes the scenario without the swept parameters (its event counts cover
  // every point); the points themselves are in the tables.
  {
    policy::LuaSandbox sandbox;
    sandbox.set_print_enabled(false);
    io::Manifest manifest =
        run_manifest(policy::load_scenario(sandbox, base.source, base.overrides), points.front(),
                     results.front(), seconds_since(started));
    for (std::size_t p = 1; p < results.size(); ++p) {
      for (const experiment::ReplicationResult& r : results[p]) {
        manifest.events += r.events;
        manifest.model_events += r.model_events;
        manifest.hook_calls += r.hook_calls;
      }
    }
    io::write_manifest(manifest, folder->file("manifest.json"));
  }
  write_sweep(folder->file("sweep_quarterly.csv"), design, results,
              experiment::Periods::kQuarterly);
  write_sweep(folder->file("sweep_yearly.csv"), design, results, experiment::Periods::kYearly);
  std::vector<std::vector<experiment::SummaryRow>> summaries;
  for (const auto& point : results)
    summaries.push_back(experiment::summarise(point, experiment::Periods::kYearly));
  write_sensitivity(folder->file("sensitivity.csv"), design,
                    experiment::sensitivity(design, summaries));
  folder->commit();

  if (!options.run.quiet) {
    std::fprintf(stderr, "parcours: wrote %s: %zu points x %d replications in %.2f s\n",
                 out.string().c_str(), points.size(), options.run.replications,
                 seconds_since(started));
  }
  return 0;
}

RegisteredCommand register_sweep_command(CLI::App& app) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* command = app.add_subcommand(
      "sweep",
      "Run a scenario over a grid, a Latin hypercube or a table of parameter values on common "
      "random numbers (sweep_*.csv) with a tornado table (sensitivity.csv)");
  add_scenario_options(*command, options->scenario);
  command->get_option("--set")->description(
      "A range to sweep, section.key=lo:hi:step (lo:hi with --lhs), or inside a value as "
      "$(lo:hi:step), e.g. 'parcours.dropout={family=\"constant\",rate_per_week=$(0.01:0.03:"
      "0.01)}'; any other value is a fixed override; repeatable (grid: every combination)");
  command
      ->add_option("--lhs", options->lhs,
                   "Instead of a grid, N points of a Latin hypercube over the ranges")
      ->check(CLI::Range(1, 1000000));
  command->add_option("--lhs-seed", options->lhs_seed, "Seed of the Latin hypercube's draws")
      ->capture_default_str();
  command->add_option("--points", options->points,
                      "A CSV of points: one column per parameter (section.key), one row per "
                      "point, numbers");
  add_experiment_options(*command, options->run, "sweep_<scenario>");
  return {command,
          [options](const Execution& execution) { return sweep_command(*options, execution); }};
}

}  // namespace parcours::app
