#pragma once
// The indicators a run records, per fiscal quarter, and their yearly roll-up.
// Counts are flows within the period; "_end" values are stocks on the period's last day.

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/statistics.hpp"

namespace parcours::model {

enum class Count : std::uint8_t {
  kArrivals,
  kArrivalsConvened,      // rule E1
  kArrivalsSelfReferred,  // rule E1
  kInterviews,            // evaluation interviews completed (E2)
  kSecondMeetings,        // E2
  kConclusionA,           // E5
  kConclusionB,
  kConclusionC,
  kConclusionD,
  kSpecialisedEvaluations,   // completed, E5/E7
  kReferredReturns,          // back from health and social services (E5, D4)
  kParcoursStarted,          // P1
  kParcoursEndedEmployment,  // P7
  kParcoursEndedDropout,     // P7, D6
  kActivitiesStarted,        // P2
  kActivitiesCompleted,
  kEmployed,                      // job starts, with or without a Parcours
  kRetentionStarted,              // M1
  kRefusals,                      // E6: evaluation not completed
  kComplianceReferrals,           // E6: refusal without valid reason
  kParcoursEndedSchool,           // P7
  kParcoursEndedOtherMeasure,     // P7
  kParcoursEndedClosure,          // P7
  kEmployedAfterParcours,         // job within the follow-up window after a Parcours (M13)
  kOseReferrals,                  // P8: activities handed over to an OSE
  kAccompanimentContacts,         // P4: accompaniment contacts during a Parcours
  kAccompanimentByAgent,          // P4: of those, made by the agent (the rest by an OSE)
  kPlanRevisions,                 // P3: plans revised after a failed check (P5)
  kActivitiesIneligible,          // S2, S4: activities skipped, the client not eligible
  kOseNotServed,                  // S6-S8: OSE activities skipped: no agreement, place or waitlist
  kRetentionInService,            // M6: retention by the organisation of the participation
  kRetentionPartnerReferrals,     // M6: recommended to another partner (Groupe ME, PH2)
  kRetentionPartnerStarted,       // M6, M7: retention begun with the other partner
  kRetentionLateStarts,           // M3: begun after a problem found at the follow-up
  kRetentionEmployerRequests,     // M3: begun at the employer's request
  kIntegrationJobs,               // M9: jobs of ICTE's integration phase, inside the path
  kInJobSupportStarted,           // S4: Démarcheurs' in-job accompaniment begun
  kRetentionWithinParticipation,  // M9: jobs whose retention is part of the participation
  kRetentionEndedObjectives,      // M5
  kRetentionEndedClient,          // M5
  kRetentionEndedJobLoss,         // M5
  kTripartiteSwitches,            // M4
  kEmployedEndOfRetentionFullTime,  // M13
  kEmployedEndOfRetentionPartTime,  // M13
  kJobLosses,                       // jobs lost while followed
  kReadmissions,                    // M7: back in the original activity
  kReturnsToOffice,                 // M7: back to the office for a new evaluation
  kActivitiesRepeatRefused,         // M12: activities already completed, skipped
  kIncomeSupportCancelled,          // M10: clients whose unissued payments were cancelled
  kParcoursResumed,                 // M7: a Parcours reopened by a readmission
  kRetentionContacts,               // M3: meetings of plans run as contact events
  // Who arrives, for comparison with the published profile (D1, D3, E4; issue 12).
  kArrivalsAged45Plus,
  kArrivalsSingleParent,
  kArrivalsBelowSecondaryV,
  kArrivalsObjectifEmploi,
  kArrivalsHealthConstraints,
  kArrivalsImmigrant,
  kArrivalsNotMeetingRequirements,
  kArrivalsLongAssistance,  // 120 months or more on assistance in total
  kJobsDuringActivity,      // P7: jobs that ended an activity before its planned end
  kActivitiesEndedEarly,    // P5: activities whose objectives were met before the end
  kMajorEvents,             // E7: major events that cut an activity short
  kMajorEventEvaluations,   // E7: specialised evaluations during a Parcours, completed
  kMajorEventRevisions,     // E7, P3: plans revised on the recommendation
  kMajorEventStops,         // E7: Parcours closed on it, the client referred to other resources
  kOseReports,              // P4: OSE contacts reported back to the agent (agent time)
  kSize_
};
inline constexpr std::size_t kCountSize = static_cast<std::size_t>(Count::kSize_);
std::string_view name_of(Count c);

/// The same text for the life of the process: indicator names made at run time (one per
/// activity of the scenario) outlive the World whose table made them, as IndicatorValue holds
/// a string_view. Thread-safe.
std::string_view intern_indicator_name(std::string_view name);

/// One period's record.
struct PeriodRecord {
  std::array<std::uint64_t, kCountSize> counts{};
  core::Tally interview_wait_days;    // by the period in which the interview started
  core::Tally specialised_wait_days;  // E7: for a specialised evaluator, by start period
  double agent_busy_days = 0.0;       // integral of busy agents over the period
  double agent_queue_days = 0.0;      // integral of clients waiting for an agent
  double agent_capacity_days = 0.0;   // integral of agents on duty (opening hours, rule E2)
  double days = 0.0;                  // length of the period that was simulated
  double parcours_active_end = 0.0;
  double clients_in_system_end = 0.0;
  double caseload_end = 0.0;              // Parcours open per agent (all clients only)
  double allowance_paid = 0.0;            // dollars, P6: booked when the activity ends
  double extra_costs_paid = 0.0;          // dollars, P6: booked when the activity ends
  double retention_hours = 0.0;           // M2: hours of retention support given
  double income_support_cancelled = 0.0;  // dollars, M10
  double income_support_paid = 0.0;       // dollars, P7: assistance or EI while out of work
  double income_support_savings = 0.0;    // dollars, P7: support a job saves over the horizon
  /// activities_started by activity of the catalogue (rule P2), in the order of
  /// IndicatorTable::set_activities; empty when the table names none.
  std::vector<std::uint64_t> started_by_activity;

  void merge_into_year(const PeriodRecord& quarter);
};

/// A way of splitting clients in the tables (region, income support, distance) and the labels
/// of its groups. Group 0 of every table is all clients.
struct GroupDimension {
  std::string name;
  std::vector<std::string> labels;
};
inline constexpr std::size_t kMaxDimensions = 3;
/// A client's group in each dimension (label index), in dimension order.
using GroupKey = std::array<std::uint8_t, kMaxDimensions>;

/// A value of the long (tidy) output: period, group, indicator, value.
struct IndicatorValue {
  core::FiscalQuarter period;  // quarter rows; for yearly rows only `year` is meaningful
  std::uint16_t group = 0;     // index into IndicatorTable::group_labels(); 0 = all clients
  std::string_view indicator;
  double value;
};

/// (dimension, label) of each group, group 0 being ("all", "all").
using GroupLabels = std::vector<std::pair<std::string, std::string>>;

class IndicatorTable {
 public:
  IndicatorTable(const core::Calendar& calendar, core::Time horizon,
                 std::vector<GroupDimension> dimensions = {});

  /// The all-clients record of the quarter containing time t (t within the horizon).
  PeriodRecord& at(core::Time t);
  void count(core::Time t, Count c, std::uint64_t n = 1) {
    at(t).counts[static_cast<std::size_t>(c)] += n;
  }

  [[nodiscard]] std::size_t quarters() const { return records_.size() / groups_; }
  [[nodiscard]] std::size_t groups() const { return groups_; }
  [[nodiscard]] core::FiscalQuarter quarter(std::size_t i) const {
    return core::FiscalQuarter::from_index(first_ + static_cast<int>(i));
  }
  [[nodiscard]] const PeriodRecord& record(std::size_t q, std::size_t group = 0) const {
    return records_[q * groups_ + group];
  }
  PeriodRecord& record(std::size_t q, std::size_t group = 0) {
    return records_[q * groups_ + group];
  }
  /// The groups a client with `key` counts in: all clients, then one per dimension.
  template <typename F>
  void for_groups(const GroupKey& key, F&& f) const {
    f(std::size_t{0});
    for (std::size_t d = 0; d < dimensions_.size(); ++d) f(offsets_[d] + key[d]);
  }
  [[nodiscard]] const GroupLabels& group_labels() const { return labels_; }
  /// End time (exclusive) of quarter i, clipped to the horizon.
  [[nodiscard]] core::Time quarter_end(std::size_t i) const;

  /// Counts activities started by activity too (rule P2: which services of the catalogue the
  /// plans use), as `activities_started.NAME`, in this order.
  void set_activities(const std::vector<std::string>& names);
  /// Adds an activity start for activity `index` of set_activities, in the quarter and group.
  void count_activity(std::size_t quarter, std::size_t group, std::size_t index) {
    ++record(quarter, group).started_by_activity[index];
  }

  /// Quarters before fiscal quarter index `first` (a warm-up) are kept but not reported:
  /// quarterly_values() and yearly_values() start there.
  void report_from(int first) { first_reported_ = first; }
  /// Index (0-based, in this table) of the first reported quarter.
  [[nodiscard]] std::size_t first_reported() const {
    return static_cast<std::size_t>(std::max(0, first_reported_ - first_));
  }

  [[nodiscard]] std::vector<IndicatorValue> quarterly_values() const;
  [[nodiscard]] std::vector<IndicatorValue> yearly_values() const;

 private:
  void append_values(const core::FiscalQuarter& period, std::size_t group, const PeriodRecord& r,
                     std::vector<IndicatorValue>& out) const;

  const core::Calendar& calendar_;
  core::Time horizon_;
  int first_;               // index of the first quarter
  int first_reported_ = 0;  // fiscal quarter index of the first reported quarter
  std::vector<GroupDimension> dimensions_;
  std::vector<std::size_t> offsets_;  // group index of each dimension's first label
  GroupLabels labels_;
  std::size_t groups_ = 1;
  std::vector<PeriodRecord> records_;             // quarter-major: [quarter][group]
  std::vector<std::string_view> activity_names_;  // "activities_started.NAME", interned
};

}  // namespace parcours::model
