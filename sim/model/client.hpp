#pragma once
// A client of the employment office, as the model and the decision rules see them.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/event.hpp"
#include "model/packed_profile.hpp"
#include "model/profile.hpp"

namespace parcours::model {

/// How the evaluation interview concludes (rule E5).
enum class Conclusion : std::uint8_t {
  kAutonomous,   // A: information and placement tools, no plan
  kParcours,     // B: a Parcours with an intervention plan starts now
  kSpecialised,  // C: external specialised evaluation first, then decide
  kNotNow,       // D: referral to health and social services
};
char to_letter(Conclusion c);

/// Where the client is; drives which events are legal.
enum class Stage : std::uint8_t {
  kWaitingInterview,
  kInInterview,
  kSpecialisedEvaluation,
  kReferredOut,
  kAwaitingActivity,  // referred to an OSE, before the planned start (rule P8)
  kInActivity,
  kJobSearch,
  kRetention,
  kEmployed,  // in a job, followed (job loss, rule M7) or waiting for a retention referral
};

/// What a random draw is for. A client's draws come from one stream per (purpose,
/// occurrence), e.g. (activity duration, 2nd activity of the plan), so that changing one
/// decision never shifts the draws of another: the same client makes the same draws in two
/// scenarios wherever their situation is the same (common random numbers).
enum class Draw : std::uint32_t {
  kAttributes = 1,
  kConvened,
  kInterviewDuration,
  kSecondMeeting,
  kConclusion,  // rule E5 (Lua's math.random inside the hook draws from it too)
  kSpecialisedDelay,
  kReferredReturn,
  kPlan,
  kActivityDuration,
  kDropoutTime,
  kDropoutDecision,
  kJobSearchTime,
  kRetentionDecision,
  kRefusal,
  kPlanOutcome,
  kClosureTime,
  kReferralDelay,
  kAccompaniment,
  kActivityCheck,
  kServiceHours,       // rules S5, M8: a participation's planned hours
  kWaitlistDropout,    // giving up on an OSE's waitlist
  kJob,                // a job: full time or not, when it would be lost
  kRetentionPlan,      // M2-M5: the plan's hours, weeks, phases, mode and the client's stop
  kLateStart,          // M3
  kPartnerReferral,    // M6
  kRepeatApproval,     // M12
  kJobDuringActivity,  // P7: a job before the activity's planned end
  kEarlySuccess,       // P5: objectives reached before the planned end
  kIntegration,        // M9: ICTE's integration phase and wage contribution
  kInJobSupport,       // S4: Démarcheurs' in-job accompaniment
  kMajorEvent,         // E7: a major event during an activity, and the decision after it
};
/// The stream purpose for the `occurrence`-th draw site of a kind (0-based).
constexpr std::uint32_t purpose(Draw d, unsigned occurrence = 0) {
  return (static_cast<std::uint32_t>(d) << 16) | (occurrence & 0xffffU);
}

/// Most activities one plan holds (a client's record counts them in four bits).
inline constexpr std::size_t kMaxPlanLength = 8;

/// The initial caseload's clients (placed at day 0) are numbered from here, apart from the
/// arrivals, so that their random streams never meet an arrival's.
inline constexpr std::uint64_t kCaseloadIds = std::uint64_t{1} << 62U;

/// A client's job record index when they have none (Client::job).
inline constexpr std::uint32_t kNoJob = 0xffffffffU;

/// 56 bytes, the profile included: a run keeps millions of clients in the system at once (2.3
/// million at the peak of 10 million clients), and every event touches one, so the size of
/// this struct is felt in every event and in the run's peak memory (issue 14).
struct Client {
  // The client's number among the arrivals (1-based), or among the initial caseload; id()
  // joins the two. 32 bits: World refuses a run with more arrivals rather than wrap. In a
  // free slot's record, the next free slot (ClientTable's free list).
  std::uint32_t number = 0;

  bool convened : 1 = false;            // rule E1: convened after screening vs. came on their own
  bool in_parcours : 1 = false;         // rule P1
  bool job_after_parcours : 1 = false;  // the current job ended a Parcours (rule P7)
  bool on_benefit : 1 = false;          // receiving income support, out of work (rule P7)
  bool caseload : 1 = false;            // in the initial caseload, not an arrival (issue 12)
  // Rule M4: a retention meeting may still be the first after the integration phase (Retention
  // reads the job record only then: most meetings have nothing to check, issue 14).
  bool tripartite_check_due : 1 = false;
  // Rule D2's class at arrival (3 or more limiting characteristics): the client's group in the
  // tables' "distance" dimension, kept for their stay even if an evaluation reassesses them
  // (ClientTable::groups).
  bool distant_at_arrival : 1 = false;

  // Pathway state. Four bits where a field cannot pass 8 (assigned through `& 0xFU`).
  Stage stage : 4 = Stage::kWaitingInterview;
  std::uint8_t limiting_characteristics : 4 = 0;  // rule D1: how many of the eight, as evaluated
  std::uint8_t next_activity : 4 = 0;             // activities of the plan done so far
  std::uint8_t plan_size : 4 = 0;                 // activities in the plan (kMaxPlanLength)
  std::uint8_t evaluations = 0;    // interviews completed (C or D can bring a client back)
  std::uint8_t contacts_left = 0;  // retention contacts still to come
  std::uint8_t revisions = 0;      // plan revisions in this Parcours (rule P3)
  // The current plan's activities, in order (rule P2): a number in the run's PlanBook
  // (ClientTable::plan), 0 for none.
  std::uint16_t plan = 0;
  std::uint32_t job = kNoJob;  // the client's job record (Employment's pool), kNoJob for none
  // Who the client is, drawn at arrival (ClientTable::profile unpacks it): in the record, as
  // decision points and the tables' groups read it, and a table beside it was one more cache
  // miss and 8 bytes per slot.
  PackedProfile profile;
  core::Time parcours_ended_at = -1.0;  // days; < 0 while no Parcours has ended
  core::Time arrived_at = 0.0;          // days
  core::Time step_started_at = 0.0;     // days: when the client joined a queue or began an activity
  // The stamps of the client's two pending events (ClientTable::schedule_step, schedule_exit):
  // the end of the step under way, and its exit (abandonment or closure of the Parcours, loss
  // of the job, the client's stop of retention). An event is live while it carries its lane's
  // stamp; cancelling moves the stamp on. Step stamps are even, exit stamps odd. They outlive
  // the client: the next client of the slot moves them on, so that nothing an earlier client
  // left pending ever matches.
  core::Stamp step_stamp = 2;
  core::Stamp exit_stamp = 3;

  /// Names the client's random streams (common random numbers) and their trace rows.
  [[nodiscard]] std::uint64_t id() const { return caseload ? kCaseloadIds + number : number; }
  /// The profile's IncomeSupport, fixed at arrival (every job start and activity reads it,
  /// rule P7).
  [[nodiscard]] IncomeSupport support() const { return profile.income_support(); }
};
static_assert(sizeof(Client) == 56, "a client's record is 56 bytes: fields by size, no padding");

/// The number of the arrival that follows `arrivals` of them (1-based). Throws
/// std::length_error past 2^32 - 1 rather than wrap: a wrapped number would give two clients
/// the same random streams.
std::uint32_t next_arrival_number(std::uint64_t arrivals);

/// Names an activity step for its random streams: its place in the plan and the revision.
inline unsigned step_of(const Client& c) { return c.next_activity + 8U * c.revisions; }

}  // namespace parcours::model
