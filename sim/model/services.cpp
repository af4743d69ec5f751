#include "model/services.hpp"

#include <cassert>

namespace parcours::model {

std::string_view to_string(Measure m) { return kMeasureNames[static_cast<std::size_t>(m)]; }

bool Eligibility::admits(const Profile& p, bool returning) const {
  if (p.age < min_age || p.age > max_age) return false;
  if (disability_only && !p.disability) return false;
  if (objectif_emploi_only && !p.objectif_emploi) return false;
  if (new_applicant_months >= 0 && !p.objectif_emploi && !returning &&
      p.months_on_assistance > new_applicant_months) {
    return false;
  }
  return statuses[static_cast<std::size_t>(p.income_support)];
}

std::size_t ServiceTerms::level_of(double hours) const {
  for (std::size_t i = 0; i + 1 < levels.size(); ++i) {
    if (hours <= levels[i].max_hours) return i;
  }
  return levels.empty() ? 0 : levels.size() - 1;
}

std::string_view ServiceTerms::level_name(std::size_t level) const {
  if (levels.empty()) return "all";
  assert(level < levels.size());
  return levels[level].name;
}

double ServiceTerms::staff_hours(double direct, double indirect) const {
  const double shared = delivery == Delivery::kGroup ? direct / group_size : direct;
  return shared + indirect;
}

}  // namespace parcours::model
