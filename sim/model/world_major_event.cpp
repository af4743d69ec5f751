// Rule E7 in the World: a major event during an activity leads to a specialised evaluation
// inside the Parcours (major_event.hpp says what the seed asks). The evaluation takes the
// specialised evaluators' capacity and queue and their delay, like conclusion C's.

#include <cassert>

#include "model/world.hpp"

namespace parcours::model {

double World::major_event_days(Slot s) {
  const Client& c = table_[s];
  core::RandomStream rng = stream(c, Draw::kMajorEvent, step_of(c));
  return params_.parcours.major_event.hazard.sample(rng);
}

void World::on_major_event(Slot s) {
  Client& c = table_[s];
  count(c, Count::kMajorEvents);
  // The step stops here, as after a job found during it: what was given counts (rules S7, M8,
  // P6); the step is not completed (no M12 mark) and the plan goes on after it, if it does.
  const unsigned width = step_width(c);
  for (unsigned k = 0; k < width; ++k) pay_income_support(s, c.plan[c.next_activity + k]);
  if (!ose_.close_participation(s, true) && track_last_) record_last_activity(s);
  c.next_activity = static_cast<std::uint8_t>(c.next_activity + width);
  c.stage = Stage::kSpecialisedEvaluation;
  c.step_started_at = sim_.now();
  if (!specialists_ ||
      specialists_->acquire_or_wait(core::EventTarget{this, kSpecialistGranted, s})) {
    start_specialised_evaluation(s);
  }
}

void World::leave_specialised_evaluation(Slot s) {
  if (specialists_ && !specialists_->withdraw(core::EventTarget{this, kSpecialistGranted, s})) {
    specialists_->release();  // it was under way
  }
}

void World::after_major_event(Slot s) {
  Client& c = table_[s];
  count(c, Count::kMajorEventEvaluations);
  core::RandomStream rng = stream(c, Draw::kMajorEvent, 0x8000U + step_of(c));
  switch (rules_.after_major_event(c, table_.profile(s), rng)) {
    case AfterMajorEvent::kContinue:
      break;
    case AfterMajorEvent::kRevise:  // rule P3: back to the plan rule with what was done
      count(c, Count::kMajorEventRevisions);
      ++c.revisions;
      make_plan(s);
      break;
    case AfterMajorEvent::kStop: {
      // Not able to go on now: the Parcours is closed (P7) and the agent refers the client
      // to a resource suited to their needs, as for conclusion D (rule E5), who may come back.
      count(c, Count::kMajorEventStops);
      end_parcours(s, Count::kParcoursEndedClosure);
      c.stage = Stage::kReferredOut;
      core::RandomStream back = stream(c, Draw::kReferredReturn, 0x100U + c.evaluations);
      if (back.bernoulli(params_.evaluation.referred_return_probability)) {
        c.next_event =
            schedule(params_.evaluation.referred_return_days.sample(back), kReferredReturn, s);
      } else {
        leave(s);
      }
      return;
    }
  }
  if (c.next_activity < c.plan_size) {
    start_activity(s);
  } else {
    finish_plan(s);
  }
}

}  // namespace parcours::model
