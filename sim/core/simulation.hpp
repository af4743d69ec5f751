#pragma once
// One simulated world's kernel: the clock, the pending events and the random streams.
// No singleton: two simulations can live in one process (replications on threads, tests).

#include <cstdint>

#include "core/event.hpp"
#include "core/event_queue.hpp"
#include "core/random_stream.hpp"
#include "core/scheduler_kind.hpp"

namespace parcours::core {

class Simulation {
 public:
  /// `scheduler` picks the pending-event set; every choice runs the events in the same order.
  explicit Simulation(StreamKey key = {}, SchedulerKind scheduler = SchedulerKind::kAuto)
      : key_(key), queue_(scheduler) {}
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  [[nodiscard]] Time now() const { return now_; }

  /// Schedules `target` after `delay` (>= 0) time units.
  EventHandle schedule(Time delay, const EventTarget& target, int priority = 0) {
    return schedule_at(now_ + delay, target, priority);
  }
  /// Schedules `target` at absolute time `time` (>= now()).
  EventHandle schedule_at(Time time, const EventTarget& target, int priority = 0);
  bool cancel(EventHandle handle) { return queue_.cancel(handle); }
  /// Schedules a stamped event after `delay` (EventQueue::post): no handle, no cancellation;
  /// the handler reads the stamp back with current_stamp().
  void post(Time delay, const EventTarget& target, Stamp stamp, int priority = 0) {
    post_at(now_ + delay, target, stamp, priority);
  }
  void post_at(Time time, const EventTarget& target, Stamp stamp, int priority = 0);
  /// While an event is handled: its stamp if it was posted, else kNoStamp.
  [[nodiscard]] Stamp current_stamp() const { return stamp_; }
  /// Said by a handler that drops the event it was given (a stamped event it found stale):
  /// the event is not counted in events_executed().
  void drop_current() { --executed_; }
  /// The model's hint for the next event's subject (EventQueue::set_prefetcher).
  void set_prefetcher(const SubjectPrefetcher* prefetcher) { queue_.set_prefetcher(prefetcher); }

  /// Runs events in order until none is left, stop() is called, or the next event lies
  /// beyond `until`; the clock then reads `until` if it is finite and was reached.
  void run(Time until = kForever);
  /// Makes run() return after the event being handled.
  void stop() { stopping_ = true; }

  [[nodiscard]] std::uint64_t events_executed() const { return executed_; }
  [[nodiscard]] std::size_t pending() const { return queue_.size(); }
  [[nodiscard]] const EventQueue& queue() const { return queue_; }
  [[nodiscard]] const StreamKey& stream_key() const { return key_; }

  /// The stream for (this simulation's seed and replication, entity, purpose).
  [[nodiscard]] RandomStream stream(std::uint64_t entity, std::uint32_t purpose) const {
    return RandomStream(key_, entity, purpose);
  }

 private:
  StreamKey key_;
  EventQueue queue_;
  Time now_ = 0.0;
  std::uint64_t executed_ = 0;
  Stamp stamp_ = kNoStamp;
  bool stopping_ = false;
};

}  // namespace parcours::core
