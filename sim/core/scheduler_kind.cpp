#include "core/scheduler_kind.hpp"

namespace parcours::core {

std::string_view to_string(SchedulerKind kind) {
  switch (kind) {
    case SchedulerKind::kHeap:
      return "heap";
    case SchedulerKind::kLadder:
      return "ladder";
    case SchedulerKind::kAuto:
      break;
  }
  return "auto";
}

std::optional<SchedulerKind> parse_scheduler_kind(std::string_view text) {
  for (const SchedulerKind k :
       {SchedulerKind::kAuto, SchedulerKind::kHeap, SchedulerKind::kLadder}) {
    if (text == to_string(k)) return k;
  }
  return std::nullopt;
}

}  // namespace parcours::core
