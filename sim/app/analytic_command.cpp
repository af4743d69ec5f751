// parcours analytic: the exact Parcours outcomes of a constant-hazard scenario, from its
// absorbing Markov chain; with --simulate, the simulated shares beside them.

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "app/commands.hpp"
#include "app/experiment_options.hpp"
#include "app/scenario_options.hpp"
#include "experiment/analytic.hpp"
#include "experiment/replications.hpp"
#include "model/parcours_chain.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

namespace {

// Parcours started and ended by outcome, all clients, pooled over replications and years;
// and the Parcours still open at the end of the last replication's horizon.
struct Pooled {
  double started = 0;
  std::map<std::string, double, std::less<>> ended;
  double open_at_end = 0;
};

Pooled simulate(const AnalyticOptions& options, experiment::RunSettings settings) {
  settings.replications = options.replications;
  ExperimentOptions run;
  run.threads = options.threads;
  settings.threads = threads_for(run, options.replications);
  Pooled pooled;
  for (const experiment::ReplicationResult& r : experiment::run_replications(settings)) {
    for (const model::IndicatorValue& v : r.yearly) {
      if (v.group != 0) continue;
      if (v.indicator == "parcours_started") pooled.started += v.value;
      if (v.indicator.starts_with("parcours_ended_"))
        pooled.ended[std::string(v.indicator.substr(15))] += v.value;
    }
    for (auto it = r.yearly.rbegin(); it != r.yearly.rend(); ++it) {
      if (it->group == 0 && it->indicator == "parcours_active_end") {
        pooled.open_at_end += it->value;
        break;
      }
    }
  }
  return pooled;
}

}  // namespace

int analytic_command(const AnalyticOptions& options) {
  const experiment::RunSettings settings = settings_from(options.scenario);
  policy::LuaSandbox sandbox;
  sandbox.set_print_enabled(false);
  const policy::LoadedScenario scenario =
      policy::load_scenario(sandbox, settings.source, settings.overrides);
  const experiment::ParcoursAnalysis analysis =
      experiment::analyse_parcours(scenario, settings.source.name);
  const auto& s = analysis.solution;

  std::string plan;
  for (const std::string& a : analysis.plan) plan += (plan.empty() ? "" : ", ") + a;
  std::printf("%s: the Parcours of the default plan (%s) as an absorbing Markov chain\n",
              settings.source.name.c_str(), plan.c_str());
  Pooled pooled;
  if (options.simulate) pooled = simulate(options, settings);
  if (options.simulate) {
    std::printf("\n  %-16s %-10s %s\n", "outcome", "exact", "simulated (95 % binomial interval)");
  } else {
    std::printf("\n  %-16s %s\n", "outcome", "share of Parcours started");
  }
  for (const std::string& outcome : experiment::parcours_outcomes()) {
    const double p = s.probability(model::kChainStart, outcome);
    if (!options.simulate) {
      std::printf("  %-16s %.6f\n", outcome.c_str(), p);
      continue;
    }
    const double n = pooled.started;
    const double q = n > 0 ? pooled.ended[outcome] / n : 0.0;
    const double half = n > 0 ? 1.96 * std::sqrt(p * (1 - p) / n) : 0.0;
    std::printf("  %-16s %-10.6f %.6f (exact +- %.6f)%s\n", outcome.c_str(), p, q, half,
                std::abs(q - p) > half ? "  outside" : "");
  }
  if (options.simulate) {
    std::printf("\n  %.0f Parcours started over %d replication%s", pooled.started,
                options.replications, options.replications > 1 ? "s" : "");
    if (pooled.open_at_end > 0) {
      std::printf("; %.0f still open at the horizon: lengthen scenario.years for a fair check",
                  pooled.open_at_end);
    }
    std::printf("\n");
  }
  std::printf("\n  %-24s %s\n", "from state", "expected days to the end (weeks)");
  for (std::size_t i = 0; i < s.transient.size(); ++i) {
    std::printf("  %-24s %10.2f (%.2f)\n", s.transient[i].c_str(), s.expected_time[i],
                s.expected_time[i] / 7.0);
  }
  return 0;
}

RegisteredCommand register_analytic_command(CLI::App& app) {
  auto options = std::make_shared<AnalyticOptions>();
  CLI::App* command = app.add_subcommand(
      "analytic",
      "Exact Parcours outcome shares and expected times of a constant-hazard scenario "
      "(absorbing Markov chain, no simulation)");
  add_scenario_options(*command, options->scenario);
  command->add_flag("--simulate", options->simulate,
                    "Also run the scenario and print the simulated shares with their 95 % "
                    "binomial intervals beside the exact ones");
  command
      ->add_option("--replications,-r", options->replications, "Replications pooled for --simulate")
      ->check(CLI::Range(1, 100000));
  command->add_option("--threads,-j", options->threads, "Worker threads for --simulate")
      ->check(CLI::Range(0, 1024));
  return {command, [options](const Execution&) { return analytic_command(*options); }};
}

}  // namespace parcours::app
