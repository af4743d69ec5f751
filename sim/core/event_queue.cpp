#include "core/event_queue.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <stdexcept>
#include <string>

namespace parcours::core {

namespace {

constexpr std::uint64_t kSequenceLimit = std::uint64_t{1} << ScheduledEvent::kSequenceBits;

// Says which packed limit an event passes (see scheduled_event.hpp); out of line, as no run
// ever comes here.
[[noreturn]] [[gnu::cold]] void refuse(int priority, const EventTarget& target) {
  if (priority < EventQueue::kMinPriority || priority > EventQueue::kMaxPriority) {
    throw std::out_of_range("EventQueue::push: priorities run from -128 to 127, not " +
                            std::to_string(priority));
  }
  if (target.kind > std::numeric_limits<std::uint16_t>::max()) {
    throw std::out_of_range("EventQueue::push: event kinds must be below 65536, not " +
                            std::to_string(target.kind));
  }
  if (target.subject > ScheduledEvent::kSubjectMask) {
    throw std::out_of_range(
        "EventQueue::push: event subjects must be below 2^48 (281474976710656), not " +
        std::to_string(target.subject));
  }
  throw std::overflow_error(
      "EventQueue::push: 2^40 events already scheduled in this queue's life (the limit of "
      "its 40-bit sequence numbers)");
}

}  // namespace

EventQueue::EventQueue(SchedulerKind kind, std::size_t ladder_above)
    : kind_(kind), ladder_above_(ladder_above), on_ladder_(kind == SchedulerKind::kLadder) {}

EventHandle EventQueue::push(Time time, int priority, const EventTarget& target) {
  const std::uint16_t handler = check(priority, target);  // may throw: before the slot
  const std::uint32_t slot = take_slot();
  insert(time, priority, handler, target, slot);
  return EventHandle{slot, state_[slot]};
}

void EventQueue::post(Time time, int priority, const EventTarget& target, Stamp stamp) {
  if (stamp == kNoStamp || stamp > kMaxStamp) [[unlikely]] {
    throw std::out_of_range("EventQueue::post: stamps run from 1 to 2147483647, not " +
                            std::to_string(stamp));
  }
  insert(time, priority, check(priority, target), target, ScheduledEvent::kStamped | stamp);
}

std::uint16_t EventQueue::check(int priority, const EventTarget& target) {
  if (priority < kMinPriority || priority > kMaxPriority ||
      target.kind > std::numeric_limits<std::uint16_t>::max() ||
      target.subject > ScheduledEvent::kSubjectMask || sequence_ >= kSequenceLimit) [[unlikely]] {
    refuse(priority, target);  // or the sequence numbers ran out
  }
  return handler_index(target.handler);
}

std::uint32_t EventQueue::take_slot() {
  if (!free_.empty()) {
    const std::uint32_t slot = free_.back();
    free_.pop_back();
    return slot;
  }
  if (state_.size() >= ScheduledEvent::kStamped) [[unlikely]] {
    throw std::overflow_error(
        "EventQueue::push: 2147483648 cancellation slots already in use (the limit of the "
        "31-bit slots)");
  }
  state_.push_back(0);
  return static_cast<std::uint32_t>(state_.size() - 1);
}

void EventQueue::insert(Time time, int priority, std::uint16_t handler, const EventTarget& target,
                        std::uint32_t slot) {
  assert(time >= 0.0);
  const auto rank = static_cast<std::uint64_t>(priority - kMinPriority);
  const ScheduledEvent e =
      ScheduledEvent::make(time, rank, sequence_++, handler,
                           static_cast<std::uint16_t>(target.kind), target.subject, slot);
  with_scheduler([&e](auto& s) { s.insert(e); });
  ++live_;
  if (!on_ladder_ && kind_ == SchedulerKind::kAuto && heap_.size() > ladder_above_) {
    move_to_ladder();
  }
}

void EventQueue::skip_sequence_numbers(std::uint64_t n) {
  sequence_ = std::min(kSequenceLimit, sequence_ + std::min(n, kSequenceLimit));  // no wrap
}

bool EventQueue::cancel(EventHandle handle) {
  if (!handle.is_set() || handle.slot >= state_.size()) return false;
  std::uint32_t& state = state_[handle.slot];
  if (state != handle.generation || (state & 1U) != 0) return false;
  ++state;  // odd: cancelled; the slot is freed when its entry reaches the front
  --live_;
  ++stale_;
  return true;
}

Time EventQueue::next_time() {
  assert(!empty());
  drop_stale_front();
  return front().time();
}

EventQueue::Fired EventQueue::pop() {
  assert(!empty());
  drop_stale_front();
  const Fired out = fired(front());
  take_front();
  return out;
}

bool EventQueue::pop_until(Time until, Fired& out) {
  if (empty()) return false;
  drop_stale_front();
  const ScheduledEvent& e = front();
  if (e.time() > until) return false;
  out = fired(e);
  take_front();
  return true;
}

void EventQueue::take_front() {
  const ScheduledEvent& e = front();
  if (!e.stamped()) free_slot(e.slot, 2);
  --live_;
  remove_front();
}

std::uint16_t EventQueue::handler_index(EventHandler* handler) {
  if (handler == last_handler_ && !handlers_.empty()) return last_handler_index_;
  auto it = std::find(handlers_.begin(), handlers_.end(), handler);
  if (it == handlers_.end()) {
    if (handlers_.size() > std::numeric_limits<std::uint16_t>::max()) {
      throw std::out_of_range("EventQueue::push: more than 65536 event handlers in one queue");
    }
    handlers_.push_back(handler);
    it = handlers_.end() - 1;
  }
  last_handler_ = handler;
  last_handler_index_ = static_cast<std::uint16_t>(it - handlers_.begin());
  return last_handler_index_;
}

void EventQueue::reserve(std::size_t n) {
  if (!on_ladder_) heap_.reserve(n);
}

void EventQueue::drop_stale_front() {
  while (stale_ > 0) {
    const ScheduledEvent& e = front();
    if (e.stamped() || (state_[e.slot] & 1U) == 0) return;
    free_slot(e.slot, 1);  // odd + 1: even again, and past every handle of the old event
    remove_front();
    --stale_;
  }
}

void EventQueue::free_slot(std::uint32_t slot, std::uint32_t advance) {
  state_[slot] += advance;
  free_.push_back(slot);
}

void EventQueue::move_to_ladder() {
  for (const ScheduledEvent& e : heap_.take_all()) ladder_.insert(e);
  on_ladder_ = true;
}

}  // namespace parcours::core
