// parcours analytic: the exact Parcours outcomes of a constant-hazard scenario, from its
// absorbing Markov chain, with no simulation.

#include <cstdio>

#include "app/commands.hpp"
#include "app/scenario_options.hpp"
#include "experiment/analytic.hpp"
#include "model/parcours_chain.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

int analytic_command(const ScenarioOptions& options) {
  const experiment::RunSettings settings = settings_from(options);
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
  std::printf("\n  %-16s %s\n", "outcome", "share of Parcours started");
  for (const std::string& outcome : experiment::parcours_outcomes()) {
    std::printf("  %-16s %.6f\n", outcome.c_str(), s.probability(model::kChainStart, outcome));
  }
  std::printf("\n  %-24s %s\n", "from state", "expected days to the end (weeks)");
  for (std::size_t i = 0; i < s.transient.size(); ++i) {
    std::printf("  %-24s %10.2f (%.2f)\n", s.transient[i].c_str(), s.expected_time[i],
                s.expected_time[i] / 7.0);
  }
  return 0;
}

}  // namespace parcours::app
