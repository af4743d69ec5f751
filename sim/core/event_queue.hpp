#pragma once
// The pending-event set: a binary min-heap with lazy deletion (after ns-3's heap scheduler).
//
// Ordering invariant: events run by increasing time; at equal times by increasing priority
// (lower runs first); at equal time and priority in the order they were scheduled (FIFO).
// That total order makes every run deterministic.
//
// Cancellation is O(1): the event's slot is freed and its generation bumped; the stale heap
// entry is dropped when it reaches the top.

#include <bit>
#include <cstdint>
#include <vector>

#include "core/event.hpp"

namespace parcours::core {

class EventQueue {
 public:
  /// Priorities run from kMinPriority (first) to kMaxPriority (last) among simultaneous events.
  static constexpr int kMinPriority = -128;
  static constexpr int kMaxPriority = 127;

  struct Fired {
    Time time;
    EventTarget target;
  };

  EventHandle push(Time time, int priority, const EventTarget& target);
  /// Returns true if the event was pending and is now cancelled.
  bool cancel(EventHandle handle);
  [[nodiscard]] bool empty() const { return live_ == 0; }
  [[nodiscard]] std::size_t size() const { return live_; }
  /// Time of the next live event; requires !empty().
  Time next_time();
  /// Removes the next live event and returns it; requires !empty().
  Fired pop();
  /// Removes the next live event into `out` if there is one at or before `until`.
  bool pop_until(Time until, Fired& out);
  void reserve(std::size_t n);

 private:
  struct Entry {
    // The time's bits: for times >= 0 (and -0.0 made +0.0) they order as the times do, so
    // (time, order) compares as one 128-bit integer, without branches.
    std::uint64_t time_bits;
    std::uint64_t order;  // priority in the top 8 bits, sequence number below
    std::uint32_t slot;
    std::uint32_t generation;
    [[nodiscard]] Time time() const { return std::bit_cast<Time>(time_bits); }
  };
  struct Slot {
    EventTarget target;
    std::uint32_t generation = 0;
    std::uint32_t next_free = EventHandle::kNone;
  };

  static bool before(const Entry& a, const Entry& b) {
    __extension__ using Key = unsigned __int128;
    return ((Key{a.time_bits} << 64) | a.order) < ((Key{b.time_bits} << 64) | b.order);
  }
  [[nodiscard]] bool is_live(const Entry& e) const {
    return slots_[e.slot].generation == e.generation;
  }
  void drop_stale_top();
  Fired take_top();
  void remove_top();
  void free_slot(std::uint32_t slot);

  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::uint32_t free_head_ = EventHandle::kNone;
  std::uint64_t sequence_ = 0;
  std::size_t live_ = 0;
  std::size_t stale_ = 0;  // cancelled entries still in the heap: none, no liveness checks
};

}  // namespace parcours::core
