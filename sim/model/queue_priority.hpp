#pragma once
// Rules D3, D5: groups accompanied first: in the agents' queue (accompaniment contacts and
// OSE reports; interviews stay first come, first served) and in the organisations' waitlists. A
// client's level is the place of the first group of the scenario's order they belong to (0 is
// served first); clients of no listed group come last. No order: every request at level 0, a plain
// FIFO queue.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/profile.hpp"

namespace parcours::model {

/// The groups the seeds name: D3's disadvantaged groups and D5's populations at risk of early
/// interruption (far from the labour market, rule D2's class of three or more characteristics).
enum class PriorityGroup : std::uint8_t {
  kFar,
  kDisability,
  kImmigrant,
  kJudicialRecord,
  kAged45Plus,
  kFemale,
  kYouth,
};
std::optional<PriorityGroup> priority_group_named(std::string_view name);
std::vector<std::string_view> priority_group_names();

struct PriorityParameters {
  std::vector<PriorityGroup> order;  // served first first; empty: no priority
  bool agents = false;               // in the agents' queue (accompaniment)
  bool organisations = false;        // in the organisations' waitlists
  double older_from_age = 0.0;       // years: "workers 45+" (D3)
  double youth_below_age = 0.0;      // years: youth in difficulty (D3), younger than this
};

/// The client's level: the index in `order` of the first group they belong to, or
/// order.size() when none.
unsigned priority_level(const PriorityParameters& p, const Profile& profile,
                        std::uint8_t limiting_characteristics);

}  // namespace parcours::model
