#pragma once
// What a service of the catalogue is (rules S1-S5): the measure it belongs to, how it is
// delivered, how many hours it gives, who may take it, and the intensity levels its hours fall
// in. The catalogue itself is data in the scenario; these are its shapes and the arithmetic on
// them that does not depend on the simulation.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/distribution.hpp"
#include "model/profile.hpp"

namespace parcours::model {

/// The measure a service is funded under (rule S5): it sets the income support type and the
/// hour limits. Internal services are the employment office's own.
enum class Measure : std::uint8_t { kInternal, kSae, kPpe, kMforEe, kIcte };
inline constexpr std::array<std::string_view, 5> kMeasureNames{"internal", "SAE", "PPE", "MFOR-EE",
                                                               "ICTE"};
std::string_view to_string(Measure m);

/// Individual sessions, or a group whose direct hours the counsellor gives to several
/// participants at once (rule S5: SAE mostly individual, PPE a group approach).
enum class Delivery : std::uint8_t { kIndividual, kGroup };

/// An intensity level of a service (Groupe D's D1-D4, rule M8): participants whose planned
/// hours (direct + indirect) are at most `max_hours`, above the previous level's.
struct IntensityLevel {
  std::string name;
  double max_hours = 0.0;
};

/// Who may take a service (rule S2: youth 18-29, PH1 for people with disabilities; rule S4:
/// Démarcheurs for last-resort assistance and Objectif emploi).
struct Eligibility {
  int min_age = 0;
  int max_age = 255;
  bool disability_only = false;
  std::array<bool, 3> statuses{true, true, true};  // by IncomeSupport
  bool objectif_emploi_only = false;
  /// Rule S4 (Démarcheurs d'emploi): new applicants (at most this many months on assistance),
  /// Objectif emploi participants and re-entrants; -1: no such condition.
  int new_applicant_months = -1;

  /// `returning`: the client came back to the office (a re-entrant, rule S4).
  [[nodiscard]] bool admits(const Profile& p, bool returning = false) const;
  /// Admits everyone: no need to read the profile (a cache miss on every activity).
  [[nodiscard]] bool everyone() const {
    return min_age == 0 && max_age >= 255 && !disability_only && !objectif_emploi_only &&
           new_applicant_months < 0 && statuses[0] && statuses[1] && statuses[2];
  }
};

/// The service terms of an activity of the plan (rules S1-S5).
struct ServiceTerms {
  std::string group;  // the catalogue's group: "unit", "global", "internship", "demarcheurs"...
  Measure measure = Measure::kInternal;
  Delivery delivery = Delivery::kIndividual;
  int group_size = 1;  // participants sharing a counsellor's direct hours (group delivery)
  bool has_hours = false;
  core::Distribution hours_direct;     // hours the participant receives, per participation
  core::Distribution hours_indirect;   // hours of work about the participant, per participation
  std::vector<IntensityLevel> levels;  // empty: one level, "all"
  Eligibility eligibility;
  /// Rule S2's job-search club: after the intensive weeks, follow-up until a job or at most
  /// this long after the start (days); a job in that window is the service's result. 0: none.
  double followup_days = 0.0;
  /// Rule S2: hours of that personalised follow-up (direct), for the whole window; a
  /// follow-up cut short by a job, an abandonment or another service gives its share.
  core::Distribution followup_hours;
  /// Rule S7: overheads reimbursed under actual costs for a participant with a disability,
  /// dollars, capped by the agreement's maximum.
  core::Distribution disability_overhead;

  /// Index of the level a participation with `hours` (direct + indirect) falls in; the last
  /// level also takes hours above its maximum. 0 when the service has no levels.
  [[nodiscard]] std::size_t level_of(double hours) const;
  [[nodiscard]] std::size_t level_count() const { return levels.empty() ? 1 : levels.size(); }
  [[nodiscard]] std::string_view level_name(std::size_t level) const;
  /// Hours of counsellor time a participation costs: direct hours shared by the group, plus
  /// the indirect hours, which are the participant's own.
  [[nodiscard]] double staff_hours(double direct, double indirect) const;
};

}  // namespace parcours::model
