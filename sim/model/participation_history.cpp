#include "model/participation_history.hpp"

#include <cassert>
#include <limits>

namespace parcours::model {

void ParticipationHistory::add(Slot s, const Ended& ended, double window_days) {
  assert(s < head_.size());
  // Records past their window can no longer be credited: unlink them first.
  std::uint32_t* link = &head_[s];
  while (*link != kNone) {
    Node& n = pool_[*link];
    if (ended.ended_at - n.ended.ended_at > window_days) {
      const std::uint32_t dead = *link;
      *link = n.next;
      pool_[dead].next = free_;
      free_ = dead;
    } else {
      link = &n.next;
    }
  }
  std::uint32_t i = free_;
  if (i == kNone) {
    assert(pool_.size() < std::numeric_limits<std::uint32_t>::max());
    i = static_cast<std::uint32_t>(pool_.size());
    pool_.emplace_back();
  } else {
    free_ = pool_[i].next;
  }
  pool_[i] = Node{ended, head_[s]};
  head_[s] = i;
}

void ParticipationHistory::clear(Slot s) {
  std::uint32_t i = head_[s];
  while (i != kNone) {
    const std::uint32_t next = pool_[i].next;
    pool_[i].next = free_;
    free_ = i;
    i = next;
  }
  head_[s] = kNone;
}

std::size_t ParticipationHistory::size_of(Slot s) const {
  std::size_t n = 0;
  for (std::uint32_t i = head_[s]; i != kNone; i = pool_[i].next) ++n;
  return n;
}

}  // namespace parcours::model
