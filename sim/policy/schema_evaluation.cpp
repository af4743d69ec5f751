// The schema rows of the evaluation interview (rules E2, E5-E7): each parameter declared once
// (policy/parameter_schema.hpp).

#include "policy/parameter_binding.hpp"
#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
using M = model::ModelParameters;
}  // namespace

SectionSpec evaluation_section() {
  return {
      "evaluation",
      false,
      "The evaluation interview (EEAE) by agents and its conclusion (rules E2, E5, E7).",
      {
          {"agents", T::kInteger, 1, 1e6, true, "", "agents", "E2",
           "agents doing evaluation interviews at once",
           lands_in<kSame, &M::evaluation, &model::EvaluationParameters::agents>},
          {"open_days", T::kStringList, 0, 0, false, "", "days", "E2",
           "days the office is open, e.g. {'mon','tue','wed','thu','fri'}; absent = every day, "
           "around the clock"},
          {"open_hours", T::kNumberList, 0, 24, false, "", "hours", "E2",
           "opening and closing hour on open days, e.g. {8.5, 16.5}"},
          {"interview_hours", T::kDistribution, 0, 1e4, true, "", "hours", "E2",
           "agent time of one meeting",
           lands_in<kHoursToDays, &M::evaluation, &model::EvaluationParameters::interview_days>},
          {"second_meeting_probability", T::kNumber, 0, 1, false, "0", "probability", "E2",
           "chance an evaluation needs a second meeting",
           lands_in<kSame, &M::evaluation,
                    &model::EvaluationParameters::second_meeting_probability>},
          {"refusal_probability", T::kNumber, 0, 1, false, "0", "probability", "E6",
           "chance a client refuses services or disagrees: no conclusion, leaves",
           lands_in<kSame, &M::evaluation, &model::EvaluationParameters::refusal_probability>},
          {"refusal_without_reason_share", T::kNumber, 0, 1, false, "0", "probability", "E6",
           "of refusals, share without valid reason: referred to a compliance agent",
           lands_in<kSame, &M::evaluation,
                    &model::EvaluationParameters::refusal_without_reason_share>},
          {"conclusion_shares", T::kShares, 0, 1, true, "", "probability", "E5",
           "shares of conclusions A, B, C, D when policy.conclusion is not set"},
          {"specialised_delay_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "E5",
           "conclusion C: referral to the specialised evaluation's recommendation",
           lands_in<kWeeksToDays, &M::evaluation,
                    &model::EvaluationParameters::specialised_delay_days>},
          {"specialised_evaluators", T::kInteger, 0, 1e6, false, "0", "evaluations", "E7",
           "conclusion C: specialised evaluations under way at once; 0 = no limit",
           lands_in<kSame, &M::evaluation, &model::EvaluationParameters::specialised_evaluators>},
          {"referred_return_probability", T::kNumber, 0, 1, false, "0", "probability", "E5",
           "conclusion D: chance the client comes back for a new evaluation",
           lands_in<kSame, &M::evaluation,
                    &model::EvaluationParameters::referred_return_probability>},
          {"referred_return_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "D4",
           "conclusion D: time until that return",
           lands_in<kWeeksToDays, &M::evaluation,
                    &model::EvaluationParameters::referred_return_days>},
      }};
}

}  // namespace parcours::policy
