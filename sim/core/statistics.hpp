#pragma once
// Accumulators: a tally of observations and a time-weighted level.

#include <cstdint>
#include <limits>

#include "core/event.hpp"

namespace parcours::core {

/// Count, mean, variance (Welford), min and max of a series of observations. Mergeable, so
/// per-period tallies can be combined into per-year ones without keeping observations.
class Tally {
 public:
  void add(double x);
  void merge(const Tally& other);
  [[nodiscard]] std::uint64_t count() const { return n_; }
  [[nodiscard]] double mean() const { return n_ ? mean_ : 0.0; }
  [[nodiscard]] double sum() const { return mean_ * static_cast<double>(n_); }
  /// Unbiased sample variance; 0 with fewer than two observations.
  [[nodiscard]] double variance() const;
  [[nodiscard]] double min() const { return min_; }
  [[nodiscard]] double max() const { return max_; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

/// The integral of a piecewise-constant level over time (queue length, busy servers).
class TimeWeighted {
 public:
  explicit TimeWeighted(Time start = 0.0, double level = 0.0)
      : start_(start), last_(start), level_(level) {}
  void set(Time t, double level);
  void add(Time t, double delta) { set(t, level_ + delta); }
  [[nodiscard]] double level() const { return level_; }
  /// Integral of the level from the start of the window to t (t >= last change).
  [[nodiscard]] double integral(Time t) const { return area_ + level_ * (t - last_); }
  /// Time average over [start, t]; 0 for an empty window.
  [[nodiscard]] double mean(Time t) const;
  /// Starts a new window at t, keeping the current level.
  void restart(Time t);

 private:
  Time start_;
  Time last_;
  double level_;
  double area_ = 0.0;
};

}  // namespace parcours::core
