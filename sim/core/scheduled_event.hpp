#pragma once
// One pending event as the schedulers hold it: its ordering key and everything the kernel
// needs to deliver it, so that taking the next event reads no other table.

#include <bit>
#include <cstdint>

#include "core/event.hpp"

namespace parcours::core {

struct ScheduledEvent {
  // The time's bits: for times >= 0 (and -0.0 made +0.0) they order as the times do, so
  // (time, order) compares as one 128-bit integer, without branches.
  std::uint64_t time_bits = 0;
  std::uint64_t order = 0;  // priority in the top 8 bits, sequence number below
  std::uint64_t subject = 0;
  std::uint32_t slot = 0;     // the cancellation slot (EventQueue's), not read when popping
  std::uint16_t kind = 0;     // EventTarget::kind (EventQueue checks that it fits)
  std::uint16_t handler = 0;  // index in EventQueue's table of handlers

  [[nodiscard]] Time time() const { return std::bit_cast<Time>(time_bits); }
};
static_assert(sizeof(ScheduledEvent) == 32, "four words: two entries per cache line");

/// The total order every scheduler follows: time, then priority, then scheduling sequence.
inline bool before(const ScheduledEvent& a, const ScheduledEvent& b) {
  __extension__ using Key = unsigned __int128;
  return ((Key{a.time_bits} << 64) | a.order) < ((Key{b.time_bits} << 64) | b.order);
}

}  // namespace parcours::core
