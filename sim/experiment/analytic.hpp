#pragma once
// The exact Parcours outcomes of a scenario whose Parcours has constant hazards: the absorbing
// Markov chain of its default plan (model::parcours_chain), solved. What `parcours analytic`
// prints, and what the simulation must agree with.

#include <string>
#include <vector>

#include "model/absorbing_chain.hpp"
#include "policy/scenario.hpp"

namespace parcours::experiment {

struct ParcoursAnalysis {
  std::vector<std::string> plan;  // activity names of the default plan, in order
  model::AbsorbingChain::Solution solution;
};

/// Throws io::InputError naming `file` when the scenario's Parcours is not such a chain: a
/// policy hook that changes it client by client (plan, dropout_after, dropout_multiplier,
/// job_multiplier), or a duration or hazard that is not constant.
ParcoursAnalysis analyse_parcours(const policy::LoadedScenario& scenario, const std::string& file);

/// The absorbing states, in the order they are reported.
const std::vector<std::string>& parcours_outcomes();

}  // namespace parcours::experiment
