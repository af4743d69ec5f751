#pragma once
// Clients already in the system on the model's first day (issue 12): a scenario may start from
// today's caseload instead of an empty office. Each is placed where its row says: waiting for
// the evaluation interview, in a Parcours at an activity, in an OSE participation under a
// named agreement, or employed with retention support under a named agreement, some weeks into
// it.

#include <cstdint>

#include "model/profile.hpp"

namespace parcours::model {

struct InitialClient {
  enum class State : std::uint8_t {
    kWaitingInterview,  // in the agent queue (rule E2)
    kInActivity,        // in a Parcours, in an activity no agreement delivers (rules P1, P2)
    kInParticipation,   // in a Parcours, in an OSE participation under `agreement` (S6-S8)
    kInRetention,       // employed, with retention support under `agreement` (rules M2, M6)
  };
  State state = State::kWaitingInterview;
  Profile profile;
  std::uint8_t activity = 0;  // the activity under way; kInRetention: the agreement's service
  int agreement = -1;         // index into AgreementParameters::agreements (participation,
                              // retention)
  double days_done = 0.0;     // days of the activity or retention done before day 0
};

}  // namespace parcours::model
