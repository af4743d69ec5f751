#pragma once
// A job-retention plan ("plan d'accompagnement en emploi", rules M2, M3): its hours spread
// over its weeks, an integration phase of the first weeks at the highest intensity, then a
// consolidation phase whose intensity decreases week by week, with occasional returns to a
// higher intensity. The weekly hours add up to the plan's hours exactly.
//
// A plan is kept for every client in retention (a few hundred thousand at 10 million clients),
// so it holds what its weeks are made of, not the weeks: the hours, the shape and one bit per
// consolidation week that returned to a higher intensity, in 32 bytes. A week's hours are
// computed when asked, by the same arithmetic as if they had been stored (issue 14: a vector
// per plan was 32 MB at 10 million clients).

#include <cstddef>
#include <cstdint>

#include "core/random_stream.hpp"

namespace parcours::model {

struct RetentionShape {
  double integration_intensity = 1.0;  // weekly weight of an integration week
  double final_intensity = 1.0;        // weight of the last consolidation week (the first is 1)
  double return_probability = 0.0;     // chance a consolidation week returns to higher intensity
  double return_intensity = 1.0;       // factor on that week's weight
};

class RetentionPlan {
 public:
  RetentionPlan() = default;
  RetentionPlan(const RetentionPlan& other) { *this = other; }
  RetentionPlan& operator=(const RetentionPlan& other);
  RetentionPlan(RetentionPlan&& other) noexcept { take(other); }
  RetentionPlan& operator=(RetentionPlan&& other) noexcept;
  ~RetentionPlan() { release(); }

  [[nodiscard]] std::size_t weeks() const { return weeks_; }
  [[nodiscard]] std::size_t integration_weeks() const { return integration_weeks_; }
  [[nodiscard]] double days() const { return 7.0 * static_cast<double>(weeks_); }
  /// Hours of week `w` (0-based, below weeks()).
  [[nodiscard]] double week_hours(std::size_t w) const;
  [[nodiscard]] double total_hours() const;
  [[nodiscard]] double integration_hours() const;
  [[nodiscard]] double consolidation_hours() const { return total_hours() - integration_hours(); }
  /// Hours given by `days` after the start (weeks are given evenly within themselves).
  [[nodiscard]] double hours_by(double days) const;

 private:
  friend RetentionPlan make_retention_plan(double hours, double weeks, double integration_weeks,
                                           const RetentionShape& shape, core::RandomStream& rng);
  [[nodiscard]] bool returned(std::size_t consolidation_week) const;
  [[nodiscard]] double weight(std::size_t w) const;
  [[nodiscard]] double weight_sum() const;
  /// Week `w`'s hours, given weight_sum(): the expression of the plan that kept its weeks,
  /// so the same doubles.
  [[nodiscard]] double week_hours(std::size_t w, double sum) const;
  // More than 64 consolidation weeks: the bits are in returns_.words.
  [[nodiscard]] bool long_plan() const { return weeks_ - integration_weeks_ > 64; }
  [[nodiscard]] std::size_t words() const { return (weeks_ - integration_weeks_ + 63) / 64; }
  void take(RetentionPlan& other) noexcept;  // other's fields, other left empty
  void release() noexcept;                   // frees a long plan's words

  // Bit k: consolidation week k returned. A plan of up to 64 consolidation weeks keeps them in
  // `bits`; a longer one keeps all of them in an allocation of its own, `words` (its only
  // allocation). One word either way: a Job record is 120 bytes (issue 14).
  union Returns {
    std::uint64_t bits;
    std::uint64_t* words;
  };

  double hours_ = 0.0;
  const RetentionShape* shape_ = nullptr;
  Returns returns_{0};
  std::uint32_t weeks_ = 0;
  std::uint32_t integration_weeks_ = 0;
};
static_assert(sizeof(RetentionPlan) == 32);

/// The plan of `hours` over `weeks` (rounded to whole weeks, at least 1), the first
/// `integration_weeks` of them the integration phase. Draws one uniform per consolidation week.
/// `shape` must outlive the plan (it is the scenario's, kept for the whole run).
RetentionPlan make_retention_plan(double hours, double weeks, double integration_weeks,
                                  const RetentionShape& shape, core::RandomStream& rng);

}  // namespace parcours::model
