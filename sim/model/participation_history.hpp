#pragma once
// Every OSE participation a client ended, kept while a result can still be credited to it
// (rule M13: employed or in school 0-3 months after *its* end), so that each agreement is
// credited with its own participants' results on its own window: a client of Groupe D then of
// the job-search club counts for both when the job falls in both windows (docs/outputs.md).
// Records live in one pool, linked per client; a client without ended participations costs
// 4 bytes, and a scenario without agreements never sizes it.

#include <cstdint>
#include <vector>

namespace parcours::model {

class ParticipationHistory {
 public:
  using Slot = std::uint32_t;

  /// One ended participation: on whose books, at which level, and when it ended (days).
  struct Ended {
    std::int32_t agreement = -1;
    std::uint8_t level = 0;
    double ended_at = 0.0;
  };

  /// Makes room for slots [0, slots).
  void reserve_slots(std::size_t slots) {
    if (head_.size() < slots) head_.resize(slots, kNone);
  }
  /// Records a participation that ended; forgets the client's records whose window closed
  /// before `ended.ended_at` (`window_days` after their end).
  void add(Slot s, const Ended& ended, double window_days);
  /// A resumed participation (rule M7's readmission) ended again at `ended_at`: its record,
  /// the client's newest, now ends there, if it is still waiting for a result and on the
  /// same agreement. A participation whose result was already credited gets no second record:
  /// a participant counts once.
  void extend_newest(Slot s, std::int32_t agreement, double ended_at) {
    const std::uint32_t i = head_[s];
    if (i != kNone && pool_[i].ended.agreement == agreement) pool_[i].ended.ended_at = ended_at;
  }
  /// Calls f(record) once for each record of the client that ended at most `window_days`
  /// before `now`, then forgets them all (each result is credited once per participation).
  template <typename F>
  void credit(Slot s, double now, double window_days, F&& f) {
    for (std::uint32_t i = head_[s]; i != kNone; i = pool_[i].next) {
      if (now - pool_[i].ended.ended_at <= window_days) f(pool_[i].ended);
    }
    clear(s);
  }
  /// Forgets the client's records (the client left, or every result was credited).
  void clear(Slot s);
  /// Records of the client, for tests.
  [[nodiscard]] std::size_t size_of(Slot s) const;

 private:
  static constexpr std::uint32_t kNone = 0xffffffffU;
  struct Node {
    Ended ended;
    std::uint32_t next = kNone;
  };
  std::vector<std::uint32_t> head_;  // by slot: first record, newest first
  std::vector<Node> pool_;
  std::uint32_t free_ = kNone;  // free records, linked through `next`
};

}  // namespace parcours::model
