#include "core/resource.hpp"

#include <algorithm>
#include <cassert>

namespace parcours::core {

Resource::Resource(Simulation& sim, int capacity)
    : sim_(sim),
      capacity_(capacity),
      busy_level_(sim.now()),
      queue_level_(sim.now()),
      capacity_level_(sim.now(), capacity) {
  assert(capacity >= 0);
}

void Resource::set_capacity(int capacity) {
  assert(capacity >= 0);
  capacity_ = capacity;
  capacity_level_.set(sim_.now(), capacity);
  while (busy_ < capacity_ && !queue_.empty()) {
    const Waiting next = queue_.front();
    queue_.pop_front();
    ++busy_;
    waits_.add(sim_.now() - next.since);
    sim_.schedule(0.0, next.target);
  }
  busy_level_.set(sim_.now(), busy_);
  queue_level_.set(sim_.now(), static_cast<double>(queue_.size()));
}

bool Resource::acquire_or_wait(const EventTarget& target) {
  if (busy_ < capacity_) {
    ++busy_;
    busy_level_.set(sim_.now(), busy_);
    waits_.add(0.0);
    return true;
  }
  queue_.push_back({target, sim_.now()});
  queue_level_.set(sim_.now(), static_cast<double>(queue_.size()));
  return false;
}

bool Resource::withdraw(const EventTarget& target) {
  const auto it = std::find_if(queue_.begin(), queue_.end(), [&](const Waiting& w) {
    return w.target.handler == target.handler && w.target.kind == target.kind &&
           w.target.subject == target.subject;
  });
  if (it == queue_.end()) return false;
  queue_.erase(it);
  queue_level_.set(sim_.now(), static_cast<double>(queue_.size()));
  return true;
}

void Resource::release() {
  assert(busy_ > 0);
  if (queue_.empty() || busy_ > capacity_) {  // above a lowered capacity: the unit goes off
    --busy_;
    busy_level_.set(sim_.now(), busy_);
    return;
  }
  // The unit passes straight to the next in line: busy_ is unchanged.
  const Waiting next = queue_.front();
  queue_.pop_front();
  queue_level_.set(sim_.now(), static_cast<double>(queue_.size()));
  waits_.add(sim_.now() - next.since);
  sim_.schedule(0.0, next.target);
}

}  // namespace parcours::core
