#include "core/binary_heap_scheduler.hpp"

#include <utility>

namespace parcours::core {

void BinaryHeapScheduler::insert(const ScheduledEvent& e) {
  std::size_t hole = heap_.size();
  heap_.push_back(e);
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / 2;
    if (!before(e, heap_[parent])) break;
    heap_[hole] = heap_[parent];
    hole = parent;
  }
  heap_[hole] = e;
}

void BinaryHeapScheduler::remove_top() {
  const ScheduledEvent last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return;
  std::size_t hole = 0;
  for (;;) {
    std::size_t child = 2 * hole + 1;
    if (child >= n) break;
    if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], last)) break;
    heap_[hole] = heap_[child];
    hole = child;
  }
  heap_[hole] = last;
}

std::vector<ScheduledEvent> BinaryHeapScheduler::take_all() {
  std::vector<ScheduledEvent> all;
  all.swap(heap_);
  return all;
}

}  // namespace parcours::core
