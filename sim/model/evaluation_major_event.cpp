// Rule E7 in the evaluation module: a major event during an activity leads to a specialised
// evaluation inside the Parcours (major_event.hpp says what the seed asks). The evaluation
// takes the specialised evaluators' capacity and queue and their delay, like conclusion C's.

#include "model/decision_rules.hpp"
#include "model/evaluation.hpp"

namespace parcours::model {

double Evaluation::major_event_days(Slot s) const {
  const Client& c = clients_[s];
  core::RandomStream rng = clients_.stream(c, Draw::kMajorEvent, step_of(c));
  return params_.parcours.major_event.hazard.sample(rng);
}

void Evaluation::on_major_event(Slot s) {
  clients_.count(clients_[s], Count::kMajorEvents);
  // The step stops here, as after a job found during it: what was given counts (rules S7, M8,
  // P6); the step is not completed (no M12 mark) and the plan goes on after it, if it does.
  pathway_->interrupt_step(s);
  request_specialist(s);
}

void Evaluation::leave_specialised_evaluation(Slot s) {
  if (specialists_ && !specialists_->withdraw(core::EventTarget{this, kSpecialistGranted, s})) {
    specialists_->release();  // it was under way
  }
}

void Evaluation::after_major_event(Slot s) {
  Client& c = clients_[s];
  clients_.count(c, Count::kMajorEventEvaluations);
  core::RandomStream rng = clients_.stream(c, Draw::kMajorEvent, 0x8000U + step_of(c));
  switch (rules_.after_major_event(c, clients_.profile(s), rng)) {
    case AfterMajorEvent::kContinue:
      break;
    case AfterMajorEvent::kRevise:  // rule P3: back to the plan rule with what was done
      clients_.count(c, Count::kMajorEventRevisions);
      pathway_->revise_plan(s);
      break;
    case AfterMajorEvent::kStop:
      // Not able to go on now: the Parcours is closed (P7) and the agent refers the client
      // to a resource suited to their needs, as for conclusion D (rule E5), who may come back.
      clients_.count(c, Count::kMajorEventStops);
      pathway_->close_parcours(s);
      refer_out(s, 0x100U + c.evaluations);
      return;
  }
  pathway_->continue_plan(s);
}

}  // namespace parcours::model
