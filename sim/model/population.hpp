#pragma once
// Where arriving clients' profiles come from (rules E1, E3, E4, D1-D3): either published margins
// tied together by a Gaussian copula, or rows of a client-level table resampled as they are.
// Both are plain data here; the policy layer reads the scenario's CSV files and reports their
// errors with file:line context.

#include <cstddef>
#include <utility>
#include <vector>

#include "core/random_stream.hpp"
#include "model/gaussian_copula.hpp"
#include "model/profile.hpp"

namespace parcours::model {

/// The marginal distribution of one attribute. Exactly one of the two vectors is non-empty.
struct Margin {
  Attribute attribute = Attribute::kAge;
  // Categorical (booleans and enumerations, also region): probabilities of values 0, 1, 2, ...
  std::vector<double> probabilities;
  // Numeric (age, months_on_assistance, months_out_of_work): a quantile function given by
  // points (p, value), p strictly increasing from 0 to 1, interpolated linearly.
  std::vector<std::pair<double, double>> quantiles;
};

/// Draws the profile of one arriving client.
class PopulationSource {
 public:
  virtual ~PopulationSource() = default;
  /// Overwrites every field of `out`.
  virtual void draw(core::RandomStream& rng, Profile& out) const = 0;
};

/// Margins joined by a Gaussian copula on latent normal variables. Attributes without a margin
/// keep their Profile default.
///
/// draw() allocates nothing and changes no member (its scratch space is on the stack), so it is
/// safe to share; still, the intent is one source per simulation, built from its scenario.
class CopulaPopulation : public PopulationSource {
 public:
  /// `correlation` is the latent variables' correlation matrix, one row and column per margin
  /// in the order of `margins`. Throws std::invalid_argument naming the attribute(s) at fault:
  /// an attribute out of range or with two margins; a margin with both or neither vector; a
  /// probability outside [0, 1], probabilities not summing to 1 (within 1e-9), or more values
  /// than the attribute holds; quantiles for a categorical attribute, fewer than two points,
  /// p not strictly increasing from 0 to 1, values decreasing or outside the attribute's range;
  /// and any matrix fault listed at GaussianCopula.
  CopulaPopulation(std::vector<Margin> margins, const CorrelationMatrix& correlation);

  void draw(core::RandomStream& rng, Profile& out) const override;

  [[nodiscard]] const std::vector<Margin>& margins() const { return margins_; }

 private:
  /// The value of margin i at the uniform u.
  [[nodiscard]] double value_at(std::size_t i, double u) const;

  std::vector<Margin> margins_;
  // Per categorical margin, P(value <= k) up to the last value of positive probability, whose
  // entry is +infinity so that every uniform finds a value.
  std::vector<std::vector<double>> cumulative_;
  GaussianCopula copula_;
};

/// Rows of a client-level table (e.g. an administrative extract), each a full profile, drawn
/// uniformly with replacement: keeps every dependence the data have, invents no new client.
class ResampledPopulation : public PopulationSource {
 public:
  /// Throws std::invalid_argument if `rows` is empty.
  explicit ResampledPopulation(std::vector<Profile> rows);

  void draw(core::RandomStream& rng, Profile& out) const override;

  [[nodiscard]] std::size_t size() const { return rows_.size(); }

 private:
  std::vector<Profile> rows_;
};

/// Whether an attribute takes quantiles (age and durations) rather than probabilities.
bool is_numeric(Attribute a);

}  // namespace parcours::model
