#pragma once
// Income support paid to clients while they are in the system and out of work, and what a
// job saves of it (rule P7: "results serve to compute returns to employment and savings").
// The amounts are the scenario's (income_support section), never constants here.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/event.hpp"

namespace parcours::model {

/// Dollars per day by income-support status (IncomeSupport order: afdr, ei, none), and how
/// long a job's savings are counted.
struct IncomeSupportParameters {
  std::array<double, 3> dollars_per_day{};
  /// Rule P7: a job saves the support no longer paid over this many days from its start.
  double savings_days = 0.0;
  [[nodiscard]] bool any() const {
    return dollars_per_day[0] > 0 || dollars_per_day[1] > 0 || dollars_per_day[2] > 0;
  }
};

/// Clients on income support by table group and status, with the integral of that count over
/// time since the last booking: the dollars paid in a quarter are each status's rate times its
/// client-days, exact without any per-client state.
class BenefitStock {
 public:
  explicit BenefitStock(std::size_t groups) : cells_(groups * kStatuses) {}

  /// `delta` clients of `status` in group g start (+1) or stop (-1) receiving support at `now`.
  void add(std::size_t group, std::size_t status, std::int64_t delta, core::Time now) {
    Cell& c = cells_[group * kStatuses + status];
    c.client_days += static_cast<double>(c.clients) * (now - c.since);
    c.since = now;
    c.clients += delta;
  }
  /// Dollars paid to group g's clients since the last call, at `now`.
  double take_dollars(std::size_t group, const std::array<double, 3>& dollars_per_day,
                      core::Time now) {
    double dollars = 0.0;
    for (std::size_t k = 0; k < kStatuses; ++k) {
      Cell& c = cells_[group * kStatuses + k];
      c.client_days += static_cast<double>(c.clients) * (now - c.since);
      c.since = now;
      dollars += dollars_per_day[k] * c.client_days;
      c.client_days = 0.0;
    }
    return dollars;
  }

 private:
  static constexpr std::size_t kStatuses = 3;
  struct Cell {
    std::int64_t clients = 0;
    double client_days = 0.0;
    core::Time since = 0.0;
  };
  std::vector<Cell> cells_;
};

}  // namespace parcours::model
