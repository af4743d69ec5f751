#include "core/statistics.hpp"

#include <algorithm>
#include <cassert>

namespace parcours::core {

void Tally::add(double x) {
  ++n_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
  min_ = std::min(min_, x);
  max_ = std::max(max_, x);
}

void Tally::merge(const Tally& other) {
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  // Chan et al.'s pairwise update.
  const double na = static_cast<double>(n_);
  const double nb = static_cast<double>(other.n_);
  const double delta = other.mean_ - mean_;
  const double n = na + nb;
  mean_ += delta * nb / n;
  m2_ += other.m2_ + delta * delta * na * nb / n;
  n_ += other.n_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

double Tally::variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0; }

void TimeWeighted::set(Time t, double level) {
  assert(t >= last_);
  area_ += level_ * (t - last_);
  last_ = t;
  level_ = level;
}

double TimeWeighted::mean(Time t) const {
  const Time span = t - start_;
  return span > 0.0 ? integral(t) / span : 0.0;
}

void TimeWeighted::restart(Time t) {
  set(t, level_);
  start_ = t;
  area_ = 0.0;
}

}  // namespace parcours::core
