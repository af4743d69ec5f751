#include "core/resource.hpp"

#include <algorithm>
#include <cassert>

namespace parcours::core {

Resource::Resource(Simulation& sim, int capacity)
    : sim_(sim),
      capacity_(capacity),
      queues_(1),
      busy_level_(sim.now()),
      queue_level_(sim.now()),
      capacity_level_(sim.now(), capacity) {
  assert(capacity >= 0);
}

Resource::Waiting Resource::pop_next() {
  assert(waiting_ > 0);
  auto level = std::find_if(queues_.begin(), queues_.end(),
                            [](const std::deque<Waiting>& q) { return !q.empty(); });
  const Waiting next = level->front();
  level->pop_front();
  --waiting_;
  return next;
}

void Resource::set_capacity(int capacity) {
  assert(capacity >= 0);
  capacity_ = capacity;
  capacity_level_.set(sim_.now(), capacity);
  while (busy_ < capacity_ && waiting_ > 0) {
    const Waiting next = pop_next();
    ++busy_;
    waits_.add(sim_.now() - next.since);
    sim_.schedule(0.0, next.target);
  }
  busy_level_.set(sim_.now(), busy_);
  queue_level_.set(sim_.now(), static_cast<double>(waiting_));
}

bool Resource::acquire_or_wait(const EventTarget& target, unsigned level) {
  if (busy_ < capacity_) {
    ++busy_;
    busy_level_.set(sim_.now(), busy_);
    waits_.add(0.0);
    return true;
  }
  if (level >= queues_.size()) queues_.resize(level + 1);
  queues_[level].push_back({target, sim_.now()});
  ++waiting_;
  queue_level_.set(sim_.now(), static_cast<double>(waiting_));
  return false;
}

bool Resource::withdraw(const EventTarget& target) {
  for (std::deque<Waiting>& queue : queues_) {
    const auto it = std::find_if(queue.begin(), queue.end(), [&](const Waiting& w) {
      return w.target.handler == target.handler && w.target.kind == target.kind &&
             w.target.subject == target.subject;
    });
    if (it == queue.end()) continue;
    queue.erase(it);
    --waiting_;
    queue_level_.set(sim_.now(), static_cast<double>(waiting_));
    return true;
  }
  return false;
}

void Resource::release() {
  assert(busy_ > 0);
  if (waiting_ == 0 || busy_ > capacity_) {  // above a lowered capacity: the unit goes off
    --busy_;
    busy_level_.set(sim_.now(), busy_);
    return;
  }
  // The unit passes straight to the next in line: busy_ is unchanged.
  const Waiting next = pop_next();
  queue_level_.set(sim_.now(), static_cast<double>(waiting_));
  waits_.add(sim_.now() - next.since);
  sim_.schedule(0.0, next.target);
}

}  // namespace parcours::core
