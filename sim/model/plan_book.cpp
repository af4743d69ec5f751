#include "model/plan_book.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace parcours::model {

PlanBook::PlanBook() {
  plans_.push_back(Entry{});
  ids_.emplace(Entry{}, kEmpty);
}

PlanBook::Id PlanBook::intern(std::span<const std::uint8_t> activities) {
  if (activities.size() > kMaxPlanLength) {
    throw std::length_error("a plan holds at most " + std::to_string(kMaxPlanLength) +
                            " activities, not " + std::to_string(activities.size()));
  }
  const std::span<const std::uint8_t> last = this->activities(last_);
  if (std::equal(activities.begin(), activities.end(), last.begin(), last.end())) return last_;
  Entry key{};
  key[0] = static_cast<std::uint8_t>(activities.size());
  std::copy(activities.begin(), activities.end(), key.begin() + 1);
  auto [it, added] = ids_.try_emplace(key, static_cast<Id>(plans_.size()));
  if (added) {
    if (plans_.size() == kMaxPlans) {
      ids_.erase(it);
      throw std::length_error(
          "more than 65536 distinct plans in one run (the plan rule makes a new sequence of "
          "activities for nearly every client?): a client's record names its plan in 16 bits");
    }
    plans_.push_back(key);
  }
  last_ = it->second;
  return last_;
}

}  // namespace parcours::model
