#pragma once
// Which pending-event set a run uses. Both give the same total order (time, priority,
// sequence), so a run's outputs do not depend on the choice, only its speed does.

#include <cstddef>
#include <optional>
#include <string_view>

namespace parcours::core {

enum class SchedulerKind {
  kAuto,    // the heap while few events are pending, the ladder once many are
  kHeap,    // binary heap: O(log n), fastest while the heap fits in the cache
  kLadder,  // ladder queue: O(1) amortised, for large pending sets
};

/// Pending events above which kAuto moves to the ladder queue for the rest of the run (the
/// two cross near 4 000 on the hold benchmark; docs/performance.md).
inline constexpr std::size_t kAutoLadderAbove = 8192;

[[nodiscard]] std::string_view to_string(SchedulerKind kind);
/// "auto", "heap" or "ladder"; nullopt for anything else.
[[nodiscard]] std::optional<SchedulerKind> parse_scheduler_kind(std::string_view text);

}  // namespace parcours::core
