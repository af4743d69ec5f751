#include "model/early_ending.hpp"

namespace parcours::model {

void fold_early_ending(StepEnding& ending, const ActivityParameters& a, double job_multiplier,
                       bool alone, core::RandomStream& job_rng, core::RandomStream& success_rng) {
  if (a.job_during.family != Hazard::Family::kNone) {
    const double job = a.job_during.sample(job_rng, job_multiplier);
    if (job < ending.days) ending = {StepEnding::Kind::kJob, job};
  }
  if (alone && a.early_success.family != Hazard::Family::kNone) {
    const double met = a.early_success.sample(success_rng);
    if (met < ending.days) ending = {StepEnding::Kind::kObjectives, met};
  }
}

}  // namespace parcours::model
