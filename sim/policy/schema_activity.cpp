// The schema rows of one activity a plan can hold (rules P2, S1-S5, M8, M9): each parameter
// declared once (policy/parameter_schema.hpp).

#include "policy/parameter_binding.hpp"
#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
using M = model::ModelParameters;
using A = model::ActivityParameters;
}  // namespace

SectionSpec activity_section() {
  return {
      "activity",
      true,
      "One activity a plan can hold (rule P2); call once per activity.",
      {
          {"name", T::kString, 0, 0, true, "", "", "P2", "name used by plans",
           lands_in_item<kSame, &M::activities, &A::name>},
          {"duration_weeks", T::kDistribution, 0, 1e3, true, "", "weeks", "P2",
           "time from start to end",
           lands_in_item<kWeeksToDays, &M::activities, &A::duration_days>},
          {"dropout_after", T::kNumber, 0, 1, false, "0", "probability", "D6",
           "chance of abandoning at the end of this activity",
           lands_in_item<kSame, &M::activities, &A::dropout_after>},
          {"concurrent", T::kBoolean, 0, 0, false, "false", "", "P2",
           "runs alongside the activity before it in the plan",
           lands_in_item<kSame, &M::activities, &A::concurrent>},
          {"domain", T::kString, 0, 0, false, "", "", "E3",
           "competency domain it works on: professional_choice, skills, job_search, retention"},
          {"allowance_per_week", T::kNumber, 0, 1e5, false, "0", "dollars/week", "P6",
           "participation allowance, for the statuses in parcours.allowance_statuses",
           lands_in_item<kSame, &M::activities, &A::allowance_per_week>},
          {"extra_costs_per_week", T::kNumber, 0, 1e5, false, "0", "dollars/week", "S5",
           "extra costs refunded while participating (childcare, transport)",
           lands_in_item<kSame, &M::activities, &A::extra_costs_per_week>},
          {"success_probability", T::kNumber, 0, 1, false, "1", "probability", "P5",
           "chance the follow-up finds the activity successful; else the plan is revised (P3)",
           lands_in_item<kSame, &M::activities, &A::success_probability>},
          {"referral_weeks", T::kDistribution, 0, 1e3, false, "", "weeks", "P8",
           "delivered by an OSE: time from the referral to the start; absent = internal",
           lands_in_item<kWeeksToDays, &M::activities, &A::referral_days>},
          {"service_group", T::kString, 0, 0, false, "", "", "S1",
           "catalogue group: unit, job_search_club, groupe_d, ph1, youth, internship, "
           "demarcheurs, ppe, icte, mfor_ee ... (a label for tables)",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::group>},
          {"measure", T::kString, 0, 0, false, "'internal'", "", "S5",
           "funding measure: internal, SAE (extra costs only, under 180 h), PPE (allowance, "
           "over 180 h at 20+ h/week), MFOR-EE, ICTE"},
          {"delivery", T::kString, 0, 0, false, "'individual'", "", "S5",
           "individual or group (a counsellor's direct hours shared by group_size)"},
          {"group_size", T::kInteger, 1, 1000, false, "1", "participants", "S5",
           "participants sharing a counsellor's direct hours, for group delivery",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::group_size>},
          {"hours_direct", T::kDistribution, 0, 1e4, false, "", "hours", "S5",
           "hours the participant receives over the participation; absent = not counted",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::hours_direct>},
          {"hours_indirect", T::kDistribution, 0, 1e4, false, "0", "hours", "S5",
           "hours of indirect work about the participant",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::hours_indirect>},
          {"levels", T::kEffects, 0, 1e4, false, "", "hours", "M8",
           "intensity levels by their most hours (direct + indirect), e.g. { D1 = 30, D2 = 45 }"},
          {"min_age", T::kInteger, 0, 255, false, "0", "years", "S2", "eligibility: youngest age",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::eligibility,
                         &model::Eligibility::min_age>},
          {"max_age", T::kInteger, 0, 255, false, "255", "years", "S2", "eligibility: oldest age",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::eligibility,
                         &model::Eligibility::max_age>},
          {"disability_only", T::kBoolean, 0, 0, false, "false", "", "S2",
           "eligibility: only people with a disability (PH1)",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::eligibility,
                         &model::Eligibility::disability_only>},
          {"objectif_emploi_only", T::kBoolean, 0, 0, false, "false", "", "S4",
           "eligibility: only Objectif emploi participants",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::eligibility,
                         &model::Eligibility::objectif_emploi_only>},
          {"statuses", T::kStringList, 0, 0, false, "", "statuses", "S4",
           "eligibility: income support statuses admitted (afdr, ei, none); absent = all"},
          {"followup_weeks", T::kNumber, 0, 520, false, "0", "weeks", "S2",
           "follow-up from the start until a job, at most this long (job-search club)",
           lands_in_item<kWeeksToDays, &M::activities, &A::service,
                         &model::ServiceTerms::followup_days>},
          {"followup_hours", T::kDistribution, 0, 1e3, false, "0", "hours", "S2",
           "hours of that follow-up after the service's end, over the whole window; a "
           "follow-up ended early by a job gives its share",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::followup_hours>},
          {"disability_overhead", T::kDistribution, 0, 1e6, false, "0", "dollars", "S7",
           "overheads for a participant with a disability, under actual costs",
           lands_in_item<kSame, &M::activities, &A::service,
                         &model::ServiceTerms::disability_overhead>},
          {"retention_included", T::kBoolean, 0, 0, false, "false", "", "M9",
           "retention support is part of the participation (ICTE, PPE insertion, MFOR-EE)",
           lands_in_item<kSame, &M::activities, &A::retention_included>},
          {"extension_probability", T::kNumber, 0, 0.99, false, "0", "probability", "S2",
           "at the planned end the participation is extended, again and again (youth "
           "services: extendable without limit)",
           lands_in_item<kSame, &M::activities, &A::extension_probability>},
          {"extension_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "S2",
           "length of each extension",
           lands_in_item<kWeeksToDays, &M::activities, &A::extension_days>},
          {"integration_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "M9",
           "the last part of the participation is a job (ICTE's integration phase): the job "
           "starts this long before the planned end, inside the participation",
           lands_in_item<kWeeksToDays, &M::activities, &A::integration_days>},
          {"wage_contribution_share", T::kNumber, 0, 1, false, "0", "probability", "M9",
           "integration jobs with a wage contribution paid through the agreement",
           lands_in_item<kSame, &M::activities, &A::wage_contribution_share>},
          {"wage_contribution_per_week", T::kNumber, 0, 1e5, false, "0", "dollars/week", "M9",
           "the wage contribution, for the weeks the integration job lasts",
           lands_in_item<kSame, &M::activities, &A::wage_contribution_per_week>},
          {"in_job_support_weeks", T::kNumber, 0, 520, false, "0", "weeks", "S4",
           "after a job that follows the participation, the same service accompanies the "
           "participant in the job this long (Démarcheurs d'emploi); 0 = not part of it",
           lands_in_item<kWeeksToDays, &M::activities, &A::in_job_support_days>},
          {"in_job_support_hours", T::kDistribution, 0, 1e3, false, "0", "hours", "S4",
           "hours (direct + indirect) of that accompaniment, on the same agreement",
           lands_in_item<kSame, &M::activities, &A::in_job_support_hours>},
          {"new_applicant_months", T::kNumber, 0, 1200, false, "", "months", "S4",
           "eligibility: new applicants (at most this many months on assistance), Objectif "
           "emploi participants and re-entrants (a client back at the office); absent = "
           "everyone the other keys admit",
           lands_in_item<kSame, &M::activities, &A::service, &model::ServiceTerms::eligibility,
                         &model::Eligibility::new_applicant_months>},
          {"job_during", T::kHazard, 0, 0, false, "", "hazard, weeks", "P7",
           "job finding during the activity, from its start: a job ends it and the Parcours "
           "early; absent = none",
           lands_in_item<kSame, &M::activities, &A::job_during>},
          {"job_effects", T::kEffects, -20, 20, false, "", "log hazard ratio", "E4",
           "how characteristics scale job_during; absent = job_search.effects"},
          {"early_success", T::kHazard, 0, 0, false, "", "hazard, weeks", "P5",
           "objectives reached before the planned end, from the start: the activity ends "
           "then as completed; absent = never early",
           lands_in_item<kSame, &M::activities, &A::early_success>},
      }};
}

}  // namespace parcours::policy
