#pragma once
// The Parcours as an absorbing Markov chain, when every duration in it is exponential (constant
// hazards): the exact shares ending in each outcome of rule P7 and the expected times, which
// the simulation must agree with (tests) and which `parcours analytic` will print (issue 6).

#include <cstdint>
#include <vector>

#include "model/absorbing_chain.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

/// Outcome state names, as the chain and the indicators use them.
inline constexpr const char* kChainStart = "start";
inline constexpr const char* kChainEmployment = "employment";
inline constexpr const char* kChainDropout = "dropout";
inline constexpr const char* kChainClosure = "closure";
inline constexpr const char* kChainSchool = "school";
inline constexpr const char* kChainOtherMeasure = "other_measure";

/// The chain of a Parcours following `plan` (activity ids), starting in state "start".
/// Throws std::invalid_argument if a duration in it is not exponential (or fixed at 0).
AbsorbingChain parcours_chain(const ModelParameters& params, const std::vector<std::uint8_t>& plan);

}  // namespace parcours::model
