#pragma once
// What an event is to the kernel: a time, an ordering key and a target to notify.
// The kernel knows nothing of what the target means; models give `kind` and `subject`
// their own meaning (e.g. kind = "interview ends", subject = client slot).

#include <cstdint>
#include <limits>

namespace parcours::core {

/// Simulation time. The unit is the model's choice; parcours models use days.
using Time = double;
inline constexpr Time kForever = std::numeric_limits<Time>::infinity();

/// Receives the events it scheduled. One handler typically serves many kinds of events.
class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual void handle(std::uint32_t kind, std::uint64_t subject) = 0;
};

/// Told the subject of the next event while the current one is handled, so that it can start
/// fetching what that event will read first (at a million clients, a client's record is a
/// cache miss per event: issue 14). One per queue, optional; a hint only, it changes nothing.
class SubjectPrefetcher {
 public:
  virtual void prefetch(std::uint64_t subject) const = 0;

 protected:
  ~SubjectPrefetcher() = default;
};

/// Who is told, about what, concerning whom. A queue holds up to 65 536 distinct handlers,
/// kinds below 65 536 and subjects below 2^48 (a pending event is 32 bytes, scheduled_event.hpp;
/// EventQueue::push throws otherwise). A model numbering its subjects (a slot in the low 32
/// bits, a counter above) keeps that counter within 16 bits.
struct EventTarget {
  EventHandler* handler = nullptr;
  std::uint32_t kind = 0;
  std::uint64_t subject = 0;
};

/// A stamped event's mark (EventQueue::post), from 1 to kMaxStamp: the caller's own way to
/// tell its stale events, given back to it when the event fires.
using Stamp = std::uint32_t;
inline constexpr Stamp kNoStamp = 0;
inline constexpr Stamp kMaxStamp = (Stamp{1} << 31U) - 1;

/// Names a scheduled event so that it can be cancelled. A handle outlives its event safely:
/// cancelling an event that already ran (or was cancelled) does nothing and returns false.
struct EventHandle {
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t slot = kNone;
  std::uint32_t generation = 0;
  [[nodiscard]] bool is_set() const { return slot != kNone; }
};

}  // namespace parcours::core
