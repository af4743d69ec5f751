// The initial caseload (issue 12): clients already in the system on the model's first day,
// placed where the scenario's rows say. They are not arrivals (no `arrivals` count, no
// `parcours_started`: their Parcours began before day 0) but count in every stock and in what
// they do from day 0 on.

#include <algorithm>
#include <cassert>
#include <vector>

#include "model/evaluation.hpp"
#include "model/parcours_process.hpp"
#include "model/retention.hpp"
#include "model/world.hpp"

namespace parcours::model {

void World::place_initial_caseload() {
  std::uint32_t n = 0;
  for (const InitialClient& ic : params_.caseload) {
    const Slot s = admit();
    Client& c = table_[s];
    // Caseload clients' ids come after every arrival's (kCaseloadIds): arrivals keep the
    // streams they have without a caseload (common random numbers).
    c.number = ++n;
    c.caseload = true;
    c.arrived_at = 0.0;
    table_.set_profile(s, ic.profile);
    c.limiting_characteristics =
        limiting_characteristics(ic.profile, params_.population.limiting) & 0xFU;  // 0 to 8
    assign_groups(s);
    if (ic.state == InitialClient::State::kWaitingInterview) {
      evaluation_->join_agent_queue(s);
    } else if (ic.state == InitialClient::State::kInRetention) {
      parcours_->stop_benefit(s, false);  // employed since before day 0 (rule P7)
      retention_->resume_initial(s, ic);
    } else {
      parcours_->resume_initial(s, ic);
    }
  }
}

}  // namespace parcours::model
