// After a followed job is lost (rule M7): readmission to the original activity within
// `readmission_days` calendar days of its actual end, when its agreement is in force (not a
// new participant, no new price), or back to the office for a new evaluation.

#include "model/parcours_process.hpp"

namespace parcours::model {

void ParcoursProcess::after_job_loss(Slot s) {
  Client& c = clients_[s];
  start_benefit(s);  // out of work again (rule P7)
  Participation* last = track_last_ ? &ose_.participation(s) : nullptr;
  if (last != nullptr && !last->placed && !last->waiting && last->ended_at >= 0 &&
      clients_.calendar_days_since(last->ended_at) <= params_.retention.readmission_days &&
      (last->agreement < 0 ||
       params_.agreements.agreements[ose_.a_index(s)].active_at(clients_.now()))) {
    clients_.count(c, Count::kReadmissions);
    last->readmission = true;
    resume_parcours(s, last->activity);
    return;
  }
  clients_.count(c, Count::kReturnsToOffice);
  evaluation_->join_agent_queue(s);
}

void ParcoursProcess::resume_parcours(Slot s, std::uint8_t activity) {
  Client& c = clients_[s];
  c.in_parcours = true;
  clients_.add_stock(parcours_active_, c, +1);
  clients_.count(c, Count::kParcoursResumed);
  clients_.set_plan(c, std::span<const std::uint8_t>(&activity, 1));
  // Streams of its own, not the first Parcours's.
  open_parcours(s, 0x1000U + employment_->job(s).number);
}

}  // namespace parcours::model
