#pragma once
// A ladder queue (after Tang, Goh and Thng's ladder queue, 2005): insert and remove in O(1)
// amortised time whatever the number pending, for the large pending sets of province-wide runs.
//
// Three tiers; every event of a tier is later than every event of the tiers below it:
//  - top: unsorted lists of the events after top_start_ (the far future);
//  - the ladder: rungs of buckets, each bucket an interval of time; rung r + 1 spreads out a
//    few buckets of rung r, taken together because the first of them held too many to sort;
//  - bottom: the earliest events, as a sorted run (the buckets last taken) and a small heap
//    (events inserted below every rung since), which pop in the total order.
// When bottom runs dry, the next non-empty buckets of the lowest rung go to bottom, up to
// kBottomMax events (or, if the first holds more, become a new rung); when the ladder runs
// dry, top becomes rung 0.
//
// Same total order as the heap (time, priority, sequence): a bucket's index is a monotone
// function of the time alone, so events at equal times always travel together and bottom
// breaks their ties. Events are nodes of one pool, linked into their tier's lists and
// buckets: no allocation per event once the pool has grown, and no copy until bottom.
//
// What costs the time at large sizes is reading the nodes: an event was inserted at a random
// moment, so each node read is a cache miss. Lists are therefore walked several at a time
// (top's events are dealt to kWalkWays lists; buckets are taken several together), so that
// the misses overlap instead of following one another down one list.

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "core/binary_heap_scheduler.hpp"
#include "core/scheduled_event.hpp"

namespace parcours::core {

class LadderScheduler {
 public:
  LadderScheduler() = default;
  LadderScheduler(const LadderScheduler&) = delete;
  LadderScheduler& operator=(const LadderScheduler&) = delete;
  LadderScheduler(LadderScheduler&&) = default;
  LadderScheduler& operator=(LadderScheduler&&) = default;
  ~LadderScheduler() = default;

  void insert(const ScheduledEvent& e);
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }
  /// The first event in the total order; requires !empty(). Not const: it may move the next
  /// bucket down to bottom.
  const ScheduledEvent& top() {
    if (run_.empty() && early_.empty()) refill();
    from_run_ = !run_.empty() && (early_.empty() || before(run_.back(), early_.top()));
    return from_run_ ? run_.back() : early_.top();
  }
  /// The first event if bottom holds it already (no refill), else nullptr: for prefetching.
  [[nodiscard]] const ScheduledEvent* peek() const {
    if (run_.empty()) return early_.empty() ? nullptr : &early_.top();
    return early_.empty() || before(run_.back(), early_.top()) ? &run_.back() : &early_.top();
  }
  /// Removes top(); requires !empty() and a call of top() since the last change.
  void remove_top();
  /// Rungs in use now (0 to kMaxRungs), for tests.
  [[nodiscard]] std::size_t rungs_in_use() const { return active_; }

  /// A bucket with at most this many events is sorted in bottom; a larger one becomes a rung.
  static constexpr std::size_t kBottomMax = 48;
  /// Rungs below which a bucket goes to bottom whatever its size (many events at one time).
  static constexpr std::size_t kMaxRungs = 8;
  /// Lists walked side by side: buckets taken together, and top's lists.
  static constexpr std::size_t kWalkWays = 8;

 private:
  static constexpr std::uint32_t kNil = std::numeric_limits<std::uint32_t>::max();
  static constexpr unsigned kChunkBits = 16;  // 65 536 nodes (2 MiB) per chunk of the pool

  // A node is the event itself: its `link` names the next node of its list or bucket.
  using Node = ScheduledEvent;
  static_assert(sizeof(Node) == 32, "two nodes per cache line");
  struct Bucket {
    std::uint32_t head = kNil;
    std::uint32_t count = 0;
  };
  struct Rung {
    double start = 0.0;
    double buckets_per_time = 0.0;  // the inverse of a bucket's width
    std::size_t bucket_count = 0;
    std::size_t current = 0;  // first bucket not taken yet; the ones before it are empty
    std::size_t count = 0;    // events in the rung's buckets
    std::vector<Bucket> buckets;
    [[nodiscard]] std::size_t bucket_of(double t) const {
      const double x = (t - start) * buckets_per_time;
      if (!(x > 0.0)) return 0;  // also NaN: t == start with an infinite buckets_per_time
      if (x >= static_cast<double>(bucket_count)) return bucket_count - 1;
      return static_cast<std::size_t>(x);
    }
  };

  /// A few lists, walked side by side: each node of a list is a cache miss (its event was
  /// inserted at a random moment), and the misses of different lists overlap.
  using Lists = std::array<std::uint32_t, kWalkWays>;
  static constexpr Lists empty_lists() {
    Lists lists{};
    lists.fill(kNil);
    return lists;
  }
  Node& node(std::uint32_t i) { return chunks_[i >> kChunkBits][i & ((1U << kChunkBits) - 1)]; }
  std::uint32_t new_node(const ScheduledEvent& e, std::uint32_t next);
  void refill();
  /// Puts the `count` events of `lists`, all within [low, high], in a new rung or (if few, or
  /// the ladder is full, or all at one time) in bottom.
  void spread(Lists& lists, std::size_t count, double low, double high);
  /// Moves the events of `lists` to bottom's run, sorted, and frees their nodes.
  void to_bottom(Lists& lists);
  /// Unlinks the lists' nodes one from each list in turn, so the cache misses of the lists
  /// overlap, and hands each to `take(index, node)`, which may relink it (`link` is read first).
  template <typename Take>
  void walk(Lists& lists, Take&& take) {
    for (bool more = true; more;) {
      more = false;
      for (std::uint32_t& list : lists) {
        const std::uint32_t i = list;
        if (i == kNil) continue;
        Node& n = node(i);
        list = n.link;
        take(i, n);
        more = true;
      }
    }
  }

  std::vector<std::unique_ptr<Node[]>> chunks_;
  std::uint32_t node_count_ = 0;     // nodes ever made
  std::uint32_t free_ = kNil;        // unused nodes, linked through `link`
  Lists top_lists_ = empty_lists();  // top's events, dealt to the lists in turn
  std::size_t top_count_ = 0;
  double top_min_ = std::numeric_limits<double>::infinity();
  double top_max_ = -std::numeric_limits<double>::infinity();
  double top_start_ = -std::numeric_limits<double>::infinity();  // top holds the later events
  std::vector<Rung> rungs_;  // rungs_[0, active_) in use; the others keep their buckets
  std::size_t active_ = 0;
  // Bottom, in two parts: the run of the buckets last taken, sorted so that its last entry
  // comes first (taking it is a pop_back), and a heap of the events inserted below every
  // rung's untaken buckets since (few; a heap so that a burst of them stays O(log n)).
  std::vector<ScheduledEvent> run_;
  BinaryHeapScheduler early_;
  bool from_run_ = false;  // where top() found the first event
  std::size_t size_ = 0;
};

}  // namespace parcours::core
