// parcours: the command line. Bad input is reported as one message naming file:line (with a
// short Lua traceback when a script failed) and exits with code 1; a malformed command line
// exits with CLI11's own non-zero code; anything else unexpected is an internal error (3).

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/execution.hpp"
#include "io/input_error.hpp"
#include "report/report_page.hpp"

#ifndef PARCOURS_VERSION
#define PARCOURS_VERSION "unknown"
#endif

namespace {

void add_scenario_options(CLI::App& command, parcours::app::ScenarioOptions& options) {
  command.add_option("scenario", options.scenario,
                     "Lua scenario script (default: the baseline built into the program)");
  command
      .add_option(
          "--set", options.sets,
          "Override a parameter: section.key=value (text and dates as written, other values as "
          "Lua expressions); "
          "repeatable, e.g. --set arrivals.per_year=50000")
      ->allow_extra_args(false);  // one value per --set: a scenario path after it stays a path
  command.add_option("--seed", options.seed,
                     "Base seed of every random stream (overrides scenario.seed)");
}

// experiment commands (issue 6)
void add_experiment_options(CLI::App& command, parcours::app::ExperimentOptions& options,
                            const std::string& what) {
  command.add_option("--out", options.out, "Result folder (default: results/" + what + ")");
  command
      .add_option("--replications,-r", options.replications,
                  "Replications of each scenario variant, on common random numbers")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command.add_option("--threads,-j", options.threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  command.add_flag("--quiet,-q", options.quiet, "No progress or summary on stderr");
}
// end of experiment commands (issue 6)

}  // namespace

int main(int argc, char** argv) {
  // experiment commands (issue 6): MPI, in a build with it, starts before argv is read
  const parcours::app::ExecutionContext context(&argc, &argv);
  const parcours::app::Execution execution = context.execution();
  CLI::App app{"parcours: a discrete-event microsimulation of Québec's public employment services"};
  app.set_version_flag("--version", std::string("parcours ") + PARCOURS_VERSION);
  app.require_subcommand(1);

  parcours::app::RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "Run a scenario and write its result tables");
  add_scenario_options(*run_cmd, run.scenario);
  run_cmd->add_option("--out", run.out, "Result folder (default: results/<scenario file name>)");
  run_cmd->add_option("--replications,-r", run.replications, "Independent replications")
      ->check(CLI::Range(1, 100000));
  run_cmd->add_option("--threads,-j", run.threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  run_cmd->add_flag("--quiet,-q", run.quiet, "No progress or summary on stderr");

  parcours::app::ScenarioOptions check;
  bool list_parameters = false;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "Validate a scenario without running it (file:line for each problem)");
  add_scenario_options(*check_cmd, check);
  check_cmd->add_flag("--parameters", list_parameters, "List every parameter a scenario can set");

  // sizing command (issue 6)
  parcours::app::SizeOptions size;
  CLI::App* size_cmd = app.add_subcommand(
      "size",
      "Size an organisation's agreement for a service: participants, hours by level and "
      "dollars (P50, P90), and the fewest places for a wait");
  add_scenario_options(*size_cmd, size.scenario);
  size_cmd->add_option("--organisation", size.organisation, "Organisation, as in the scenario")
      ->required();
  size_cmd->add_option("--service", size.service, "Service (activity name)")->required();
  size_cmd->add_option("--agreement-year", size.agreement_year,
                       "Agreement year, e.g. 2026-2027 (default: the first full one simulated)");
  size_cmd
      ->add_option("--max-wait-days", size.max_wait_days,
                   "Also find the fewest places serving --share of clients within this wait")
      ->check(CLI::Range(0.0, 3650.0));
  size_cmd->add_option("--share", size.share, "Share of clients served within the wait (0.9)")
      ->check(CLI::Range(0.0, 1.0));
  size_cmd->add_option("--max-slots", size.max_slots, "Largest number of places to try")
      ->check(CLI::Range(1, 10000000));
  add_experiment_options(*size_cmd, size.run, "size_<scenario>");
  // end of the sizing command

  // experiment commands (issue 6)
  parcours::app::CompareOptions compare;
  CLI::App* compare_cmd = app.add_subcommand(
      "compare",
      "Run two scenarios on common random numbers and write their paired differences with "
      "95 % intervals (comparison_*.csv) and each one's tables (a/, b/)");
  compare_cmd->add_option("a", compare.scenario_a, "Scenario A (the reference)")->required();
  compare_cmd->add_option("b", compare.scenario_b, "Scenario B (differences are B - A)")
      ->required();
  compare_cmd
      ->add_option("--set", compare.sets,
                   "Override a parameter in both scenarios: section.key=value; repeatable")
      ->allow_extra_args(false);
  compare_cmd->add_option("--set-a", compare.sets_a, "Override a parameter in A only")
      ->allow_extra_args(false);
  compare_cmd->add_option("--set-b", compare.sets_b, "Override a parameter in B only")
      ->allow_extra_args(false);
  compare_cmd->add_option("--seed", compare.seed,
                          "Base seed of both scenarios (overrides their scenario.seed)");
  add_experiment_options(*compare_cmd, compare.run, "compare_<a>_<b>");

  parcours::app::SweepOptions sweep;
  CLI::App* sweep_cmd = app.add_subcommand(
      "sweep",
      "Run a scenario over a grid, a Latin hypercube or a table of parameter values on common "
      "random numbers (sweep_*.csv) with a tornado table (sensitivity.csv)");
  add_scenario_options(*sweep_cmd, sweep.scenario);
  sweep_cmd->get_option("--set")->description(
      "A range to sweep, section.key=lo:hi:step (lo:hi with --lhs), or inside a value as "
      "$(lo:hi:step), e.g. 'parcours.dropout={family=\"constant\",rate_per_week=$(0.01:0.03:"
      "0.01)}'; any other value is a fixed override; repeatable (grid: every combination)");
  sweep_cmd
      ->add_option("--lhs", sweep.lhs,
                   "Instead of a grid, N points of a Latin hypercube over the ranges")
      ->check(CLI::Range(1, 1000000));
  sweep_cmd->add_option("--lhs-seed", sweep.lhs_seed, "Seed of the Latin hypercube's draws")
      ->capture_default_str();
  sweep_cmd->add_option("--points", sweep.points,
                        "A CSV of points: one column per parameter (section.key), one row per "
                        "point, numbers");
  add_experiment_options(*sweep_cmd, sweep.run, "sweep_<scenario>");

  parcours::app::CalibrateOptions calibrate;
  CLI::App* calibrate_cmd = app.add_subcommand(
      "calibrate",
      "Find the value of one parameter at which an indicator (or a ratio of two) meets a "
      "target, on common random numbers, with a 95 % interval (calibration.csv)");
  add_scenario_options(*calibrate_cmd, calibrate.scenario);
  calibrate_cmd
      ->add_option("--param", calibrate.param,
                   "The parameter: section.key, or section.key=VALUE with $x where the number "
                   "goes, e.g. 'parcours.dropout={family=\"constant\",rate_per_week=$x}'")
      ->required();
  calibrate_cmd
      ->add_option("--indicator", calibrate.indicator,
                   "Indicator (all clients) or ratio of two, e.g. "
                   "parcours_ended_dropout/parcours_started")
      ->required();
  calibrate_cmd->add_option("--target", calibrate.target, "Value the indicator must reach")
      ->required();
  calibrate_cmd
      ->add_option("--bounds", calibrate.bounds,
                   "lo:hi, the parameter's search interval; the target must lie "
                   "between the indicator's means at lo and hi")
      ->required();
  calibrate_cmd->add_option("--period", calibrate.period,
                            "Fiscal year, e.g. 2025-2026 (default: summed over every year)");
  calibrate_cmd->add_option("--tolerance", calibrate.tolerance,
                            "Stop when the bracket is this narrow (default: 1/1000 of the "
                            "bounds; 1 for integers)");
  add_experiment_options(*calibrate_cmd, calibrate.run, "calibrate_<scenario>");

  parcours::app::AnalyticOptions analytic;
  CLI::App* analytic_cmd = app.add_subcommand(
      "analytic",
      "Exact Parcours outcome shares and expected times of a constant-hazard scenario "
      "(absorbing Markov chain, no simulation)");
  add_scenario_options(*analytic_cmd, analytic.scenario);
  analytic_cmd->add_flag("--simulate", analytic.simulate,
                         "Also run the scenario and print the simulated shares with their 95 % "
                         "binomial intervals beside the exact ones");
  analytic_cmd
      ->add_option("--replications,-r", analytic.replications, "Replications pooled for --simulate")
      ->check(CLI::Range(1, 100000));
  analytic_cmd->add_option("--threads,-j", analytic.threads, "Worker threads for --simulate")
      ->check(CLI::Range(0, 1024));
  // end of experiment commands (issue 6)

  // validation against published figures (issue 12)
  parcours::app::ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate",
      "Run a scenario's replications and compare them with published figures: validation.csv "
      "(published value, tolerance, simulated mean and 95 % interval, within or not) beside the "
      "run's tables");
  add_scenario_options(*validate_cmd, validate.scenario);
  validate_cmd
      ->add_option("--targets", validate.targets,
                   "Targets file: id, indicator (or a/b), period, dimension, group, value, "
                   "source, tolerance (10% relative or 0.05 absolute)")
      ->required();
  add_experiment_options(*validate_cmd, validate.run, "validate_<scenario>");
  // end of validation (issue 12)

  // report and history commands (issue 7)
  // The run history's options, on `run` (which records) and `runs` (which reads).
  auto add_registry_options = [](CLI::App& command, parcours::app::RegistryOptions& options) {
    command.add_option("--registry", options.path,
                       "Run history database (default: $PARCOURS_REGISTRY, else "
                       "results/runs.sqlite)");
  };
  add_registry_options(*run_cmd, run.registry);
  run_cmd->add_flag("--no-registry", run.registry.disabled,
                    "Do not record this run in the history");

  parcours::app::ReportCommandOptions report;
  CLI::App* report_cmd =
      app.add_subcommand("report", "Write one self-contained HTML report from a result folder");
  report_cmd->add_option("results", report.folder, "Result folder (from parcours run)")->required();
  report_cmd->add_option("--lang", report.language, "Language of the labels: fr or en")
      ->check(CLI::IsMember({"fr", "en"}));
  report_cmd->add_option("--out,-o", report.out, "HTML file (default: RESULTS/report.html)");
  report_cmd->add_option(
      "--chartjs", report.chart_js,
      std::string("Chart.js file to inline (default: ") + parcours::report::kDebianChartJs + ")");
  report_cmd->add_flag("--timestamp", report.timestamp,
                       "Print the time of writing in the page (the bytes then change each time)");
  report_cmd->add_flag("--quiet,-q", report.quiet, "Nothing on stderr");

  parcours::app::RunsCommandOptions runs;
  CLI::App* runs_cmd = app.add_subcommand("runs", "The run history: list, show or diff runs");
  runs_cmd->require_subcommand(1);
  add_registry_options(*runs_cmd, runs.registry);
  runs_cmd->fallthrough();
  CLI::App* runs_list = runs_cmd->add_subcommand("list", "Every recorded run, oldest first");
  CLI::App* runs_show =
      runs_cmd->add_subcommand("show", "One run: settings, parameters, yearly indicators");
  runs_show->add_option("id", runs.ids, "Run id (from runs list)")->required()->expected(1);
  CLI::App* runs_diff = runs_cmd->add_subcommand(
      "diff", "Two runs: the parameters that differ, then indicators side by side");
  runs_diff->add_option("ids", runs.ids, "Two run ids")->required()->expected(2);
  for (CLI::App* sub : {runs_show, runs_diff}) {
    sub->add_flag("--all-groups", runs.all_groups,
                  "Every group of every dimension, not only all clients");
  }
  runs_list->callback([&runs] { runs.action = "list"; });
  runs_show->callback([&runs] { runs.action = "show"; });
  runs_diff->callback([&runs] { runs.action = "diff"; });

  parcours::app::InitCommandOptions init;
  CLI::App* init_cmd = app.add_subcommand(
      "init", "Write a new scenario NAME.lua that changes the baseline (never overwrites)");
  init_cmd->add_option("name", init.name, "Scenario name, e.g. more_agents")->required();
  init_cmd->add_option("--dir", init.dir, "Folder to write into, next to baseline.lua")
      ->capture_default_str();
  // end of report and history commands (issue 7)

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    if (*run_cmd) return parcours::app::run_command(run, execution);
    if (*check_cmd) return parcours::app::check_command(check, list_parameters);
    // experiment commands (issue 6)
    if (*compare_cmd) return parcours::app::compare_command(compare, execution);
    if (*analytic_cmd) return parcours::app::analytic_command(analytic);
    if (*sweep_cmd) return parcours::app::sweep_command(sweep, execution);
    if (*calibrate_cmd) return parcours::app::calibrate_command(calibrate, execution);
    // end of experiment commands (issue 6)
    if (*validate_cmd) return parcours::app::validate_command(validate, execution);  // issue 12
    // Under MPI (issue 6) the sizing search runs on rank 0 alone, like calibrate.
    if (*size_cmd) return execution.writes_outputs ? parcours::app::size_command(size) : 0;
    // report and history commands (issue 7)
    if (*report_cmd) return parcours::app::report_command(report);
    if (*runs_cmd) return parcours::app::runs_command(runs);
    if (*init_cmd) return parcours::app::init_command(init);
    // end of report and history commands (issue 7)
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
