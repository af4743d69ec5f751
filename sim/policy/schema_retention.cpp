// The schema rows of job retention (rules M1-M13): each parameter declared once
// (policy/parameter_schema.hpp).

#include "policy/parameter_binding.hpp"
#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
using M = model::ModelParameters;
using R = model::RetentionParameters;
using Shape = model::RetentionShape;
}  // namespace

SectionSpec retention_section() {
  return {"retention",
          false,
          "Job retention support after a job, and how long jobs last (rules M1-M13).",
          {
              {"share", T::kNumber, 0, 1, false, "0", "probability", "M1",
               "participants of an SAE, PPE, ICTE or MFOR-EE service who need retention support at "
               "a job, decided once per participation, when policy.retention is not set",
               lands_in<kSame, &M::retention, &R::share>},
              {"other_partner_share", T::kNumber, 0, 1, false, "0", "probability", "M6",
               "of those, recommended to another partner (Groupe ME, PH2)",
               lands_in<kSame, &M::retention, &R::other_partner_share>},
              {"hours", T::kDistribution, 0, 1e3, false, "0", "hours", "M2",
               "hours of an in-service plan, direct and indirect",
               lands_in<kSame, &M::retention, &R::hours>},
              {"weeks", T::kDistribution, 0, 520, false, "0", "weeks", "M2", "length of the plan",
               lands_in<kWeeksToDays, &M::retention, &R::days>},
              {"integration_weeks", T::kDistribution, 0, 52, false, "0", "weeks", "M3",
               "the integration phase at the start of the plan, the most intense",
               lands_in<kWeeksToDays, &M::retention, &R::integration_days>},
              {"integration_intensity", T::kNumber, 0, 100, false, "1", "ratio", "M3",
               "weekly hours of an integration week, relative to the first consolidation week",
               lands_in<kSame, &M::retention, &R::shape, &Shape::integration_intensity>},
              {"final_intensity", T::kNumber, 0, 100, false, "1", "ratio", "M3",
               "weekly hours of the last consolidation week, relative to the first",
               lands_in<kSame, &M::retention, &R::shape, &Shape::final_intensity>},
              {"return_probability", T::kNumber, 0, 1, false, "0", "probability", "M3",
               "chance a consolidation week returns to a higher intensity",
               lands_in<kSame, &M::retention, &R::shape, &Shape::return_probability>},
              {"return_intensity", T::kNumber, 0, 100, false, "1", "ratio", "M3",
               "factor on such a week's hours",
               lands_in<kSame, &M::retention, &R::shape, &Shape::return_intensity>},
              {"tripartite_consent", T::kNumber, 0, 1, false, "0", "probability", "M4",
               "plans that turn tripartite (with the employer) at the end of integration",
               lands_in<kSame, &M::retention, &R::tripartite_consent>},
              {"job_loss", T::kHazard, 0, 0, false, "", "hazard, weeks", "M5",
               "losing the job, from its start; absent = jobs are not lost",
               lands_in<kSame, &M::retention, &R::job_loss>},
              {"retention_effect", T::kNumber, 0, 100, false, "1", "hazard ratio", "M5",
               "factor on the job-loss hazard during retention support",
               lands_in<kSame, &M::retention, &R::retention_effect>},
              {"tripartite_effect", T::kNumber, 0, 100, false, "1", "hazard ratio", "M4",
               "further factor in tripartite mode",
               lands_in<kSame, &M::retention, &R::tripartite_effect>},
              {"client_stop_per_week", T::kNumber, 0, 7, false, "0", "per week", "M5",
               "rate at which clients end their plan",
               lands_in<kPerWeekToPerDay, &M::retention, &R::client_stop_per_day>},
              {"full_time_share", T::kNumber, 0, 1, false, "1", "probability", "M13",
               "jobs that are full-time", lands_in<kSame, &M::retention, &R::full_time_share>},
              {"followup_months", T::kNumber, 0, 120, false, "0", "months", "M7",
               "employed participants are followed this long from the job start (job losses)",
               lands_in<kMonthsToDays, &M::retention, &R::followup_days>},
              {"late_start_probability", T::kNumber, 0, 1, false, "0", "probability", "M3",
               "a problem found at the administrative follow-up starts retention then",
               lands_in<kSame, &M::retention, &R::late_start_probability>},
              {"late_start_weeks", T::kNumber, 0, 520, false, "0", "weeks", "M3",
               "when that follow-up comes, after the participation's end (a job that starts "
               "later is not seen by it)",
               lands_in<kWeeksToDays, &M::retention, &R::late_start_days>},
              {"employer_request_probability", T::kNumber, 0, 1, false, "0", "probability", "M3",
               "the employer asks for support for the employee (a job without retention)",
               lands_in<kSame, &M::retention, &R::employer_request_probability>},
              {"employer_request_weeks", T::kDistribution, 0, 520, false, "0", "weeks", "M3",
               "when the employer asks, from the job start",
               lands_in<kWeeksToDays, &M::retention, &R::employer_request_days>},
              {"readmission_days", T::kNumber, 0, 3650, false, "0", "calendar days", "M7",
               "most days since a participation's end for a readmission (and in-service retention)",
               lands_in<kSame, &M::retention, &R::readmission_days>},
              {"repeat_approval_probability", T::kNumber, 0, 1, false, "0", "probability", "M12",
               "an activity already completed is approved again, exceptionally",
               lands_in<kSame, &M::retention, &R::repeat_approval_probability>},
              {"payment_lag_weeks", T::kNumber, 0, 52, false, "0", "weeks", "M10",
               "income support is issued this long after the weeks it pays",
               lands_in<kWeeksToDays, &M::retention, &R::payment_lag_days>},
              {"me_service", T::kString, 0, 0, false, "", "activity name", "M6",
               "the retention service of other partners (Groupe ME)"},
              {"ph2_service", T::kString, 0, 0, false, "", "activity name", "M7",
               "the retention service for people with a disability (Groupe PH2)"},
              {"demarcheurs_maintien_service", T::kString, 0, 0, false, "", "activity name", "S4",
               "the in-job service for last-resort assistance recipients after another "
               "preparation service (Démarcheurs maintien); absent = Groupe ME"},
              {"referral_weeks", T::kDistribution, 0, 52, false, "0", "weeks", "M6",
               "an agent's referral to the other partner",
               lands_in<kWeeksToDays, &M::retention, &R::referral_days>},
              {"ph2_cit_share", T::kNumber, 0, 1, false, "0", "probability", "M13",
               "PH2 participants employed under a work integration contract (CIT)",
               lands_in<kSame, &M::retention, &R::ph2_cit_share>},
              {"ph2_psea_share", T::kNumber, 0, 1, false, "0", "probability", "M13",
               "PH2 participants in an adapted enterprise (PSEA)",
               lands_in<kSame, &M::retention, &R::ph2_psea_share>},
              {"contacts", T::kInteger, 0, 255, false, "0", "contacts", "M3",
               "meetings of an in-service plan, as events; the plan lasts contacts x interval",
               lands_in<kSame, &M::retention, &R::contacts>},
              {"contact_interval_weeks", T::kNumber, 0, 52, false, "0", "weeks", "M3",
               "time between those meetings",
               lands_in<kWeeksToDays, &M::retention, &R::contact_interval_days>},
              {"after_any_job", T::kBoolean, 0, 0, false, "false", "", "M1",
               "decide retention at every job start, not only for participants (a Parcours)",
               lands_in<kSame, &M::retention, &R::after_any_job>},
          }};
}

}  // namespace parcours::policy
