#pragma once
// Population margins and correlation matrices for the population tests
// (tests/model/population_test.cpp, population_validation_test.cpp).

#include <cstddef>
#include <utility>
#include <vector>

#include "model/population.hpp"

namespace parcours::testing {

using model::Attribute;
using model::CorrelationMatrix;
using model::Margin;

inline Margin categorical(Attribute a, std::vector<double> probabilities) {
  return Margin{a, std::move(probabilities), {}};
}

inline Margin numeric(Attribute a, std::vector<std::pair<double, double>> quantiles) {
  return Margin{a, {}, std::move(quantiles)};
}

inline CorrelationMatrix identity(std::size_t n) {
  CorrelationMatrix c(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) c[i][i] = 1.0;
  return c;
}

inline std::vector<Margin> two_durations() {
  // Months over the attributes' whole range (0-1440): rounding to whole months leaves ties,
  // too few to move Spearman's rho by a standard error at 40,000 draws.
  return {numeric(Attribute::kMonthsOnAssistance, {{0, 0}, {0.5, 400}, {1, 1440}}),
          numeric(Attribute::kMonthsOutOfWork, {{0, 0}, {1, 1440}})};
}

}  // namespace parcours::testing
