#pragma once
// The plans of one run, each kept once: a client's record names its plan by a 16-bit number
// rather than holding its activities. At 10 million clients (2.3 million in the system) the
// 9 bytes of activities a record held were 21 MB; the plans in use are few (the scenario's
// plan and what the plan rule makes of it: rules P2, P3), and a plan is made at a decision
// point, never at an ordinary event (issue 14).

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "model/client.hpp"

namespace parcours::model {

class PlanBook {
 public:
  using Id = std::uint16_t;
  /// The empty plan's number.
  static constexpr Id kEmpty = 0;
  /// Distinct plans one run can hold.
  static constexpr std::size_t kMaxPlans = std::size_t{1} << 16U;

  PlanBook();

  /// The number of the plan made of `activities` (activity ids, in order; at most
  /// kMaxPlanLength), the same every time the same plan is given. Throws std::length_error
  /// for a longer plan, or for a 65 537th distinct plan in the run.
  Id intern(std::span<const std::uint8_t> activities);
  /// The activities of plan `id`, in order.
  [[nodiscard]] std::span<const std::uint8_t> activities(Id id) const {
    const Entry& e = plans_[id];
    return {e.data() + 1, e[0]};
  }
  /// Distinct plans so far (the empty plan included).
  [[nodiscard]] std::size_t size() const { return plans_.size(); }

 private:
  using Entry = std::array<std::uint8_t, kMaxPlanLength + 1>;  // length, then the activities
  std::vector<Entry> plans_;
  std::map<Entry, Id> ids_;
  Id last_ = kEmpty;  // the plan given last: the plan rule gives most clients the same plan
};

}  // namespace parcours::model
