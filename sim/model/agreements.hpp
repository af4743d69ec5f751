#pragma once
// Specialised employability organisations (OSE) and the agreements that fund their services
// (rules S6-S8): who offers what, with how many places, under which agreement, and what a
// participation costs under either funding mode (rule S7).

#include <cstdint>
#include <string>
#include <vector>

#include "core/event.hpp"

namespace parcours::model {

/// A service an organisation offers (rule M11: not every organisation offers everything).
struct ServiceOffer {
  std::uint8_t activity = 0;  // index into ModelParameters::activities
  int slots = 0;              // participants served at once
  int waitlist = -1;          // most clients waiting for a place; -1: no limit
};

struct Organisation {
  std::string name;
  int region = -1;  // index into the scenario's regions; -1: serves every region
  bool non_profit = false;
  bool retention = false;  // rule M11: offers retention support within its services
  std::vector<ServiceOffer> offers;
  /// Clients on a waitlist give up at this rate (per day), abandoning the Parcours.
  double waiting_dropout_per_day = 0.0;

  [[nodiscard]] const ServiceOffer* offer(std::uint8_t activity) const;
};

/// Rule S7's two funding modes.
enum class FundingMode : std::uint8_t {
  kFixedPrice,   // forfaitaire: a price per participant, by intensity level, with targets
  kActualCosts,  // coûts réels: eligible expenses up to the agreement's maximum
};
std::string_view to_string(FundingMode m);

/// Per intensity level of the service (one entry when it has none): the participants to
/// serve in each agreement year and the fixed price of one.
struct LevelTerms {
  double target = 0.0;  // participants per agreement year
  double price = 0.0;   // dollars per participant (fixed price)
};

struct Agreement {
  std::string id;
  std::uint16_t organisation = 0;  // index into AgreementParameters::organisations
  std::uint8_t activity = 0;       // the service it funds
  FundingMode mode = FundingMode::kFixedPrice;
  core::Time start = 0.0;        // signature: no activity before (rule S8), days
  core::Time end = 0.0;          // the day after the last day, days
  int first_agreement_year = 0;  // start year of the agreement year (1 July - 30 June) it starts in
  int agreement_years = 1;       // 1, or up to 3 for a non-profit (rule S6)
  std::vector<LevelTerms> levels;
  double hourly_cost = 0.0;              // dollars per counsellor hour (actual costs)
  double overhead_share = 0.0;           // overheads as a share of the hours' cost (actual costs)
  double ceiling = 0.0;                  // dollars per agreement year; 0: none (actual costs, S7)
  double disability_overhead_max = 0.0;  // dollars per participant with a disability (S7)

  [[nodiscard]] bool active_at(core::Time t) const { return t >= start && t < end; }
  /// Rule S7, fixed price: what one participant at `level` costs.
  [[nodiscard]] double fixed_price_cost(std::size_t level) const { return levels[level].price; }
  /// Rule S7, actual costs: counsellor hours at the hourly cost plus overheads, and the
  /// disability overhead up to the agreement's maximum.
  [[nodiscard]] double actual_cost(double staff_hours, double disability_overhead) const;
};

struct AgreementParameters;

/// The agreement under which `agreement`'s organisation goes on serving its participants at
/// time `t`: `agreement` itself while in force, else its renewal (the same organisation and
/// service, in force at `t`; the first in the scenario's order), else -1. Support that
/// follows a participation (in-service retention, rule M6; Démarcheurs' in-job
/// accompaniment, S4) is not lost because the agreement year turned between the
/// participation's end and the job.
[[nodiscard]] int agreement_in_force(const AgreementParameters& p, int agreement, core::Time t);

struct AgreementParameters {
  std::vector<Organisation> organisations;
  std::vector<Agreement> agreements;
  /// Rule S7: the most overhead an agreement may reimburse per participant with a disability.
  double disability_overhead_limit = 0.0;
  /// Waits for a place longer than this are counted (`waited_over_threshold`), for sizing
  /// places against a wait; 0: not counted.
  double wait_threshold_days = 0.0;
};

}  // namespace parcours::model
