#include "core/simulation.hpp"

#include <cassert>
#include <cmath>

namespace parcours::core {

EventHandle Simulation::schedule_at(Time time, const EventTarget& target, int priority) {
  assert(time >= now_ && !std::isnan(time));
  assert(target.handler != nullptr);
  return queue_.push(time, priority, target);
}

void Simulation::post_at(Time time, const EventTarget& target, Stamp stamp, int priority) {
  assert(time >= now_ && !std::isnan(time));
  assert(target.handler != nullptr);
  queue_.post(time, priority, target, stamp);
}

void Simulation::run(Time until) {
  stopping_ = false;
  EventQueue::Fired fired{};
  while (!stopping_ && queue_.pop_until(until, fired)) {
    now_ = fired.time;
    stamp_ = fired.stamp;
    ++executed_;
    fired.target.handler->handle(fired.target.kind, fired.target.subject);
  }
  stamp_ = kNoStamp;
  if (!stopping_ && std::isfinite(until) && until > now_) now_ = until;
}

}  // namespace parcours::core
