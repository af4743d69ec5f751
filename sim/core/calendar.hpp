#pragma once
// Maps simulation days to civil dates and to the periods the tables use: calendar quarters,
// Québec government fiscal years (1 April - 31 March) and agreement years (1 July - 30 June,
// rule S6). Day 0 is the scenario's start date; day t covers [t, t+1).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/event.hpp"

namespace parcours::core {

using Date = std::chrono::year_month_day;

/// A fiscal quarter: fiscal year `year` runs from 1 April `year` to 31 March `year + 1`;
/// quarter 1 is April-June, ..., quarter 4 is January-March.
struct FiscalQuarter {
  int year = 0;
  int quarter = 1;
  /// Consecutive quarters have consecutive indices.
  [[nodiscard]] int index() const { return year * 4 + (quarter - 1); }
  static FiscalQuarter from_index(int index);
  /// "2025-2026"
  [[nodiscard]] std::string fiscal_year_label() const;
  /// "2025-2026 Q1"
  [[nodiscard]] std::string label() const;
  /// The quarter's first civil date (quarter 1 of 2025 starts on 2025-04-01).
  [[nodiscard]] Date first_day() const;
  auto operator<=>(const FiscalQuarter&) const = default;
};

/// Parses an ISO date "YYYY-MM-DD"; nullopt if malformed or not a real date.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);

class Calendar {
 public:
  explicit Calendar(Date start);

  [[nodiscard]] Date start() const { return start_; }
  /// The civil date containing time t.
  [[nodiscard]] Date date_at(Time t) const;
  /// Simulation time at 00:00 of `date`.
  [[nodiscard]] Time time_of(Date date) const;

  [[nodiscard]] FiscalQuarter fiscal_quarter_at(Time t) const;
  /// Start year of the fiscal year (1 April - 31 March) containing t.
  [[nodiscard]] int fiscal_year_at(Time t) const;
  /// Start year of the agreement year (1 July - 30 June) containing t.
  [[nodiscard]] int agreement_year_at(Time t) const;
  /// First and one-past-last day of a fiscal quarter, as simulation times.
  [[nodiscard]] Time start_of(FiscalQuarter q) const;
  [[nodiscard]] Time end_of(FiscalQuarter q) const;
  /// Month of the year (1-12) at time t.
  [[nodiscard]] int month_at(Time t) const;

 private:
  Date start_;
  std::chrono::sys_days start_days_;
};

/// Fiscal quarter containing a civil date.
FiscalQuarter fiscal_quarter_of(Date date);
/// Start year of the agreement year (1 July - 30 June) containing a civil date.
int agreement_year_of(Date date);

}  // namespace parcours::core
