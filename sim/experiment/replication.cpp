#include "experiment/replication.hpp"

#include <algorithm>
#include <optional>

#include "core/simulation.hpp"
#include "model/traced_rules.hpp"
#include "model/world.hpp"
#include "policy/lua_rules.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::experiment {

ReplicationResult run_replication(const RunSettings& settings, int index,
                                  const ReplicationProgress& progress) {
  std::optional<policy::LuaSandbox> loaded_in(std::in_place);
  loaded_in->set_print_enabled(false);  // the run command loaded it once already, printing
  policy::LoadedScenario scenario =
      policy::load_scenario(*loaded_in, settings.source, settings.overrides);
  if (!scenario.uncertain.empty()) {
    // Uncertain parameters draw from streams of the scenario's seed, known once it loaded: a
    // second load in a fresh sandbox draws this replication's values.
    loaded_in.emplace();
    loaded_in->set_print_enabled(false);
    scenario = policy::load_scenario(
        *loaded_in, settings.source, settings.overrides,
        {core::StreamKey{scenario.params.horizon.seed, static_cast<std::uint64_t>(index)}});
  }
  policy::LuaSandbox& sandbox = *loaded_in;
  if (settings.adjust) settings.adjust(scenario.params);
  // Hooks may print to debug a rule: shown for the first replication only, so the output
  // reads the same whatever the number of threads.
  sandbox.set_print_enabled(index == 0);
  core::Simulation sim(
      core::StreamKey{scenario.params.horizon.seed, static_cast<std::uint64_t>(index)},
      scenario.params.horizon.scheduler);
  policy::LuaRules rules(sandbox, scenario.params, sim);
  // A trace puts its recorder between the model and the rules; without one the model calls
  // the rules directly and holds a null trace.
  std::optional<model::ClientTrace> trace;
  std::optional<model::TracedRules> traced_rules;
  if (!settings.trace_clients.empty() || settings.trace_sample > 0) {
    trace.emplace(traced_clients(settings, scenario.params, index));
    traced_rules.emplace(rules, *trace, sim, scenario.params);
  }
  model::DecisionRules& decide = traced_rules ? static_cast<model::DecisionRules&>(*traced_rules)
                                              : static_cast<model::DecisionRules&>(rules);
  model::World world(sim, scenario.params, decide);
  if (trace) world.set_trace(&*trace);
  world.run(progress);

  ReplicationResult result;
  result.replication = index;
  result.quarterly = world.indicators().quarterly_values();
  result.yearly = world.indicators().yearly_values();
  result.groups = world.indicators().group_labels();
  result.agreements = world.agreement_ledger().values(world.calendar());
  const model::ModelParameters& p = scenario.params;
  for (const model::Agreement& a : p.agreements.agreements) {
    const model::Organisation& o = p.agreements.organisations[a.organisation];
    const model::ServiceTerms& terms = p.activities[a.activity].service;
    AgreementLabels labels{a.id,
                           o.name,
                           p.activities[a.activity].name,
                           o.region < 0 ? "every_region" : p.population.regions[o.region],
                           std::string(model::to_string(a.mode)),
                           terms.group,
                           {}};
    for (std::size_t l = 0; l < terms.level_count(); ++l) {
      labels.levels.emplace_back(terms.level_name(l));
    }
    result.agreement_labels.push_back(std::move(labels));
  }
  result.events = sim.events_executed();
  result.model_events = world.model_events();
  result.hook_calls = rules.calls();
  result.peak_clients = world.peak_clients_in_system();
  for (const policy::UncertainDraw& d : scenario.uncertain) {
    result.parameters.emplace_back(d.parameter, d.value);
  }
  if (trace) result.trace = trace->take_rows();
  return result;
}

std::vector<std::uint64_t> traced_clients(const RunSettings& settings,
                                          const model::ModelParameters& params, int index) {
  if (!settings.trace_clients.empty()) return settings.trace_clients;
  const model::ArrivalParameters& a = params.arrivals;
  std::uint64_t first = 1;
  std::uint64_t span = a.count;
  if (a.count == 0) {
    // Expected arrivals: those of the warm-up come first, then the first reported year's.
    first += static_cast<std::uint64_t>(a.per_year * params.horizon.warmup_years);
    span = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(a.per_year));
  }
  const auto n = std::min<std::uint64_t>(static_cast<std::uint64_t>(settings.trace_sample), span);
  core::RandomStream rng(core::StreamKey{params.horizon.seed, static_cast<std::uint64_t>(index)}, 0,
                         kTracePurpose);
  std::vector<std::uint64_t> chosen;
  while (chosen.size() < n) {
    const std::uint64_t id = first + rng.below(span);
    if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) chosen.push_back(id);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace parcours::experiment
