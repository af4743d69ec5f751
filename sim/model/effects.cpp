#include "model/effects.hpp"

#include <array>
#include <cmath>

namespace parcours::model {

namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(Covariate::kCount_)> kNames{
    "limiting_characteristics",
    "needs",
    "age",
    "female",
    "disability",
    "immigrant",
    "judicial_record",
    "single_parent",
    "objectif_emploi",
    "no_professional_objective",
    "not_meeting_requirements",
    "activities_completed",
    "market",
    "accompaniment"};
static_assert(!kNames.back().empty(), "every covariate needs a name");

}  // namespace

std::string_view name_of(Covariate c) { return kNames[static_cast<std::size_t>(c)]; }

std::optional<Covariate> covariate_named(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Covariate>(i);
  }
  return std::nullopt;
}

std::vector<std::string_view> covariate_names() { return {kNames.begin(), kNames.end()}; }

double covariate_value(Covariate c, const Client& client, const Profile& profile,
                       const Effects& context) {
  const std::vector<double>& market = context.market;
  switch (c) {
    case Covariate::kLimitingCharacteristics:
      return client.limiting_characteristics;
    case Covariate::kNeeds:
      return profile.need_count();
    case Covariate::kAge:
      return profile.age;
    case Covariate::kFemale:
      return profile.female ? 1 : 0;
    case Covariate::kDisability:
      return profile.disability ? 1 : 0;
    case Covariate::kImmigrant:
      return profile.immigrant ? 1 : 0;
    case Covariate::kJudicialRecord:
      return profile.judicial_record ? 1 : 0;
    case Covariate::kSingleParent:
      return profile.single_parent ? 1 : 0;
    case Covariate::kObjectifEmploi:
      return profile.objectif_emploi ? 1 : 0;
    case Covariate::kNoProfessionalObjective:
      return profile.professional_objective ? 0 : 1;
    case Covariate::kNotMeetingRequirements:
      return profile.meets_requirements ? 0 : 1;
    case Covariate::kActivitiesCompleted:
      return client.next_activity;
    case Covariate::kMarket:
      return profile.region < market.size() ? market[profile.region] : 0.0;
    case Covariate::kAccompaniment:
      // Rule D6: the contacts made, which only the Parcours's dropout clock knows
      // (dropout_clock.hpp): it applies this term itself, from 0 at the Parcours start.
      return 0.0;
    case Covariate::kCount_:
      break;
  }
  return 0;
}

double Effects::multiplier(const Client& client, const Profile& profile) const {
  if (terms.empty()) return 1.0;  // the common case: no exp() per draw
  double sum = 0;
  for (const auto& [covariate, beta] : terms)
    sum += beta * covariate_value(covariate, client, profile, *this);
  return std::exp(sum);
}

}  // namespace parcours::model
