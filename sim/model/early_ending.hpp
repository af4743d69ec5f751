#pragma once
// How an activity may end before its planned end (rules P5, P7): a job found during the
// activity, or its objectives reached early. Each is a hazard of the activity's own, from its
// start; the earliest of the two and the planned end decides how the step ends. Activities
// without these hazards (most, and every one of the reference benchmark) never call this.

#include <cstdint>

#include "core/random_stream.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

struct StepEnding {
  enum class Kind : std::uint8_t {
    kPlanned,     // the step runs to its planned end
    kJob,         // a job ends it (rule P7: and the Parcours by employment)
    kObjectives,  // its objectives are met early: it ends as completed (rule P5)
  };
  Kind kind = Kind::kPlanned;
  double days = 0.0;  // from the step's start
};

/// True when the activity may end early: it has a job or an early-success hazard.
[[nodiscard]] inline bool may_end_early(const ActivityParameters& a) {
  return a.job_during.family != Hazard::Family::kNone ||
         a.early_success.family != Hazard::Family::kNone;
}

/// Folds one activity of a step into `ending`, which starts as {kPlanned, planned_days}: a job
/// drawn from `job_rng` (its hazard scaled by `job_multiplier`) or objectives met drawn from
/// `success_rng`, whichever comes first and before the ending so far, replaces it. Only a job
/// ends a step of concurrent activities early on its own: objectives met end it only when the
/// step has one activity (`alone`), since the others still run.
void fold_early_ending(StepEnding& ending, const ActivityParameters& a, double job_multiplier,
                       bool alone, core::RandomStream& job_rng, core::RandomStream& success_rng);

}  // namespace parcours::model
