#include "core/ladder_scheduler.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <limits>

namespace parcours::core {

std::uint32_t LadderScheduler::new_node(const ScheduledEvent& e, std::uint32_t next) {
  std::uint32_t i = free_;
  if (i != kNil) {
    free_ = node(i).link;
  } else {
    assert(node_count_ < kNil);
    i = node_count_++;
    if ((i >> kChunkBits) == chunks_.size()) {
      // Chunks, not one growing vector: the pool never copies itself nor holds twice its size.
      chunks_.push_back(std::make_unique<Node[]>(std::size_t{1} << kChunkBits));
    }
  }
  Node& n = node(i);
  n = e;
  n.link = next;
  return i;
}

void LadderScheduler::insert(const ScheduledEvent& e) {
  ++size_;
  const double t = e.time();
  if (t > top_start_) {
    std::uint32_t& list = top_lists_[top_count_++ % kWalkWays];
    list = new_node(e, list);
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
  early_.insert(e);
}

void LadderScheduler::remove_top() {
  if (from_run_) {
    run_.pop_back();
  } else {
    early_.remove_top();
  }
  if (--size_ == 0) {
    // Empty: start afresh, so that a reused queue may take times earlier than its last ones.
    // Every rung's buckets are empty (their counts are 0), as spread() expects.
    active_ = 0;
    top_start_ = -std::numeric_limits<double>::infinity();
  }
}

void LadderScheduler::refill() {
  assert(size_ > 0);
  while (run_.empty()) {
    if (active_ == 0) {
      // The ladder is empty: top's events become rung 0, and later ones go to a new top.
      Lists lists = top_lists_;
      const std::size_t count = top_count_;
      const double low = top_min_;
      const double high = top_max_;
      top_start_ = high;
      top_lists_ = empty_lists();
      top_count_ = 0;
      top_min_ = std::numeric_limits<double>::infinity();
      top_max_ = -std::numeric_limits<double>::infinity();
      spread(lists, count, low, high);
      continue;
    }
    Rung& rung = rungs_[active_ - 1];
    if (rung.count == 0) {
      --active_;
      continue;
    }
    while (rung.buckets[rung.current].head == kNil) ++rung.current;
    // The next few non-empty buckets go together: to bottom while they hold at most
    // kBottomMax events, or, when the first one alone holds more, to a new rung.
    const std::size_t first = rung.current;
    const bool crowded = rung.buckets[first].count > kBottomMax;
    Lists lists = empty_lists();
    std::size_t ways = 0;
    std::size_t taken = 0;
    std::size_t b = first;
    for (; ways < kWalkWays && b < rung.bucket_count; ++b) {
      Bucket& bucket = rung.buckets[b];
      if (bucket.head == kNil) continue;
      if (!crowded && taken + bucket.count > kBottomMax) break;
      lists[ways++] = bucket.head;
      taken += bucket.count;
      bucket = Bucket{};
    }
    rung.current = b;
    rung.count -= taken;
    if (crowded) {
      const double width = 1.0 / rung.buckets_per_time;
      const double low = rung.start + static_cast<double>(first) * width;
      spread(lists, taken, low, rung.start + static_cast<double>(b) * width);  // `rung` dangles
    } else {
      to_bottom(lists);
    }
  }
}

void LadderScheduler::spread(Lists& lists, std::size_t count, double low, double high) {
  if (count <= kBottomMax || active_ == kMaxRungs || !(high > low)) {
    to_bottom(lists);
    return;
  }
  if (rungs_.size() == active_) rungs_.emplace_back();
  Rung& rung = rungs_[active_++];
  // About two events per bucket: a bucket taken later holds few enough to sort in bottom, and
  // the buckets (8 bytes each, kept for the next rung) take half the memory of one per event:
  // 5.7 MB at 10 million clients with one (issue 14).
  const std::size_t buckets = (count + 1) / 2;
  rung.bucket_count = buckets;
  rung.start = low;
  rung.buckets_per_time = static_cast<double>(buckets) / (high - low);
  rung.current = 0;
  rung.count = count;
  if (rung.buckets.size() < buckets) rung.buckets.resize(buckets);
  walk(lists, [&](std::uint32_t i, Node& n) {
    Bucket& bucket = rung.buckets[rung.bucket_of(n.time())];
    n.link = bucket.head;
    bucket.head = i;
    ++bucket.count;
  });
}

void LadderScheduler::to_bottom(Lists& lists) {
  // Copy first, sort after: the loop that follows the lists has no branch on the events'
  // times, so a mispredicted comparison never stalls the loads already under way.
  walk(lists, [&](std::uint32_t i, Node& n) {
    run_.push_back(n);
    n.link = free_;
    free_ = i;
  });
  std::sort(run_.begin(), run_.end(),
            [](const ScheduledEvent& a, const ScheduledEvent& b) { return before(b, a); });
}

}  // namespace parcours::core
