#pragma once
// Rule E7: the specialised evaluation of socio-professional autonomy is not part of a Parcours,
// except when a major event happens during one and the agent cannot tell whether the client
// can go on (seed 000, section 2.2). The event is a hazard from each activity's start; it cuts
// the activity short and the client is referred to the specialised evaluators (their queue and
// delay, as for conclusion C). On the recommendation the agent decides (a rule, or the hook
// policy.after_major_event): go on with the plan, revise it (rule P3), or stop the Parcours
// and refer the client to health and social resources (as conclusion D).

#include <array>
#include <cstdint>
#include <string_view>

#include "core/random_stream.hpp"
#include "model/hazard.hpp"

namespace parcours::model {

enum class AfterMajorEvent : std::uint8_t { kContinue, kRevise, kStop };

struct MajorEventParameters {
  Hazard hazard;  // from each activity's start; kNone: no major events
  /// Shares of continue, revise and stop when no hook decides.
  std::array<double, 3> after_shares{1.0, 0.0, 0.0};
};

/// "continue", "revise" or "stop", as the hook returns them.
std::string_view after_major_event_name(AfterMajorEvent d);

/// The decision drawn from the shares with one uniform of `rng`.
AfterMajorEvent draw_after_major_event(const MajorEventParameters& p, core::RandomStream& rng);

}  // namespace parcours::model
