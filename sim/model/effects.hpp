#pragma once
// Proportional-hazard effects: how a client's characteristics scale a hazard (dropout, job
// finding). Rules D5 and D6: abandonment depends on need, distance and risk; job finding on
// distance, the market and completed activities. A scenario gives log hazard ratios by name;
// the multiplier is exp(sum of beta x), computed once per draw, never per simulated day.

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "model/client.hpp"
#include "model/profile.hpp"

namespace parcours::model {

enum class Covariate : std::uint8_t {
  kLimitingCharacteristics,  // D1: how many of the eight (0-8)
  kNeeds,                    // E3: competency domains in need (0-4)
  kAge,                      // years
  kFemale,                   // D3, 0/1
  kDisability,               // D3, 0/1
  kImmigrant,                // D3, 0/1
  kJudicialRecord,           // D3, 0/1
  kSingleParent,             // D1, 0/1
  kObjectifEmploi,           // 0/1
  kNoProfessionalObjective,  // E4: the profession gap, 0/1
  kNotMeetingRequirements,   // E4: the market gap, 0/1
  kActivitiesCompleted,      // P2: activities done so far (0 when dropout is drawn, at the start)
  kMarket,                   // E4: the labour-market index of the client's region
  kAccompaniment,            // P4, D6: accompaniment contacts per month made (dropout only)
  kCount_
};

std::string_view name_of(Covariate c);
std::optional<Covariate> covariate_named(std::string_view name);
std::vector<std::string_view> covariate_names();

/// Log hazard ratios: a hazard is multiplied by exp(sum of beta * value).
struct Effects {
  std::vector<std::pair<Covariate, double>> terms;
  [[nodiscard]] bool empty() const { return terms.empty(); }
  std::vector<double> market;  // copied from the population's regions, for kMarket
  [[nodiscard]] double multiplier(const Client& client, const Profile& profile) const;
};

/// A covariate's value for a client; `context` gives the scenario-wide values some covariates
/// read (the regions' market index). The accompaniment covariate reads 0 here: the contacts
/// made are applied by the Parcours's dropout clock (rule D6, dropout_clock.hpp).
double covariate_value(Covariate c, const Client& client, const Profile& profile,
                       const Effects& context);

}  // namespace parcours::model
