#pragma once
// The model's event kinds, one numbering for all the process modules: each module handles
// its own kinds (ose_services.hpp: a place granted, a waitlist given up, ...), and the client
// table counts every event by kind (World::events_of) and names it in client traces.

#include <cstdint>

namespace parcours::model {

/// Event kinds of the model. "Model events" are the ones that change a client's situation;
/// agent hand-overs and period boundaries are bookkeeping.
enum EventKind : std::uint32_t {
  kArrival,
  kAgentGranted,
  kInterviewEnd,
  kSpecialistGranted,
  kSpecialisedEvaluationEnd,
  kReferredReturn,
  kActivityStart,
  kActivityEnd,
  kDropout,
  kClosure,
  kJobFound,
  kRetentionPhaseEnd,
  kRetentionContact,
  kRetentionEnd,
  kRetentionClientStop,
  kRetentionLateStart,
  kRetentionReferral,
  kJobLoss,
  kJobFollowupEnd,
  kAccompanimentContact,
  kContactAgentGranted,
  kContactEnd,
  kOpeningChange,
  kQuarterEnd,
  kOsePlaceGranted,
  kWaitlistDropout,
  kIntegrationEnd,
  kMajorEvent,        // rule E7
  kOseReportGranted,  // rule P4: an agent takes in an OSE's report of a contact
  kOseReportEnd,
  kEventKindCount
};

/// Whether an event of this kind is bookkeeping (agent hand-overs, places granted, period
/// boundaries) rather than a change in a client's situation.
constexpr bool is_bookkeeping(std::uint32_t k) {
  return k == kAgentGranted || k == kSpecialistGranted || k == kContactAgentGranted ||
         k == kContactEnd || k == kOseReportGranted || k == kOseReportEnd || k == kOpeningChange ||
         k == kQuarterEnd || k == kOsePlaceGranted;
}

}  // namespace parcours::model
