#pragma once
// One pending event as the schedulers hold it: its ordering key and everything the kernel
// needs to deliver it, so that taking the next event reads no other table. 28 bytes of event
// and 4 for the scheduler that holds it: the ladder links its nodes through them, so that a
// node is 32 bytes, two to a cache line (issue 14: at 10 million clients the nodes were the
// kernel's largest table, 40 bytes each).
//
// Packed limits (EventQueue::push checks each and throws, never wraps):
//  - priority: 8 bits (-128 to 127);
//  - sequence: 40 bits, about 1.1e12 events scheduled in one queue's life;
//  - handler index: 16 bits, 65 536 handlers per queue;
//  - kind: 16 bits, below 65 536;
//  - subject: 48 bits, below 2^48;
//  - cancellation slot: 31 bits (2^31 - 1 events pending); a stamp: 31 bits, not 0.

#include <bit>
#include <cstdint>

#include "core/event.hpp"

namespace parcours::core {

struct ScheduledEvent {
  static constexpr unsigned kHandlerBits = 16;
  static constexpr unsigned kSequenceBits = 40;
  static constexpr unsigned kRankShift = kHandlerBits + kSequenceBits;  // priority: top 8 bits
  static constexpr unsigned kSubjectBits = 48;
  static constexpr std::uint64_t kSubjectMask = (std::uint64_t{1} << kSubjectBits) - 1;
  static constexpr std::uint32_t kStamped = std::uint32_t{1} << 31U;

  // The time's bits: for times >= 0 (and -0.0 made +0.0) they order as the times do, so
  // (time, order) compares as one 128-bit integer, without branches.
  std::uint64_t time_bits = 0;
  // Priority (8 bits) | sequence (40) | handler index (16). Sequence numbers are unique, so the
  // handler bits below them never decide the order: it is (time, priority, sequence).
  std::uint64_t order = 0;
  std::uint64_t target = 0;  // kind (16 bits) | subject (48)
  // The cancellation slot (EventQueue's, below 2^31), or for a stamped event kStamped | its
  // stamp: the caller's, given back when the event fires (EventQueue::post).
  std::uint32_t slot = 0;
  std::uint32_t link = 0;  // not part of the event: the holding scheduler's (ladder: next)

  /// Packs an event; the caller (EventQueue::push) has checked every field against its limit.
  static ScheduledEvent make(Time time, std::uint64_t rank, std::uint64_t sequence,
                             std::uint16_t handler, std::uint16_t kind, std::uint64_t subject,
                             std::uint32_t slot) {
    return ScheduledEvent{std::bit_cast<std::uint64_t>(time + 0.0),
                          (rank << kRankShift) | (sequence << kHandlerBits) | handler,
                          (std::uint64_t{kind} << kSubjectBits) | subject, slot, 0};
  }

  [[nodiscard]] Time time() const { return std::bit_cast<Time>(time_bits); }
  [[nodiscard]] std::uint16_t handler() const { return static_cast<std::uint16_t>(order); }
  [[nodiscard]] std::uint16_t kind() const {
    return static_cast<std::uint16_t>(target >> kSubjectBits);
  }
  [[nodiscard]] std::uint64_t subject() const { return target & kSubjectMask; }
  [[nodiscard]] bool stamped() const { return (slot & kStamped) != 0; }
  /// The caller's stamp of a stamped event, 0 for an event with a cancellation slot.
  [[nodiscard]] std::uint32_t stamp() const { return stamped() ? slot & ~kStamped : 0; }
};
static_assert(sizeof(ScheduledEvent) == 32, "four words: two entries per cache line");

/// The total order every scheduler follows: time, then priority, then scheduling sequence.
inline bool before(const ScheduledEvent& a, const ScheduledEvent& b) {
  __extension__ using Key = unsigned __int128;
  return ((Key{a.time_bits} << 64) | a.order) < ((Key{b.time_bits} << 64) | b.order);
}

}  // namespace parcours::core
