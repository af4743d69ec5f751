#include "model/queue_priority.hpp"

#include <array>

namespace parcours::model {

namespace {
constexpr std::array<std::string_view, 7> kNames{
    "far", "disability", "immigrant", "judicial_record", "aged_45_plus", "female", "youth"};
}  // namespace

std::optional<PriorityGroup> priority_group_named(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<PriorityGroup>(i);
  }
  return std::nullopt;
}

std::vector<std::string_view> priority_group_names() { return {kNames.begin(), kNames.end()}; }

unsigned priority_level(const PriorityParameters& p, const Profile& profile,
                        std::uint8_t limiting_characteristics) {
  for (std::size_t k = 0; k < p.order.size(); ++k) {
    bool member = false;
    switch (p.order[k]) {
      case PriorityGroup::kFar:
        member = limiting_characteristics >= 3;  // rule D2's class, as the tables' groups
        break;
      case PriorityGroup::kDisability:
        member = profile.disability;
        break;
      case PriorityGroup::kImmigrant:
        member = profile.immigrant;
        break;
      case PriorityGroup::kJudicialRecord:
        member = profile.judicial_record;
        break;
      case PriorityGroup::kAged45Plus:
        member = profile.age >= p.older_from_age;
        break;
      case PriorityGroup::kFemale:
        member = profile.female;
        break;
      case PriorityGroup::kYouth:
        member = profile.age < p.youth_below_age;
        break;
    }
    if (member) return static_cast<unsigned>(k);
  }
  return static_cast<unsigned>(p.order.size());
}

}  // namespace parcours::model
