// parcours calibrate --targets: the values of several parameters that bring several targets
// (a targets file, the format of validation) closest together, on common random numbers
// (experiment/joint_calibration.hpp).

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

#include "app/calibration_axis.hpp"
#include "app/commands.hpp"
#include "app/execution.hpp"
#include "app/experiment_options.hpp"
#include "app/scenario_options.hpp"
#include "experiment/distributor.hpp"
#include "experiment/joint_calibration.hpp"
#include "experiment/table_file.hpp"
#include "experiment/targets.hpp"
#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/result_folder.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

namespace {

void write_parameters(const std::filesystem::path& path,
                      const std::vector<experiment::SweepAxis>& axes,
                      const experiment::JointCalibration& c) {
  std::ofstream out = experiment::open_output(path);
  io::CsvWriter csv(out);
  csv.header({"parameter", "lo", "hi", "value", "ci95_low", "ci95_high", "moves_a_target"});
  for (std::size_t j = 0; j < axes.size(); ++j) {
    csv.field(axes[j].key).field(axes[j].lo).field(axes[j].hi).field(c.value[j]);
    csv.field(c.ci95_low[j]).field(c.ci95_high[j]).field(c.moves_a_target[j] ? "true" : "false");
    csv.end_row();
  }
  experiment::close_output(out, path);
}

void write_targets(const std::filesystem::path& path,
                   const std::vector<experiment::Target>& targets,
                   const experiment::JointCalibration& c) {
  std::ofstream out = experiment::open_output(path);
  io::CsvWriter csv(out);
  csv.header({"id", "indicator", "period", "dimension", "group", "value", "tolerance", "simulated",
              "ci95_low", "ci95_high", "within", "objective", "replications", "evaluations",
              "converged"});
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const experiment::Target& t = targets[k];
    csv.field(t.id).field(t.indicator()).field(t.period.label()).field(t.dimension).field(t.group);
    csv.field(t.value).field(t.tolerance.label()).field(c.target_mean[k]);
    csv.field(c.target_ci95_low[k]).field(c.target_ci95_high[k]);
    csv.field(t.within(c.target_mean[k]) ? "true" : "false").field(c.objective);
    csv.field(c.replications).field(c.evaluations.size()).field(c.converged ? "true" : "false");
    csv.end_row();
  }
  experiment::close_output(out, path);
}

void write_evaluations(const std::filesystem::path& path,
                       const std::vector<experiment::SweepAxis>& axes,
                       const std::vector<experiment::Target>& targets,
                       const experiment::JointCalibration& c) {
  std::ofstream out = experiment::open_output(path);
  io::CsvWriter csv(out);
  std::vector<std::string> header{"evaluation"};
  for (const experiment::SweepAxis& a : axes) header.push_back(a.key);
  for (const experiment::Target& t : targets) header.push_back(t.id);
  header.emplace_back("objective");
  csv.header(header);
  for (std::size_t i = 0; i < c.evaluations.size(); ++i) {
    const experiment::JointEvaluation& e = c.evaluations[i];
    csv.field(i + 1);
    for (const double x : e.x) csv.field(x);
    for (const double m : e.means) csv.field(m);
    csv.field(e.objective);
    csv.end_row();
  }
  experiment::close_output(out, path);
}

}  // namespace

int joint_calibrate_command(const CalibrateOptions& options, const Execution& execution) {
  // Each evaluation depends on the last: one process does the search.
  if (!execution.writes_outputs) return 0;
  if (!options.indicator.empty() || options.target) {
    throw io::InputError("--targets", "--targets replaces --indicator and --target");
  }
  if (options.params.size() != options.bounds.size()) {
    throw io::InputError("--bounds", "give one --bounds per --param, in the same order (" +
                                         std::to_string(options.params.size()) + " --param, " +
                                         std::to_string(options.bounds.size()) + " --bounds)");
  }
  const auto started = std::chrono::steady_clock::now();
  std::vector<experiment::SweepAxis> axes;
  for (std::size_t j = 0; j < options.params.size(); ++j) {
    axes.push_back(calibration_axis(options.params[j], options.bounds[j]));
  }
  const std::vector<experiment::Target> targets = experiment::read_targets(options.targets);
  const experiment::RunSettings base = settings_from(options.scenario);
  auto with = [&](const std::vector<double>& x) {
    experiment::RunSettings s = base;
    for (std::size_t j = 0; j < axes.size(); ++j) {
      s.overrides.push_back(policy::parse_override(axes[j].key + "=" + axes[j].expression(x[j])));
    }
    return s;
  };
  for (const bool high : {false, true}) {  // the corners load: no error mid-search
    std::vector<double> corner;
    corner.reserve(axes.size());
    for (const experiment::SweepAxis& a : axes) corner.push_back(high ? a.hi : a.lo);
    const experiment::RunSettings s = with(corner);
    policy::LuaSandbox sandbox;
    sandbox.set_print_enabled(false);
    policy::load_scenario(sandbox, s.source, s.overrides);
  }
  // Opened before the search, so a refused --out fails at once; the scenario's and the
  // targets' folders are protected as validate protects them.
  const std::filesystem::path out = out_folder(options.run, "calibrate", options.scenario.scenario);
  std::optional<io::ResultFolder> folder = open_result_folder(
      execution, out, protected_inputs({options.scenario.scenario, options.targets}));
  if (!folder) return 0;
  const int threads = threads_for(options.run, options.run.replications);
  experiment::LocalDistributor local;
  const bool verbose = !options.run.quiet;
  int evaluations = 0;
  auto evaluate = [&](const std::vector<double>& x) {
    experiment::RunSettings s = with(x);
    s.replications = options.run.replications;
    const auto results = experiment::run_points(local, {s}, threads, {}).front();
    std::vector<std::vector<double>> values(targets.size());
    for (std::size_t k = 0; k < targets.size(); ++k) {
      for (const experiment::ReplicationResult& r : results) values[k].push_back(targets[k].of(r));
    }
    if (verbose) {
      std::string point;
      for (std::size_t j = 0; j < axes.size(); ++j) {
        point +=
            (j == 0 ? "" : ", ") + axes[j].key + " = " + experiment::SweepAxis::value_text(x[j]);
      }
      std::fprintf(stderr, "parcours: evaluation %d: %s\n", ++evaluations, point.c_str());
    }
    return values;
  };
  std::vector<experiment::JointParameter> parameters;
  parameters.reserve(axes.size());
  for (const experiment::SweepAxis& a : axes) parameters.push_back({a.key, a.lo, a.hi});
  std::vector<experiment::JointTarget> joint_targets;
  for (const experiment::Target& t : targets) {
    // The tolerance is the unit of distance; without one, the value's own size.
    double scale = t.tolerance.absolute(t.value);
    if (!(scale > 0)) scale = std::abs(t.value) > 0 ? std::abs(t.value) : 1.0;
    joint_targets.push_back({t.id, t.value, scale});
  }
  const experiment::JointCalibration c = experiment::calibrate_jointly(
      evaluate, parameters, joint_targets, options.tolerance > 0 ? options.tolerance : 1e-3,
      options.max_evaluations, [&axes](std::size_t j, double x) { return axes[j].snap(x); });

  write_parameters(folder->file("calibration_parameters.csv"), axes, c);
  write_targets(folder->file("calibration_targets.csv"), targets, c);
  write_evaluations(folder->file("evaluations.csv"), axes, targets, c);
  folder->commit();

  for (std::size_t j = 0; j < axes.size(); ++j) {
    std::printf("%s = %.6g (95 %% CI %.6g to %.6g)\n", axes[j].key.c_str(), c.value[j],
                c.ci95_low[j], c.ci95_high[j]);
  }
  for (std::size_t k = 0; k < targets.size(); ++k) {
    std::printf("  %s: %.6g (95 %% CI %.6g to %.6g), target %.6g\n", targets[k].id.c_str(),
                c.target_mean[k], c.target_ci95_low[k], c.target_ci95_high[k], targets[k].value);
  }
  std::printf("objective %.6g after %zu evaluations%s\n", c.objective, c.evaluations.size(),
              c.converged ? "" : " [not converged]");
  for (std::size_t j = 0; j < axes.size(); ++j) {
    if (!c.moves_a_target[j]) {
      std::fprintf(stderr,
                   "parcours: warning: %s moves no target over its bounds: its value is not "
                   "identified by these targets\n",
                   axes[j].key.c_str());
    }
  }
  if (verbose) {
    std::fprintf(stderr, "parcours: wrote %s: %zu evaluations of %d replications in %.2f s\n",
                 out.string().c_str(), c.evaluations.size(), c.replications,
                 seconds_since(started));
  }
  return 0;
}

}  // namespace parcours::app
