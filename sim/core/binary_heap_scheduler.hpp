#pragma once
// A binary min-heap of scheduled events (after ns-3's heap scheduler): O(log n) insert and
// remove, and the fastest choice while the heap fits in the cache. Sifts move a hole: one
// write per level instead of a swap.

#include <cstddef>
#include <vector>

#include "core/scheduled_event.hpp"

namespace parcours::core {

class BinaryHeapScheduler {
 public:
  void insert(const ScheduledEvent& e);
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  /// The first event in the total order; requires !empty().
  [[nodiscard]] const ScheduledEvent& top() const { return heap_.front(); }
  /// The first event, or nullptr if none: for prefetching.
  [[nodiscard]] const ScheduledEvent* peek() const {
    return heap_.empty() ? nullptr : &heap_.front();
  }
  /// Removes top(); requires !empty().
  void remove_top();
  void reserve(std::size_t n) { heap_.reserve(n); }
  /// Moves every event out, in no particular order, leaving the heap empty.
  std::vector<ScheduledEvent> take_all();

 private:
  std::vector<ScheduledEvent> heap_;
};

}  // namespace parcours::core
