// The Parcours (rules P1, P2, P7): an intervention plan of activities done in sequence, with
// abandonment either at any time (a hazard from the Parcours start) or after an activity
// (rule D6). A completed plan leads to job search within the Parcours.

#include <algorithm>
#include <cassert>

#include "model/world.hpp"

namespace parcours::model {

void World::start_parcours(Slot s) {
  Client& c = clients_[s];
  c.in_parcours = true;
  ++parcours_active_;
  count(Count::kParcoursStarted);

  core::RandomStream plan_rng = stream(c, Draw::kPlan, c.evaluations);
  plan_buffer_.clear();
  rules_.plan(c, profiles_[s], plan_rng, plan_buffer_);
  assert(plan_buffer_.size() <= kMaxPlanLength);
  c.plan_size = static_cast<std::uint8_t>(plan_buffer_.size());
  std::copy(plan_buffer_.begin(), plan_buffer_.end(), c.plan);
  c.next_activity = 0;

  if (params_.parcours.dropout_enabled) {
    core::RandomStream rng = stream(c, Draw::kDropoutTime, c.evaluations);
    c.dropout_event = schedule(params_.parcours.dropout_days.sample(rng), kDropout, s);
  }
  if (c.plan_size == 0) {
    start_job_search(s, params_.job_search.after_parcours_days);
  } else {
    start_activity(s);
  }
}

void World::start_activity(Slot s) {
  Client& c = clients_[s];
  c.stage = Stage::kInActivity;
  count(Count::kActivitiesStarted);
  const ActivityParameters& a = params_.activities[c.plan[c.next_activity]];
  core::RandomStream rng = stream(c, Draw::kActivityDuration, c.next_activity);
  c.next_event = schedule(a.duration_days.sample(rng), kActivityEnd, s);
}

void World::on_activity_end(Slot s) {
  Client& c = clients_[s];
  count(Count::kActivitiesCompleted);
  const unsigned finished = c.next_activity++;  // the rules see it among the activities done
  core::RandomStream rng = stream(c, Draw::kDropoutDecision, finished);
  if (rules_.drops_out_after(c, profiles_[s], c.plan[finished], rng)) {
    end_parcours(s, Count::kParcoursEndedDropout);
    leave(s);
    return;
  }
  if (c.next_activity < c.plan_size) {
    start_activity(s);
  } else {
    start_job_search(s, params_.job_search.after_parcours_days);
  }
}

void World::on_dropout(Slot s) {
  Client& c = clients_[s];
  c.dropout_event = core::EventHandle{};
  sim_.cancel(c.next_event);  // the activity or job search under way will not end normally
  end_parcours(s, Count::kParcoursEndedDropout);
  leave(s);
}

void World::end_parcours(Slot s, Count reason) {
  Client& c = clients_[s];
  assert(c.in_parcours);
  sim_.cancel(c.dropout_event);
  c.in_parcours = false;
  --parcours_active_;
  count(reason);
}

}  // namespace parcours::model
