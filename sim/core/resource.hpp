#pragma once
// A pool of identical servers (agents, organisation slots) with a queue served by priority
// level (0 first), first come first served within a level (rules D3, D5: groups served in
// priority). With every request at level 0 it is a plain FIFO queue.

#include <deque>
#include <vector>

#include "core/simulation.hpp"
#include "core/statistics.hpp"

namespace parcours::core {

class Resource {
 public:
  Resource(Simulation& sim, int capacity);

  /// Takes a unit now and returns true if one is free; otherwise queues `target` at priority
  /// `level` (0 is served first), delivered as an event when a unit is handed over to it, and
  /// returns false.
  bool acquire_or_wait(const EventTarget& target, unsigned level = 0);
  /// Removes a waiting request (one that gave up); false if it was not waiting.
  bool withdraw(const EventTarget& target);
  /// Gives a unit back; the first waiting request of the lowest level (if any) gets it at once.
  void release();
  /// Changes how many units may be busy (opening hours: 0 when closed). Units busy above a
  /// lowered capacity finish what they do; a raised capacity serves waiting requests at once.
  void set_capacity(int capacity);

  [[nodiscard]] int capacity() const { return capacity_; }
  [[nodiscard]] int busy() const { return busy_; }
  [[nodiscard]] std::size_t queue_length() const { return waiting_; }
  /// Time-weighted number of busy units and of waiting requests.
  [[nodiscard]] const TimeWeighted& busy_level() const { return busy_level_; }
  [[nodiscard]] const TimeWeighted& queue_level() const { return queue_level_; }
  /// Time-weighted capacity: the unit-time offered, the denominator of utilisation.
  [[nodiscard]] const TimeWeighted& capacity_level() const { return capacity_level_; }
  TimeWeighted& busy_level() { return busy_level_; }
  TimeWeighted& queue_level() { return queue_level_; }
  /// Waits of every request served so far (0 for immediate service).
  [[nodiscard]] const Tally& waits() const { return waits_; }

 private:
  struct Waiting {
    EventTarget target;
    Time since;
  };
  Simulation& sim_;
  int capacity_;
  int busy_ = 0;
  /// The first waiting request of the lowest non-empty level, taken off its queue.
  Waiting pop_next();

  std::vector<std::deque<Waiting>> queues_;  // by priority level
  std::size_t waiting_ = 0;
  TimeWeighted busy_level_;
  TimeWeighted queue_level_;
  TimeWeighted capacity_level_;
  Tally waits_;
};

}  // namespace parcours::core
