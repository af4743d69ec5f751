#include "model/distance.hpp"

namespace parcours::model {

int limiting_characteristics(const Profile& p, const LimitingThresholds& t) {
  // rule D1, in the order the seeds list the characteristics
  const bool limiting[] = {
      p.months_on_assistance >= t.months_on_assistance,
      p.months_out_of_work >= t.months_out_of_work,
      p.schooling == Schooling::kBelowSecondaryIV,
      p.age >= t.age,
      p.single_parent,
      p.health_constraints,
      p.children_under_5,
      p.leaving_institution,
  };
  int count = 0;
  for (const bool l : limiting) count += l ? 1 : 0;
  return count;
}

}  // namespace parcours::model
