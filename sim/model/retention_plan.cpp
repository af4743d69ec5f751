#include "model/retention_plan.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace parcours::model {

RetentionPlan& RetentionPlan::operator=(const RetentionPlan& other) {
  if (this == &other) return *this;
  release();
  hours_ = other.hours_;
  shape_ = other.shape_;
  weeks_ = other.weeks_;
  integration_weeks_ = other.integration_weeks_;
  if (other.long_plan()) {
    returns_.words = new std::uint64_t[words()];
    std::copy_n(other.returns_.words, words(), returns_.words);
  } else {
    returns_.bits = other.returns_.bits;
  }
  return *this;
}

RetentionPlan& RetentionPlan::operator=(RetentionPlan&& other) noexcept {
  if (this != &other) {
    release();
    take(other);
  }
  return *this;
}

void RetentionPlan::take(RetentionPlan& other) noexcept {
  hours_ = other.hours_;
  shape_ = other.shape_;
  returns_ = other.returns_;
  weeks_ = other.weeks_;
  integration_weeks_ = other.integration_weeks_;
  other.weeks_ = 0;
  other.integration_weeks_ = 0;
  other.returns_.bits = 0;
}

void RetentionPlan::release() noexcept {
  if (long_plan()) delete[] returns_.words;
  weeks_ = 0;
  integration_weeks_ = 0;
  returns_.bits = 0;
}

bool RetentionPlan::returned(std::size_t k) const {
  const std::uint64_t word = long_plan() ? returns_.words[k / 64] : returns_.bits;
  return ((word >> (k % 64)) & 1U) != 0;
}

double RetentionPlan::weight(std::size_t w) const {
  if (w < integration_weeks_) return shape_->integration_intensity;
  // Decreasing linearly from 1 to final_intensity over the consolidation weeks (rule M3).
  const std::size_t consolidation = weeks_ - integration_weeks_;
  const std::size_t k = w - integration_weeks_;
  const double along =
      consolidation > 1 ? static_cast<double>(k) / static_cast<double>(consolidation - 1) : 0.0;
  double x = 1.0 + (shape_->final_intensity - 1.0) * along;
  if (returned(k)) x *= shape_->return_intensity;
  return x;
}

double RetentionPlan::weight_sum() const {
  double sum = 0.0;
  for (std::size_t w = 0; w < weeks_; ++w) sum += weight(w);
  return sum;
}

double RetentionPlan::week_hours(std::size_t w, double sum) const {
  return sum > 0 ? hours_ * weight(w) / sum : hours_ / static_cast<double>(weeks_);
}

double RetentionPlan::week_hours(std::size_t w) const { return week_hours(w, weight_sum()); }

double RetentionPlan::total_hours() const { return hours_by(days()); }

double RetentionPlan::integration_hours() const {
  return hours_by(7.0 * static_cast<double>(integration_weeks_));
}

double RetentionPlan::hours_by(double days) const {
  if (weeks_ == 0) return 0.0;
  const double sum = weight_sum();
  double hours = 0.0;
  for (std::size_t w = 0; w < weeks_; ++w) {
    const double start = 7.0 * static_cast<double>(w);
    if (days <= start) break;
    hours += week_hours(w, sum) * std::min(1.0, (days - start) / 7.0);
  }
  return hours;
}

RetentionPlan make_retention_plan(double hours, double weeks, double integration_weeks,
                                  const RetentionShape& shape, core::RandomStream& rng) {
  RetentionPlan plan;
  const double n = std::max(1.0, std::round(weeks));
  if (!(n <= 1e6)) throw std::invalid_argument("make_retention_plan: over a million weeks");
  plan.weeks_ = static_cast<std::uint32_t>(n);
  plan.integration_weeks_ =
      static_cast<std::uint32_t>(std::min(n, std::max(0.0, std::round(integration_weeks))));
  plan.hours_ = hours;
  plan.shape_ = &shape;
  if (plan.long_plan()) plan.returns_.words = new std::uint64_t[plan.words()]();
  // One uniform per consolidation week, in order, whether or not returns can happen: the
  // draws that follow on the stream do not depend on the shape.
  const std::size_t consolidation = plan.weeks_ - plan.integration_weeks_;
  for (std::size_t k = 0; k < consolidation; ++k) {
    if (!(rng.uniform() < shape.return_probability)) continue;
    std::uint64_t& word = plan.long_plan() ? plan.returns_.words[k / 64] : plan.returns_.bits;
    word |= std::uint64_t{1} << (k % 64);
  }
  return plan;
}

}  // namespace parcours::model
