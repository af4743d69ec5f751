// parcours calibrate: the value of one parameter at which an indicator (or a ratio of two)
// meets a target, on common random numbers, with an interval from the replications.

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

#include "app/calibration_axis.hpp"
#include "app/commands.hpp"
#include "app/execution.hpp"
#include "app/experiment_options.hpp"
#include "app/scenario_options.hpp"
#include "experiment/calibrate.hpp"
#include "experiment/distributor.hpp"
#include "experiment/sweep.hpp"
#include "experiment/table_file.hpp"
#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/result_folder.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

experiment::SweepAxis calibration_axis(const std::string& param, const std::string& bounds) {
  std::string set;
  if (param.find('=') == std::string::npos) {
    set = param + "=" + bounds;
  } else {
    const std::size_t x = param.find("$x");
    if (x == std::string::npos) {
      throw io::InputError("--param", "--param " + param +
                                          ": a value given with the key must hold $x where the "
                                          "calibrated number goes");
    }
    set = param.substr(0, x) + "$(" + bounds + ")" + param.substr(x + 2);
  }
  auto axis = experiment::parse_axis(set);
  if (!axis) throw io::InputError("--bounds", "expected lo:hi, got '" + bounds + "'");
  return *axis;
}

namespace {

void write_calibration(const std::filesystem::path& path, const CalibrateOptions& options,
                       const experiment::CalibrationTarget& target,
                       const experiment::Calibration& c) {
  std::ofstream out = experiment::open_output(path);
  io::CsvWriter csv(out);
  csv.header({"parameter", "indicator", "period", "target", "value", "ci95_low", "ci95_high",
              "mean_at_value", "sd_at_value", "slope", "replications", "evaluations", "converged"});
  csv.field(options.params.front())
      .field(target.name())
      .field(options.period.empty() ? "all" : options.period);
  csv.field(target.value).field(c.value).field(c.ci95_low).field(c.ci95_high);
  csv.field(c.at_value.mean).field(c.at_value.sd).field(c.slope).field(c.replications);
  csv.field(c.evaluations.size()).field(c.converged ? "true" : "false");
  csv.end_row();
  experiment::close_output(out, path);
}

void write_evaluations(const std::filesystem::path& path, const experiment::Calibration& c) {
  std::ofstream out = experiment::open_output(path);
  io::CsvWriter csv(out);
  csv.header({"evaluation", "value", "mean", "sd"});
  for (std::size_t i = 0; i < c.evaluations.size(); ++i) {
    const experiment::Evaluation& e = c.evaluations[i];
    csv.field(i + 1).field(e.x).field(e.mean).field(e.sd);
    csv.end_row();
  }
  experiment::close_output(out, path);
}

}  // namespace

int calibrate_command(const CalibrateOptions& options, const Execution& execution) {
  // Each evaluation depends on the last: one process does the search (MPI ranks other than 0
  // leave at once).
  if (!options.targets.empty()) return joint_calibrate_command(options, execution);
  if (!execution.writes_outputs) return 0;
  if (options.params.size() != 1 || options.bounds.size() != 1 || options.indicator.empty() ||
      !options.target) {
    throw io::InputError("calibrate",
                         "without --targets, give one --param, one --bounds, --indicator and "
                         "--target (several parameters need --targets FILE)");
  }
  const auto started = std::chrono::steady_clock::now();
  const experiment::SweepAxis axis =
      calibration_axis(options.params.front(), options.bounds.front());
  const experiment::CalibrationTarget target =
      experiment::parse_target(options.indicator, options.period, *options.target);
  const experiment::RunSettings base = settings_from(options.scenario);
  for (const double x : {axis.lo, axis.hi}) {  // both bounds load: no error mid-search
    experiment::RunSettings s = base;
    s.overrides.push_back(policy::parse_override(axis.key + "=" + axis.expression(x)));
    policy::LuaSandbox sandbox;
    sandbox.set_print_enabled(false);
    policy::load_scenario(sandbox, s.source, s.overrides);
  }
  // Opened before the search, so a refused --out fails at once.
  const std::filesystem::path out = out_folder(options.run, "calibrate", options.scenario.scenario);
  std::optional<io::ResultFolder> folder =
      open_result_folder(execution, out, protected_inputs({options.scenario.scenario}));
  if (!folder) return 0;
  const int threads = threads_for(options.run, options.run.replications);
  experiment::LocalDistributor local;
  const bool verbose = !options.run.quiet;
  int evaluations = 0;
  auto evaluate = [&](double x) {
    experiment::RunSettings s = base;
    s.overrides.push_back(policy::parse_override(axis.key + "=" + axis.expression(x)));
    s.replications = options.run.replications;
    const auto results = experiment::run_points(local, {s}, threads, {}).front();
    std::vector<double> values;
    for (const experiment::ReplicationResult& r : results) values.push_back(target.of(r));
    if (verbose) {
      double mean = 0;
      for (const double v : values) mean += v / static_cast<double>(values.size());
      std::fprintf(stderr, "parcours: evaluation %d: %s = %s -> %.6g\n", ++evaluations,
                   axis.key.c_str(), experiment::SweepAxis::value_text(x).c_str(), mean);
    }
    return values;
  };
  const double tolerance = options.tolerance > 0 ? options.tolerance
                           : axis.integer        ? 1.0
                                                 : 1e-3 * (axis.hi - axis.lo);
  const experiment::Calibration c =
      experiment::calibrate(evaluate, axis.lo, axis.hi, target.value, tolerance,
                            [&axis](double x) { return axis.snap(x); });

  write_calibration(folder->file("calibration.csv"), options, target, c);
  write_evaluations(folder->file("evaluations.csv"), c);
  folder->commit();

  std::printf("%s = %.6g (95 %% CI %.6g to %.6g): %s = %.6g (target %.6g)%s\n", axis.key.c_str(),
              c.value, c.ci95_low, c.ci95_high, target.name().c_str(), c.at_value.mean,
              target.value, c.converged ? "" : " [not converged]");
  if (verbose) {
    std::fprintf(stderr, "parcours: wrote %s: %zu evaluations of %d replications in %.2f s\n",
                 out.string().c_str(), c.evaluations.size(), c.replications,
                 seconds_since(started));
  }
  return 0;
}

RegisteredCommand register_calibrate_command(CLI::App& app) {
  auto options = std::make_shared<CalibrateOptions>();
  CLI::App* command = app.add_subcommand(
      "calibrate",
      "Find the value of one parameter at which an indicator (or a ratio of two) meets a "
      "target, on common random numbers, with a 95 % interval (calibration.csv); with "
      "--targets, the values of several parameters that bring several targets closest "
      "together");
  add_scenario_options(*command, options->scenario);
  command
      ->add_option("--param", options->params,
                   "The parameter: section.key, or section.key=VALUE with $x where the number "
                   "goes, e.g. 'parcours.dropout={family=\"constant\",rate_per_week=$x}'; "
                   "repeatable with --targets, each with its --bounds")
      ->required()
      ->allow_extra_args(false);
  command->add_option("--indicator", options->indicator,
                      "Indicator (all clients) or ratio of two, e.g. "
                      "parcours_ended_dropout/parcours_started (one parameter)");
  command->add_option("--target", options->target,
                      "Value the indicator must reach (one parameter)");
  command
      ->add_option("--bounds", options->bounds,
                   "lo:hi, the parameter's search interval; the target must lie "
                   "between the indicator's means at lo and hi; one per --param, in order")
      ->required()
      ->allow_extra_args(false);
  command->add_option("--targets", options->targets,
                      "A targets file (id,indicator,period,dimension,group,value,source,"
                      "tolerance, as for validation): joint calibration of every --param, "
                      "writing calibration_parameters.csv and calibration_targets.csv");
  command->add_option("--period", options->period,
                      "Fiscal year, e.g. 2025-2026 (default: summed over every year)");
  command->add_option("--tolerance", options->tolerance,
                      "Stop when the bracket is this narrow (default: 1/1000 of the "
                      "bounds; 1 for integers); with --targets, the simplex's width as a "
                      "share of the bounds (default 1/1000)");
  command
      ->add_option("--max-evaluations", options->max_evaluations,
                   "With --targets: run at most this many points before the intervals "
                   "(default: 100 per parameter)")
      ->check(CLI::Range(1, 100000));
  add_experiment_options(*command, options->run, "calibrate_<scenario>");
  return {command,
          [options](const Execution& execution) { return calibrate_command(*options, execution); }};
}

}  // namespace parcours::app
