#include "core/event_queue.hpp"

#include <cassert>

namespace parcours::core {

namespace {
constexpr int kSequenceBits = 56;
}  // namespace

EventHandle EventQueue::push(Time time, int priority, const EventTarget& target) {
  assert(priority >= kMinPriority && priority <= kMaxPriority);
  assert(sequence_ < (std::uint64_t{1} << kSequenceBits));
  std::uint32_t slot = free_head_;
  if (slot == EventHandle::kNone) {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  } else {
    free_head_ = slots_[slot].next_free;
  }
  Slot& s = slots_[slot];
  s.target = target;
  const auto rank = static_cast<std::uint64_t>(priority - kMinPriority);
  assert(time >= 0.0);
  Entry entry{std::bit_cast<std::uint64_t>(time + 0.0), (rank << kSequenceBits) | sequence_++, slot,
              s.generation};

  // Sift up with a hole: one write per level instead of a swap.
  std::size_t hole = heap_.size();
  heap_.push_back(entry);
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / 2;
    if (!before(entry, heap_[parent])) break;
    heap_[hole] = heap_[parent];
    hole = parent;
  }
  heap_[hole] = entry;
  ++live_;
  return EventHandle{slot, s.generation};
}

bool EventQueue::cancel(EventHandle handle) {
  if (!handle.is_set() || handle.slot >= slots_.size()) return false;
  if (slots_[handle.slot].generation != handle.generation) return false;
  free_slot(handle.slot);
  --live_;
  ++stale_;
  return true;
}

Time EventQueue::next_time() {
  assert(!empty());
  drop_stale_top();
  return heap_.front().time();
}

EventQueue::Fired EventQueue::pop() {
  assert(!empty());
  drop_stale_top();
  return take_top();
}

bool EventQueue::pop_until(Time until, Fired& out) {
  if (empty()) return false;
  drop_stale_top();
  if (heap_.front().time() > until) return false;
  out = take_top();
  return true;
}

EventQueue::Fired EventQueue::take_top() {
  const Entry top = heap_.front();
  Fired fired{top.time(), slots_[top.slot].target};
  free_slot(top.slot);
  --live_;
  remove_top();
  // The next event's slot is read on the next pop: fetch it while the handler runs.
  if (!heap_.empty()) __builtin_prefetch(&slots_[heap_.front().slot]);
  return fired;
}

void EventQueue::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
}

void EventQueue::drop_stale_top() {
  while (stale_ > 0 && !is_live(heap_.front())) {
    remove_top();
    --stale_;
  }
}

void EventQueue::remove_top() {
  const Entry last = heap_.back();
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

void EventQueue::free_slot(std::uint32_t slot) {
  Slot& s = slots_[slot];
  ++s.generation;  // invalidates the heap entry and every outstanding handle
  s.next_free = free_head_;
  free_head_ = slot;
}

}  // namespace parcours::core
