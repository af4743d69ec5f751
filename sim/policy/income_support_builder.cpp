// The income_support section (rule P7): yearly amounts by status, as dollars per day, and the
// savings horizon, as days.

#include "policy/parameter_schema.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {
constexpr double kDaysPerYear = 365.25;
constexpr double kDaysPerMonth = kDaysPerYear / 12.0;
}  // namespace

model::IncomeSupportParameters build_income_support(const SectionValues& s) {
  model::IncomeSupportParameters p;
  // In IncomeSupport's order: afdr, ei, none.
  p.dollars_per_day = {s.number("afdr_per_year") / kDaysPerYear,
                       s.number("ei_per_year") / kDaysPerYear,
                       s.number("none_per_year") / kDaysPerYear};
  p.savings_days = s.number("savings_months") * kDaysPerMonth;
  return p;
}

}  // namespace parcours::policy
