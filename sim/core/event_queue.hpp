#pragma once
// The pending-event set: a scheduler that orders the events, behind ns-3's small interface
// (insert, empty, top, remove-top), and the cancellation slots.
//
// Ordering invariant: events run by increasing time; at equal times by increasing priority
// (lower runs first); at equal time and priority in the order they were scheduled (FIFO).
// That total order makes every run deterministic, and it is the same whichever scheduler
// holds the events (SchedulerKind): a binary heap, or a ladder queue for large pending sets.
//
// Cancellation is O(1) with lazy deletion: the event's slot is marked cancelled and the stale
// entry is dropped (and its slot freed) when it reaches the front. A slot is one 32-bit
// state: even while its event is pending, odd once cancelled; it moves on by 2 when the slot
// is freed, so a handle (slot, state) stops matching as soon as its event ran or was cancelled.
//
// A stamped event (post) takes no slot: it carries a stamp of the caller's instead, given back
// when it fires, and cannot be cancelled here. A model whose records each keep a pending event
// or two (a client's step and exit) cancels by moving its record's stamp on and drops the
// events whose stamp no longer matches: at 10 million clients, 2.3 million of them pending,
// the slots cost 8 bytes a pending event and their handles 16 a client (issue 14).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/binary_heap_scheduler.hpp"
#include "core/chunked_vector.hpp"
#include "core/event.hpp"
#include "core/ladder_scheduler.hpp"
#include "core/scheduled_event.hpp"
#include "core/scheduler_kind.hpp"

namespace parcours::core {

class EventQueue {
 public:
  /// Priorities run from kMinPriority (first) to kMaxPriority (last) among simultaneous events.
  static constexpr int kMinPriority = -128;
  static constexpr int kMaxPriority = 127;

  struct Fired {
    Time time;
    EventTarget target;
    Stamp stamp;  // the stamp of a stamped event, kNoStamp for one with a cancellation slot
  };

  /// kAuto starts on the heap and moves to the ladder once more than `ladder_above` events
  /// are pending, for the rest of the queue's life (no flip-flopping around the threshold).
  explicit EventQueue(SchedulerKind kind = SchedulerKind::kAuto,
                      std::size_t ladder_above = kAutoLadderAbove);

  /// Schedules an event. Throws std::out_of_range for a priority outside [kMinPriority,
  /// kMaxPriority], a kind above 65 535, a subject of 2^48 or more or a 65 537th handler, and
  /// std::overflow_error past 2^40 events in the queue's life or with 2^31 cancellation slots
  /// in use: the limits of a 32-byte entry (scheduled_event.hpp). A refused event is not
  /// scheduled and takes no sequence number.
  EventHandle push(Time time, int priority, const EventTarget& target);
  /// Schedules a stamped event: in the same order as push's (time, priority, sequence), with
  /// no cancellation slot; `stamp` (1 to kMaxStamp, else std::out_of_range) comes back in
  /// Fired. Refuses what push refuses.
  void post(Time time, int priority, const EventTarget& target, Stamp stamp);
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
  /// Makes room for n events in the heap (the slot tables grow by chunks, never copied).
  void reserve(std::size_t n);
  /// Skips n sequence numbers, as if n events had been scheduled and run: the order of the
  /// events is unchanged (later pushes still come after earlier ones at equal keys). For the
  /// tests of the 2^40 limit, which would take hours of pushes to reach.
  void skip_sequence_numbers(std::uint64_t n);
  /// Whom to tell the next event's subject as each event is taken (nullptr: nobody). It must
  /// outlive the queue's use or be reset.
  void set_prefetcher(const SubjectPrefetcher* prefetcher) { prefetcher_ = prefetcher; }

  [[nodiscard]] SchedulerKind kind() const { return kind_; }
  /// True once the events are held by the ladder queue (always for kLadder).
  [[nodiscard]] bool on_ladder() const { return on_ladder_; }

 private:
  // Calls f on the scheduler in use: one predictable branch, both paths inlined.
  template <typename F>
  decltype(auto) with_scheduler(F&& f) {
    return on_ladder_ ? f(ladder_) : f(heap_);
  }
  const ScheduledEvent& front() {
    return with_scheduler([](auto& s) -> const ScheduledEvent& { return s.top(); });
  }
  void remove_front() {
    with_scheduler([](auto& s) { s.remove_top(); });
    // The next event's slot state is read or written when it fires: fetch it now, while the
    // model handles this one (the slot table is larger than the cache at a million clients).
    const ScheduledEvent* next = with_scheduler([](auto& s) { return s.peek(); });
    if (next != nullptr) {
      if (!next->stamped()) __builtin_prefetch(&state_[next->slot], 1);
      if (prefetcher_ != nullptr) prefetcher_->prefetch(next->subject());
    }
  }
  std::uint16_t handler_index(EventHandler* handler);
  [[nodiscard]] Fired fired(const ScheduledEvent& e) const {
    return Fired{e.time(), EventTarget{handlers_[e.handler()], e.kind(), e.subject()}, e.stamp()};
  }
  // Refuses a field past its limit (push's list); returns the handler's index.
  std::uint16_t check(int priority, const EventTarget& target);
  std::uint32_t take_slot();
  // Puts a checked event in the scheduler in use.
  void insert(Time time, int priority, std::uint16_t handler, const EventTarget& target,
              std::uint32_t slot);
  void take_front();
  void drop_stale_front();
  void free_slot(std::uint32_t slot, std::uint32_t advance);
  void move_to_ladder();

  SchedulerKind kind_;
  std::size_t ladder_above_;
  bool on_ladder_ = false;
  BinaryHeapScheduler heap_;
  LadderScheduler ladder_;
  // In chunks, not vectors that double: at 10 million clients (2.3 million pending) a doubling
  // vector held up to twice what it needed, and both copies while it grew (issue 14).
  ChunkedVector<std::uint32_t> state_;  // per slot: even while pending, odd once cancelled
  ChunkedVector<std::uint32_t> free_;   // slots to reuse, last freed first
  // The handlers of the events, so that an entry names its handler in 16 bits; the last one
  // looked up is kept, as one handler (the model's World) schedules nearly every event.
  std::vector<EventHandler*> handlers_;
  EventHandler* last_handler_ = nullptr;
  std::uint16_t last_handler_index_ = 0;
  const SubjectPrefetcher* prefetcher_ = nullptr;
  std::uint64_t sequence_ = 0;
  std::size_t live_ = 0;
  std::size_t stale_ = 0;  // cancelled entries still queued: none, no liveness checks
};

}  // namespace parcours::core
