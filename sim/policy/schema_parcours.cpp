// The schema rows of the Parcours (rules P1-P7, D5, D6), job search and accompaniment (rules P4,
// D5): each parameter declared once (policy/parameter_schema.hpp).

#include "policy/parameter_binding.hpp"
#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
using M = model::ModelParameters;
}  // namespace

SectionSpec parcours_section() {
  return {"parcours",
          false,
          "The Parcours: default plan and time-based dropout (rules P1, P2, P7).",
          {
              {"plan", T::kStringList, 0, 0, true, "", "activity names", "P2",
               "activities in order, when policy.plan is not set"},
              {"dropout", T::kHazard, 0, 0, false, "", "hazard, weeks", "D6",
               "abandonment at any time, from the Parcours start; absent = none",
               lands_in<kSame, &M::parcours, &model::ParcoursParameters::dropout>},
              {"dropout_effects", T::kEffects, -20, 20, false, "", "log hazard ratio", "D5",
               "how characteristics scale the dropout hazard, by covariate"},
              {"allowance_statuses", T::kStringList, 0, 0, false, "{}", "statuses", "P6",
               "income support statuses (afdr, ei, none) that receive activities' allowances"},
              {"max_revisions", T::kInteger, 0, 20, false, "0", "revisions", "P3",
               "plan revisions a Parcours may have after failed checks (P5)",
               lands_in<kSame, &M::parcours, &model::ParcoursParameters::max_revisions>},
              {"school_share", T::kNumber, 0, 1, false, "0", "probability", "P7",
               "at the end of the plan, share returning to school",
               lands_in<kSame, &M::parcours, &model::ParcoursParameters::school_share>},
              {"other_measure_share", T::kNumber, 0, 1, false, "0", "probability", "P7",
               "at the end of the plan, share going on to another measure",
               lands_in<kSame, &M::parcours, &model::ParcoursParameters::other_measure_share>},
              {"closure_weeks", T::kDistribution, 0, 1e4, false, "", "weeks", "P7",
               "time from the start after which an open Parcours is closed; absent = never",
               lands_in<kWeeksToDays, &M::parcours, &model::ParcoursParameters::closure_days>},
              {"followup_months", T::kNumber, 0, 60, true, "", "months", "M13",
               "window after a Parcours ends in which a job counts as its result",
               lands_in<kMonthsToDays, &M::parcours, &model::ParcoursParameters::followup_days>},
              {"major_event", T::kHazard, 0, 0, false, "", "hazard, weeks", "E7",
               "a major event during an activity, from its start: the activity stops and the "
               "client goes to a specialised evaluation inside the Parcours; absent = none",
               lands_in<kSame, &M::parcours, &model::ParcoursParameters::major_event,
                        &model::MajorEventParameters::hazard>},
              {"after_major_event", T::kShares, 0, 1, false, "", "probability", "E7",
               "on its recommendation, shares that continue the plan, revise it or stop the "
               "Parcours (referred out, as conclusion D), when policy.after_major_event is not "
               "set; absent = all continue"},
          }};
}

SectionSpec job_search_section() {
  return {"job_search",
          false,
          "Time to find a job.",
          {
              {"after_parcours", T::kHazard, 0, 0, true, "", "hazard, weeks", "P7",
               "job finding after a completed plan",
               lands_in<kSame, &M::job_search, &model::JobSearchParameters::after_parcours>},
              {"autonomous", T::kHazard, 0, 0, true, "", "hazard, weeks", "E5",
               "job finding after conclusion A",
               lands_in<kSame, &M::job_search, &model::JobSearchParameters::autonomous>},
              {"after_exit", T::kHazard, 0, 0, false, "", "hazard, weeks", "P7",
               "job finding on one's own after abandonment or closure; absent = leaves the model",
               lands_in<kSame, &M::job_search, &model::JobSearchParameters::after_exit>},
              {"effects", T::kEffects, -20, 20, false, "", "log hazard ratio", "E4",
               "how distance, characteristics and completed activities scale job finding"},
          }};
}

SectionSpec accompaniment_section() {
  return {
      "accompaniment",
      false,
      "Accompaniment contacts during the Parcours, at a frequency set by need (rules P4, D5).",
      {
          {"interval_weeks", T::kEffects, 0.01, 520, false, "", "weeks", "P4",
           "weeks between contacts by distance class, { near = ..., far = ... } (D2: near = up "
           "to two limiting characteristics); absent = no accompaniment"},
          {"contact_hours", T::kDistribution, 0, 100, false, "0", "hours", "P4",
           "agent time of one contact made by the agent",
           lands_in<kHoursToDays, &M::accompaniment,
                    &model::AccompanimentParameters::contact_days>},
          {"agent_share", T::kNumber, 0, 1, false, "1", "probability", "P4",
           "share of contacts made by the agent (AAE); the rest by an OSE",
           lands_in<kSame, &M::accompaniment, &model::AccompanimentParameters::agent_share>},
          {"report_hours", T::kDistribution, 0, 100, false, "0", "hours", "P4",
           "agent time to take in an OSE's report of one of its contacts",
           lands_in<kHoursToDays, &M::accompaniment, &model::AccompanimentParameters::report_days>},
      }};
}

}  // namespace parcours::policy
