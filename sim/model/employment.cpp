// Job search, the job, and retention support after it (thin first slice of rules M1-M3:
// a decision, then contacts at a fixed interval).

#include <cmath>

#include "model/world.hpp"

namespace parcours::model {

void World::start_job_search(Slot s, const Hazard& hazard, unsigned occurrence) {
  Client& c = clients_[s];
  c.stage = Stage::kJobSearch;
  core::RandomStream rng = stream(c, Draw::kJobSearchTime, occurrence);
  const double wait = hazard.sample(rng, params_.job_search.effects.multiplier(c, profiles_[s]) *
                                             rules_.job_multiplier(c, profiles_[s]));
  if (std::isinf(wait)) {       // a hazard that may never fire: no job within the model
    if (c.in_parcours) return;  // the Parcours still ends by abandonment or closure
    leave(s);
    return;
  }
  c.next_event = schedule(wait, kJobFound, s);
}

void World::on_job_found(Slot s) {
  Client& c = clients_[s];
  count(c, Count::kEmployed);
  credit_followup(s);
  c.job_after_parcours = c.in_parcours;
  if (c.in_parcours) end_parcours(s, Count::kParcoursEndedEmployment);  // rule P7
  // M13: a job within the follow-up window after a Parcours ended (at 0 days when the job
  // itself ended it).
  if (c.parcours_ended_at >= 0.0F &&
      sim_.now() - static_cast<double>(c.parcours_ended_at) <= params_.parcours.followup_days) {
    count(c, Count::kEmployedAfterParcours);
  }
  core::RandomStream rng = stream(c, Draw::kRetentionDecision);
  const RetentionParameters& r = params_.retention;
  if (r.contacts > 0 && rules_.retention(c, profiles_[s], rng)) {
    count(c, Count::kRetentionStarted);
    c.stage = Stage::kRetention;
    c.contacts_left = static_cast<std::uint8_t>(r.contacts);
    c.next_event = schedule(r.contact_interval_days, kRetentionContact, s);
    return;
  }
  leave(s);
}

void World::on_retention_contact(Slot s) {
  Client& c = clients_[s];
  count(c, Count::kRetentionContacts);
  if (--c.contacts_left > 0) {
    c.next_event = schedule(params_.retention.contact_interval_days, kRetentionContact, s);
  } else {
    leave(s);
  }
}

}  // namespace parcours::model
