// After a followed job is lost (rule M7): readmission to the original activity within
// `readmission_days` calendar days of its actual end, when its agreement is in force (not a
// new participant, no new price), or back to the office for a new evaluation.

#include "model/employment.hpp"
#include "model/evaluation.hpp"
#include "model/world.hpp"

namespace parcours::model {

void World::after_job_loss(Slot s) {
  Client& c = table_[s];
  start_benefit(s);  // out of work again (rule P7)
  Participation* last = track_last_ ? &ose_.participation(s) : nullptr;
  if (last != nullptr && !last->placed && !last->waiting && last->ended_at >= 0 &&
      table_.calendar_days_since(last->ended_at) <= params_.retention.readmission_days &&
      (last->agreement < 0 ||
       params_.agreements.agreements[ose_.a_index(s)].active_at(sim_.now()))) {
    count(c, Count::kReadmissions);
    last->readmission = true;
    resume_parcours(s, last->activity);
    return;
  }
  count(c, Count::kReturnsToOffice);
  evaluation_->join_agent_queue(s);
}

void World::resume_parcours(Slot s, std::uint8_t activity) {
  Client& c = table_[s];
  c.in_parcours = true;
  table_.add_stock(parcours_active_, c, +1);
  count(c, Count::kParcoursResumed);
  c.plan_size = 1;
  c.plan[0] = activity;
  c.next_activity = 0;
  // Streams of its own, not the first Parcours's.
  open_parcours(s, 0x1000U + employment_->job(s).number);
}

}  // namespace parcours::model
