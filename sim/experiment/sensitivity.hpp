#pragma once
// A tornado table from a sweep: for each fiscal year, indicator (all clients) and parameter,
// how far the indicator's mean moves when the parameter goes from its low to its high value.
//
// - Grid designs: the two design points where the parameter is at its lowest and highest grid
//   value and every other parameter at its middle grid value (the lower middle for an even
//   count): a one-at-a-time swing read off the runs themselves.
// - Latin hypercubes and point tables: a linear regression of the points' means on all
//   parameters at once (least squares); the swing is the coefficient times (high - low), the
//   change the fitted plane predicts with the others held fixed, and the standardised
//   regression coefficient (coefficient x sd of the parameter / sd of the means) is given too.
// Rows are sorted by absolute swing within each year and indicator.

#include <string_view>
#include <vector>

#include "experiment/summary.hpp"
#include "experiment/sweep.hpp"

namespace parcours::experiment {

struct SensitivityRow {
  int fiscal_year = 0;
  std::string_view indicator;
  std::size_t axis = 0;  // index into the design's axes
  double low = 0.0;      // parameter values
  double high = 0.0;
  double mean_at_low = 0.0;  // indicator means (observed on a grid, fitted otherwise)
  double mean_at_high = 0.0;
  double swing = 0.0;                     // mean_at_high - mean_at_low
  double standardised_coefficient = 0.0;  // regression designs; NaN on a grid
};

/// `summaries[p]` is point p's yearly summary (summarise(..., Periods::kYearly)).
std::vector<SensitivityRow> sensitivity(const SweepDesign& design,
                                        const std::vector<std::vector<SummaryRow>>& summaries);

}  // namespace parcours::experiment
