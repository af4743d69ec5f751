#pragma once
// The indicators a run records, per fiscal quarter, and their yearly roll-up.
// Counts are flows within the period; "_end" values are stocks on the period's last day.

#include <array>
#include <cstdint>
#include <string_view>
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
  kEmployed,          // job starts, with or without a Parcours
  kRetentionStarted,  // M1
  kRetentionContacts,
  kRefusals,                   // E6: evaluation not completed
  kComplianceReferrals,        // E6: refusal without valid reason
  kParcoursEndedSchool,        // P7
  kParcoursEndedOtherMeasure,  // P7
  kParcoursEndedClosure,       // P7
  kEmployedAfterParcours,      // job within the follow-up window after a Parcours (M13)
  kSize_
};
inline constexpr std::size_t kCountSize = static_cast<std::size_t>(Count::kSize_);
std::string_view name_of(Count c);

/// One period's record.
struct PeriodRecord {
  std::array<std::uint64_t, kCountSize> counts{};
  core::Tally interview_wait_days;  // by the period in which the interview started
  double agent_busy_days = 0.0;     // integral of busy agents over the period
  double agent_queue_days = 0.0;    // integral of clients waiting for an agent
  double days = 0.0;                // length of the period that was simulated
  double parcours_active_end = 0.0;
  double clients_in_system_end = 0.0;

  void merge_into_year(const PeriodRecord& quarter);
};

/// A value of the long (tidy) output: period, indicator, value.
struct IndicatorValue {
  core::FiscalQuarter period;  // quarter rows; for yearly rows only `year` is meaningful
  std::string_view indicator;
  double value;
};

class IndicatorTable {
 public:
  IndicatorTable(const core::Calendar& calendar, core::Time horizon, int agents);

  /// The record of the quarter containing time t (t within the horizon).
  PeriodRecord& at(core::Time t);
  void count(core::Time t, Count c, std::uint64_t n = 1) {
    at(t).counts[static_cast<std::size_t>(c)] += n;
  }

  [[nodiscard]] std::size_t quarters() const { return records_.size(); }
  [[nodiscard]] core::FiscalQuarter quarter(std::size_t i) const {
    return core::FiscalQuarter::from_index(first_ + static_cast<int>(i));
  }
  [[nodiscard]] const PeriodRecord& record(std::size_t i) const { return records_[i]; }
  PeriodRecord& record(std::size_t i) { return records_[i]; }
  /// End time (exclusive) of quarter i, clipped to the horizon.
  [[nodiscard]] core::Time quarter_end(std::size_t i) const;

  [[nodiscard]] std::vector<IndicatorValue> quarterly_values() const;
  [[nodiscard]] std::vector<IndicatorValue> yearly_values() const;

 private:
  void append_values(const core::FiscalQuarter& period, const PeriodRecord& r,
                     std::vector<IndicatorValue>& out) const;

  const core::Calendar& calendar_;
  core::Time horizon_;
  int agents_;
  int first_;  // index of the first quarter
  std::vector<PeriodRecord> records_;
};

}  // namespace parcours::model
