// The schema rows of organisations, agreements (rules S6-S8, M11) and the initial caseload: each
// parameter declared once (policy/parameter_schema.hpp).

#include "policy/parameter_binding.hpp"
#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
using M = model::ModelParameters;
}  // namespace

SectionSpec organisation_section() {
  return {"organisation",
          true,
          "A specialised employability organisation (OSE) and the services it offers (rules S6, "
          "M11); call once per organisation.",
          {
              {"name", T::kString, 0, 0, true, "", "", "S6", "name used by agreements"},
              {"region", T::kString, 0, 0, false, "", "", "S6",
               "region it serves (a name of population.regions); absent = every region"},
              {"non_profit", T::kBoolean, 0, 0, false, "false", "", "S6",
               "a non-profit may hold agreements of up to three years"},
              {"slots", T::kEffects, 0, 1e6, true, "", "participants", "M11",
               "services offered and their places, { groupe_d = 40, ... } (activity names)"},
              {"waitlist", T::kEffects, 0, 1e6, false, "", "clients", "S6",
               "most clients waiting for a place, by service; absent = no limit"},
              {"waiting_dropout_per_week", T::kNumber, 0, 7, false, "0", "per week", "D6",
               "rate at which clients on a waitlist give up (abandoning the Parcours)"},
              {"retention", T::kBoolean, 0, 0, false, "false", "", "M11",
               "offers retention support within its services"},
          }};
}

SectionSpec agreements_section() {
  return {"agreements",
          false,
          "Agreements funding the organisations' services (rules S6-S8).",
          {
              {"rows", T::kRows, 0, 0, false, "", "", "S6",
               "one row per agreement: agreement, organisation, service, start, end, funding_mode, "
               "hourly_cost, overhead_share, ceiling (csv \"file\")"},
              {"levels", T::kRows, 0, 0, false, "", "", "S7",
               "targets and prices: agreement, level, target_participants, price (csv \"file\")"},
              {"disability_overhead_limit", T::kNumber, 0, 1e6, false, "0", "dollars", "S7",
               "most overhead an agreement may reimburse per participant with a disability"},
              {"wait_threshold_days", T::kNumber, 0, 3650, false, "0", "days", "S6",
               "waits for a place longer than this are counted (waited_over_threshold); 0 = off"},
          }};
}

SectionSpec caseload_section() {
  return {"caseload",
          false,
          "Clients already in the system on the model's first day (issue 12).",
          {
              {"rows", T::kRows, 0, 0, false, "", "", "P1",
               "one row per client: id, state (waiting_interview, parcours, participation), "
               "activity, agreement, week, and profile columns (csv \"file\")"},
          }};
}

}  // namespace parcours::policy
