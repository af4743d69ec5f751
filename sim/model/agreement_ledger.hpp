#pragma once
// What each agreement delivered and cost, per fiscal quarter and intensity level: the matter
// of the quarterly progress reports (rule S8) and of the cost tables by funding mode (S7),
// rolled up by agreement year (1 July - 30 June, rule S6) and by fiscal year (1 April - 31
// March).

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "model/agreements.hpp"

namespace parcours::model {

/// One agreement's flows in one quarter at one intensity level.
struct AgreementRecord {
  std::uint64_t started = 0;            // participations begun (counted at the planned level)
  std::uint64_t ended = 0;              // participations ended, completed or cut short
  std::uint64_t waitlisted = 0;         // clients who joined the waitlist
  std::uint64_t waitlist_dropouts = 0;  // of those, who gave up waiting
  std::uint64_t turned_away = 0;  // clients for whom neither a place nor the waitlist was free
  std::uint64_t employed_in_followup = 0;  // jobs within the service's follow-up (rule S2)
  double hours_direct = 0.0;       // hours received by participants, in the quarter they fell in
  double hours_indirect = 0.0;     // hours of indirect work
  double hours_ended = 0.0;        // hours (direct + indirect) of the participations that ended
  double cost_fixed_price = 0.0;   // dollars: the price of each participant, at the start
  double cost_actual_costs = 0.0;  // dollars: hours at cost plus overheads, as given
  double allowance_paid = 0.0;     // dollars, rules P6, S5
  double extra_costs_paid = 0.0;
  double wait_days = 0.0;  // summed over participations begun after waiting for a place
  std::uint64_t waits = 0;
  std::uint64_t waited_over_threshold = 0;  // of those, waits over the sizing threshold
  // Rule M13: retention and results after the participation.
  std::uint64_t retention_started = 0;  // participants with retention support
  double retention_hours = 0.0;  // its hours; for Groupe ME/PH2 also in hours_direct/indirect
  std::uint64_t employed_end_full_time = 0;  // still employed at the end of retention
  std::uint64_t employed_end_part_time = 0;
  std::uint64_t employed_0_3_months = 0;  // a job within the follow-up after the end
  std::uint64_t school_0_3_months = 0;    // back to school within it
  std::uint64_t readmissions = 0;         // M7: back in the activity after losing the job
  std::uint64_t cit_renewals = 0;         // PH2: work integration contracts renewed
  std::uint64_t psea_retention = 0;       // PH2: retention in an adapted enterprise
  // M8, M13: participations that ended with their hours given (service and retention) in
  // this level, whatever level was planned, and those hours.
  std::uint64_t ended_at_level_reached = 0;
  double hours_at_level_reached = 0.0;
};

enum class PeriodKind : std::uint8_t { kQuarter, kAgreementYear, kFiscalYear };
std::string_view to_string(PeriodKind k);

inline constexpr std::uint8_t kAllLevels = 0xff;

/// One value of the agreements table.
struct AgreementValue {
  std::uint16_t agreement = 0;
  PeriodKind kind = PeriodKind::kQuarter;
  core::FiscalQuarter quarter;  // kQuarter rows
  int year = 0;                 // start year of the agreement or fiscal year (year rows)
  std::uint8_t level = kAllLevels;
  std::string_view indicator;
  double value = 0.0;
};

/// The agreement year (1 July - 30 June) a fiscal quarter falls in: July-March are in the
/// fiscal year's own start year, April-June in the year before.
int agreement_year_of(const core::FiscalQuarter& q);

class AgreementLedger {
 public:
  /// `levels[a]`: the number of intensity levels of agreement a's service; `tail_days`: the
  /// longest a participation may outlast its agreement (infinite: to the horizon).
  AgreementLedger(const std::vector<Agreement>& agreements, const std::vector<std::size_t>& levels,
                  double tail_days, core::FiscalQuarter first, std::size_t quarters);

  AgreementRecord& at(std::size_t agreement, std::size_t quarter, std::size_t level) {
    return records_[(offsets_[agreement] + level) * quarters_ + quarter];
  }
  [[nodiscard]] const AgreementRecord& at(std::size_t agreement, std::size_t quarter,
                                          std::size_t level) const {
    return records_[(offsets_[agreement] + level) * quarters_ + quarter];
  }
  [[nodiscard]] bool empty() const { return agreements_.empty(); }

  /// Quarters before `quarter` (0-based, a warm-up) are kept but reported in no row.
  void report_from(std::size_t quarter) { first_reported_ = quarter; }

  /// Quarter rows of every quarter in which the agreement runs, then agreement-year and
  /// fiscal-year rows, for each level and for all levels together (docs/outputs.md).
  [[nodiscard]] std::vector<AgreementValue> values(const core::Calendar& calendar) const;

 private:
  const std::vector<Agreement>& agreements_;
  std::vector<std::size_t> levels_;   // levels of each agreement's service
  std::vector<std::size_t> offsets_;  // first level row of each agreement
  double tail_days_;
  core::FiscalQuarter first_;
  std::size_t quarters_;
  std::size_t first_reported_ = 0;
  std::vector<AgreementRecord> records_;
};

}  // namespace parcours::model
