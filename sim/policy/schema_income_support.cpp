// The schema rows of income support and its savings (rule P7): each parameter declared once
// (policy/parameter_schema.hpp). Unbound: the yearly amounts go by status into one array of
// dollars a day, which policy/income_support_builder.cpp fills.

#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
}  // namespace

SectionSpec income_support_section() {
  return {"income_support",
          false,
          "Income support paid while clients are in the system and out of work, and what a job "
          "saves of it (rule P7).",
          {
              {"afdr_per_year", T::kNumber, 0, 1e6, false, "0", "dollars/year", "P7",
               "last-resort assistance paid to one recipient, per year"},
              {"ei_per_year", T::kNumber, 0, 1e6, false, "0", "dollars/year", "P7",
               "employment insurance paid to one claimant, per year"},
              {"none_per_year", T::kNumber, 0, 1e6, false, "0", "dollars/year", "P7",
               "support paid to a client with neither, per year"},
              {"savings_months", T::kNumber, 0, 600, false, "12", "months", "P7",
               "a job saves the support no longer paid over this many months from its start"},
          }};
}

}  // namespace parcours::policy
