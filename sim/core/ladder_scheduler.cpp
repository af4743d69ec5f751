#include "core/ladder_scheduler.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

namespace parcours::core {

std::uint32_t LadderScheduler::new_node(const ScheduledEvent& e, std::uint32_t next) {
  std::uint32_t i = free_;
  if (i != kNil) {
    free_ = node(i).next;
  } else {
    assert(node_count_ < kNil);
    i = node_count_++;
    if ((i >> kChunkBits) == chunks_.size()) {
      // Chunks, not one growing vector: the pool never copies itself nor holds twice its size.
      chunks_.push_back(std::make_unique<Node[]>(std::size_t{1} << kChunkBits));
    }
  }
  Node& n = node(i);
  n.event = e;
  n.next = next;
  return i;
}

void LadderScheduler::insert(const ScheduledEvent& e) {
  ++size_;
  const double t = e.time();
  if (t > top_start_) {
    top_list_ = new_node(e, top_list_);
    ++top_count_;
    top_min_ = std::min(top_min_, t);
    top_max_ = std::max(top_max_, t);
    return;
  }
  // The first rung whose untaken buckets reach back to t takes it; events earlier than every
  // rung's untaken buckets are earlier than every event on the ladder, so bottom takes them.
  for (std::size_t r = 0; r < active_; ++r) {
    Rung& rung = rungs_[r];
    const std::size_t b = rung.bucket_of(t);
    if (b >= rung.current) {
      Bucket& bucket = rung.buckets[b];
      bucket.head = new_node(e, bucket.head);
      ++bucket.count;
      ++rung.count;
      return;
    }
  }
  bottom_.insert(e);
}

void LadderScheduler::remove_top() {
  bottom_.remove_top();
  if (--size_ == 0) {
    // Empty: start afresh, so that a reused queue may take times earlier than its last ones.
    // Every rung's buckets are empty (their counts are 0), as spread() expects.
    active_ = 0;
    top_start_ = -std::numeric_limits<double>::infinity();
  }
}

void LadderScheduler::refill() {
  assert(size_ > 0);
  while (bottom_.empty()) {
    if (active_ == 0) {
      // The ladder is empty: top's events become rung 0, and later ones go to a new top.
      const std::uint32_t list = top_list_;
      const std::size_t count = top_count_;
      const double low = top_min_;
      const double high = top_max_;
      top_start_ = high;
      top_list_ = kNil;
      top_count_ = 0;
      top_min_ = std::numeric_limits<double>::infinity();
      top_max_ = -std::numeric_limits<double>::infinity();
      spread(list, count, low, high);
      continue;
    }
    Rung& rung = rungs_[active_ - 1];
    if (rung.count == 0) {
      --active_;
      continue;
    }
    while (rung.buckets[rung.current].head == kNil) ++rung.current;
    const std::size_t b = rung.current++;
    const Bucket bucket = rung.buckets[b];
    rung.buckets[b] = Bucket{};
    rung.count -= bucket.count;
    const double width = 1.0 / rung.buckets_per_time;
    const double low = rung.start + static_cast<double>(b) * width;
    spread(bucket.head, bucket.count, low, low + width);  // may add a rung: `rung` dangles
  }
}

void LadderScheduler::spread(std::uint32_t list, std::size_t count, double low, double high) {
  if (count <= kBottomMax || active_ == kMaxRungs || !(high > low)) {
    to_bottom(list);
    return;
  }
  if (rungs_.size() == active_) rungs_.emplace_back();
  Rung& rung = rungs_[active_++];
  // About one event per bucket: a bucket taken later holds few enough to sort in bottom.
  rung.bucket_count = count;
  rung.start = low;
  rung.buckets_per_time = static_cast<double>(count) / (high - low);
  rung.current = 0;
  rung.count = count;
  if (rung.buckets.size() < count) rung.buckets.resize(count);
  while (list != kNil) {
    Node& n = node(list);
    const std::uint32_t next = n.next;
    Bucket& bucket = rung.buckets[rung.bucket_of(n.event.time())];
    n.next = bucket.head;
    bucket.head = list;
    ++bucket.count;
    list = next;
  }
}

void LadderScheduler::to_bottom(std::uint32_t list) {
  while (list != kNil) {
    Node& n = node(list);
    bottom_.insert(n.event);
    const std::uint32_t next = n.next;
    n.next = free_;
    free_ = list;
    list = next;
  }
}

}  // namespace parcours::core
