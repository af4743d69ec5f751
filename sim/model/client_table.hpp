#pragma once
// The clients in the system, by slot: the small client-state interface the process modules
// share (ose_services.hpp, world.hpp). It holds each client's record (client.hpp, the profile
// in it) and the run's plans, hands out and takes back slots, schedules and cancels each
// client's step end and exit (stamped events), names the clients' random streams, and counts
// into the indicator table of the quarter under way; every module's events are counted here by
// kind. The modules keep their own per-client side tables by the same slots.

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/chunked_vector.hpp"
#include "core/simulation.hpp"
#include "model/client.hpp"
#include "model/event_kind.hpp"
#include "model/indicators.hpp"
#include "model/packed_profile.hpp"
#include "model/plan_book.hpp"
#include "model/profile.hpp"

namespace parcours::model {

/// A client's place in the table; a slot is reused after its client leaves.
using Slot = std::uint32_t;

class ClientTable final : public core::SubjectPrefetcher {
 public:
  /// Told of every event before it is handled, and of every count: the client traces
  /// (world_trace.cpp). An untraced run has none and pays one test per event.
  class Observer {
   public:
    virtual void on_event(std::uint32_t kind, std::uint64_t subject) = 0;
    virtual void on_count(const Client& c, Count what) = 0;

   protected:
    ~Observer() = default;
  };

  /// `dimensions`: none, or World::group_dimensions's, in its order: the region (when
  /// `by_region`), income support and distance (rule D2); a client's groups come from their
  /// record (groups()).
  ClientTable(core::Simulation& sim, const core::Calendar& calendar, core::Time horizon,
              std::vector<GroupDimension> dimensions, bool by_region = false)
      : sim_(sim), indicators_(calendar, horizon, std::move(dimensions)), by_region_(by_region) {}
  ClientTable(const ClientTable&) = delete;
  ClientTable& operator=(const ClientTable&) = delete;
  ~ClientTable() = default;

  /// Every module's events name their client's slot in the subject's low 32 bits (some keep
  /// a counter above it): the record is fetched while the event before it is handled, since
  /// at a million clients its first read was most of the model's time (issue 14).
  void prefetch(std::uint64_t subject) const override {
    const auto s = static_cast<Slot>(subject);
    if (s < clients_.size()) {
      // A 56-byte record (its profile included) may straddle two cache lines.
      const auto* record = reinterpret_cast<const char*>(&clients_[s]);
      __builtin_prefetch(record, 1);
      __builtin_prefetch(record + sizeof(Client) - 1, 1);
    }
  }

  Client& operator[](Slot s) { return clients_[s]; }
  const Client& operator[](Slot s) const { return clients_[s]; }
  /// Who the client is (read at decision points only).
  [[nodiscard]] Profile profile(Slot s) const { return clients_[s].profile.unpack(); }
  /// Throws std::out_of_range if a field is past its range (PackedProfile).
  void set_profile(Slot s, const Profile& p) { clients_[s].profile = PackedProfile(p); }
  /// The client's group in each table dimension (the constructor's), from what is fixed at
  /// arrival: so all of a client's flows stay in one group.
  [[nodiscard]] GroupKey groups(const Client& c) const {
    GroupKey key{};
    std::size_t d = 0;
    if (by_region_) key[d++] = c.profile.region();
    key[d++] = static_cast<std::uint8_t>(c.support());
    key[d] = c.distant_at_arrival ? 1 : 0;  // rule D2
    return key;
  }
  /// Slots in use or free: the peak number of clients in the system.
  [[nodiscard]] std::size_t slots() const { return clients_.size(); }
  [[nodiscard]] std::size_t in_system() const { return clients_.size() - free_count_; }
  /// Calls f(slot) for each free slot.
  template <typename F>
  void for_each_free_slot(F&& f) const {
    for (Slot s = free_head_; s != kNoSlot; s = clients_[s].number) f(s);
  }
  /// The activities of the client's current plan, in order (rule P2).
  [[nodiscard]] std::span<const std::uint8_t> plan(const Client& c) const {
    return plans_.activities(c.plan);
  }
  /// The activity at place `k` of the client's plan (k below c.plan_size).
  [[nodiscard]] std::uint8_t activity(const Client& c, unsigned k) const {
    assert(k < c.plan_size);
    return plans_.activities(c.plan)[k];
  }
  /// Gives the client the plan made of `activities`, from its first (PlanBook::intern: throws
  /// for more than kMaxPlanLength activities or a 65 537th distinct plan).
  void set_plan(Client& c, std::span<const std::uint8_t> activities) {
    c.plan = plans_.intern(activities);
    c.plan_size = activities.size() & 0xFU;  // at most kMaxPlanLength: intern checked
    c.next_activity = 0;
  }
  [[nodiscard]] Slot slot_of(const Client& c) const {
    return static_cast<Slot>(clients_.index_of(&c));
  }

  struct Admission {
    Slot slot;
    bool new_slot;  // the table grew: the modules grow their side tables
  };
  /// A blank record for a new client, in a free slot if there is one.
  Admission admit() {
    if (free_head_ != kNoSlot) {
      const Slot s = free_head_;
      Client& c = clients_[s];
      // Past every stamp the slot's earlier clients gave: an event one of them left behind
      // is stale for this client. (First: should they run out, the slot stays free.)
      const core::Stamp step = next_stamp(c.step_stamp, s);
      const core::Stamp exit = next_stamp(c.exit_stamp, s);
      free_head_ = c.number;
      --free_count_;
      c = Client{};  // the profile is drawn whole at arrival: no reset needed
      c.step_stamp = step;
      c.exit_stamp = exit;
      return {s, false};
    }
    clients_.emplace_back();
    return {static_cast<Slot>(clients_.size() - 1), true};
  }
  /// The client left: the slot is free (and its record's number links it to the next free).
  void release(Slot s) {
    clients_[s].number = free_head_;
    free_head_ = s;
    ++free_count_;
  }

  [[nodiscard]] core::Simulation& sim() const { return sim_; }
  [[nodiscard]] core::Time now() const { return sim_.now(); }
  /// Schedules the end of the step under way of the client in slot `s` (event `kind` after
  /// `delay` days, for `module`, the handler of that kind): it is dropped if cancel_step comes
  /// first.
  void schedule_step(core::EventHandler* module, core::Time delay, EventKind kind, Slot s) const {
    schedule_step(delay, core::EventTarget{module, kind, s});
  }
  /// The same for a target of the module's own (its subject names the slot in its low 32 bits).
  void schedule_step(core::Time delay, const core::EventTarget& target) const {
    sim_.post(delay, target, clients_[static_cast<Slot>(target.subject)].step_stamp);
  }
  /// Schedules the client's exit (abandonment or closure of the Parcours, loss of the job, the
  /// client's stop of retention): dropped if cancel_exit comes first.
  void schedule_exit(core::EventHandler* module, core::Time delay, EventKind kind, Slot s) const {
    schedule_exit(delay, core::EventTarget{module, kind, s});
  }
  void schedule_exit(core::Time delay, const core::EventTarget& target) const {
    sim_.post(delay, target, clients_[static_cast<Slot>(target.subject)].exit_stamp);
  }
  /// Cancels the client's pending step end, or exit (if any: otherwise nothing changes for
  /// the events to come). O(1): the stamp moves on, and the event is dropped when it comes.
  void cancel_step(Slot s) { clients_[s].step_stamp = next_stamp(clients_[s].step_stamp, s); }
  void cancel_exit(Slot s) { clients_[s].exit_stamp = next_stamp(clients_[s].exit_stamp, s); }
  /// Rule M7's "calendar days": whole days from the day of `t` to today.
  [[nodiscard]] double calendar_days_since(core::Time t) const {
    return std::floor(sim_.now()) - std::floor(t);
  }
  /// The client's stream for draw `d`'s `occurrence`-th site (client.hpp: common random numbers).
  [[nodiscard]] core::RandomStream stream(const Client& c, Draw d, unsigned occurrence = 0) const {
    return sim_.stream(c.id(), purpose(d, occurrence));
  }

  IndicatorTable& indicators() { return indicators_; }
  [[nodiscard]] const IndicatorTable& indicators() const { return indicators_; }
  /// The quarter under way (kept by the quarter-end events, so counting never converts a time
  /// to a date).
  [[nodiscard]] std::size_t quarter() const { return quarter_; }
  void set_quarter(std::size_t q) { quarter_ = q; }

  /// Counts into the quarter under way, for all clients and for each of the client's groups.
  void count(const Client& c, Count what) {
    if (observer_ != nullptr) [[unlikely]]
      observer_->on_count(c, what);
    indicators_.for_groups(groups(c), [&](std::size_t g) {
      ++indicators_.record(quarter_, g).counts[static_cast<std::size_t>(what)];
    });
  }
  /// Counts a start of catalogue activity `id` (rule P2), for all clients and each group.
  void count_activity(const Client& c, std::uint8_t id) {
    indicators_.for_groups(groups(c),
                           [&](std::size_t g) { indicators_.count_activity(quarter_, g, id); });
  }
  /// Moves a stock counter by group (in system, in a Parcours) by `delta` for the client.
  void add_stock(std::vector<std::int64_t>& stock, const Client& c, std::int64_t delta) const {
    indicators_.for_groups(groups(c), [&](std::size_t g) { stock[g] += delta; });
  }
  /// Calls f(quarter, share) for each quarter [t0, t1) overlaps, with the share of the
  /// interval in it (all in the current quarter when t1 == t0).
  template <typename F>
  void spread_over_quarters(core::Time t0, core::Time t1, F&& f) const {
    std::size_t q = quarter_;
    while (q > 0 && indicators_.quarter_end(q - 1) > t0) --q;
    if (t1 <= t0) {
      f(quarter_, 1.0);
      return;
    }
    for (; q <= quarter_; ++q) {
      const core::Time from = std::max(t0, q == 0 ? 0.0 : indicators_.quarter_end(q - 1));
      const core::Time to = std::min(t1, indicators_.quarter_end(q));
      if (to > from) f(q, (to - from) / (t1 - t0));
    }
  }

  /// Every module's handle() calls this first, and drops the event if it returns false: a
  /// client's step end or exit cancelled since it was scheduled (its stamp is no longer the
  /// client's), which is not counted as executed either. A live event is counted by kind, and
  /// the observer (the trace) is told before the event changes anything.
  [[nodiscard]] bool note_event(std::uint32_t kind, std::uint64_t subject) {
    if (const core::Stamp stamp = sim_.current_stamp(); stamp != core::kNoStamp) {
      const Client& c = clients_[static_cast<Slot>(subject)];
      if (stamp != ((stamp & 1U) == 0 ? c.step_stamp : c.exit_stamp)) {
        sim_.drop_current();
        return false;
      }
    }
    ++events_by_kind_[kind];
    if (observer_ != nullptr) [[unlikely]]
      observer_->on_event(kind, subject);
    return true;
  }
  [[nodiscard]] std::uint64_t events_of(EventKind k) const { return events_by_kind_[k]; }
  void set_observer(Observer* observer) { observer_ = observer; }
  [[nodiscard]] bool observed() const { return observer_ != nullptr; }

 private:
  // The lane's next stamp (+2 keeps step stamps even, exit stamps odd). Throws rather than
  // wrap: a wrapped stamp could match an event cancelled 2^30 stamps ago and still pending.
  static core::Stamp next_stamp(core::Stamp stamp, Slot s) {
    if (stamp > core::kMaxStamp - 2) [[unlikely]]
      throw_stamps_exhausted(s);
    return stamp + 2;
  }
  [[noreturn]] static void throw_stamps_exhausted(Slot s);

  core::Simulation& sim_;
  IndicatorTable indicators_;
  bool by_region_;
  std::size_t quarter_ = 0;  // index of the quarter under way
  // Slots; grow with the peak in system, not with arrivals, by whole chunks: never copied
  // (at 10 M clients a doubling vector held both copies at once, issue 14).
  core::ChunkedVector<Client> clients_;
  PlanBook plans_;
  // The free slots, last freed first, linked through their records' `number`: a list beside
  // the table would grow by a slot for each client who leaves, past the peak in the system.
  static constexpr Slot kNoSlot = std::numeric_limits<Slot>::max();
  Slot free_head_ = kNoSlot;
  std::size_t free_count_ = 0;
  std::array<std::uint64_t, kEventKindCount> events_by_kind_{};
  Observer* observer_ = nullptr;
};

}  // namespace parcours::model
