#include "experiment/analytic.hpp"

#include <algorithm>
#include <stdexcept>

#include "io/input_error.hpp"
#include "model/parcours_chain.hpp"

namespace parcours::experiment {

ParcoursAnalysis analyse_parcours(const policy::LoadedScenario& scenario, const std::string& file) {
  // conclusion and retention act before or after a Parcours: they change how many start one,
  // not how it ends, so the chain still holds with them.
  for (const char* hook : {"plan", "dropout_after", "dropout_multiplier", "job_multiplier"}) {
    if (std::find(scenario.hooks.begin(), scenario.hooks.end(), hook) != scenario.hooks.end()) {
      throw io::InputError(file, std::string("policy.") + hook +
                                     " makes the Parcours differ from client to client: the "
                                     "exact chain needs the scenario's parametric rules");
    }
  }
  const model::ModelParameters& p = scenario.params;
  ParcoursAnalysis analysis;
  for (const std::uint8_t id : p.parcours.default_plan)
    analysis.plan.push_back(p.activities.at(id).name);
  try {
    analysis.solution = model::parcours_chain(p, p.parcours.default_plan).solve();
  } catch (const std::invalid_argument& e) {
    throw io::InputError(file, std::string("no exact answer: ") + e.what());
  }
  return analysis;
}

const std::vector<std::string>& parcours_outcomes() {
  static const std::vector<std::string> outcomes{model::kChainEmployment, model::kChainDropout,
                                                 model::kChainClosure, model::kChainSchool,
                                                 model::kChainOtherMeasure};
  return outcomes;
}

}  // namespace parcours::experiment
