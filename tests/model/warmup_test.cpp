// The warm-up (HorizonParameters::warmup_years): years simulated before the start and reported
// nothing of.

#include <gtest/gtest.h>

#include <cmath>

#include "core/simulation.hpp"
#include "model/world.hpp"
#include "support/model_parameters.hpp"

namespace parcours::model {
namespace {

struct Reported {
  std::vector<IndicatorValue> quarterly;
  std::vector<IndicatorValue> yearly;
};

Reported run(const ModelParameters& p) {
  core::Simulation sim(core::StreamKey{p.horizon.seed, 0});
  ParametricRules rules(p);
  World world(sim, p, rules);
  world.run();
  return {world.indicators().quarterly_values(), world.indicators().yearly_values()};
}

// Clients arrive over the first year only, so that the second year is made of what the first
// left behind.
ModelParameters first_year_arrivals() {
  ModelParameters p = testing::small_model();
  p.horizon.start = *core::parse_date("2024-04-01");
  p.horizon.years = 2;
  return p;
}

TEST(Warmup, ReportsNothingBeforeItsEndAndTheSameRunAfterIt) {
  const ModelParameters plain = first_year_arrivals();
  ModelParameters warm = plain;
  warm.horizon.start = *core::parse_date("2025-04-01");
  warm.horizon.years = 1;
  warm.horizon.warmup_years = 1;
  EXPECT_EQ(warm.horizon.model_start(), plain.horizon.start);

  const Reported a = run(plain);
  const Reported b = run(warm);
  // Every reported row is in 2025-2026 or later.
  ASSERT_FALSE(b.quarterly.empty());
  for (const IndicatorValue& v : b.quarterly) ASSERT_EQ(v.period.year, 2025) << v.indicator;
  for (const IndicatorValue& v : b.yearly) ASSERT_EQ(v.period.year, 2025) << v.indicator;
  // The same simulation: its reported rows are the plain run's rows of 2025-2026, bit for bit.
  std::vector<IndicatorValue> second_year;
  for (const IndicatorValue& v : a.quarterly) {
    if (v.period.year == 2025) second_year.push_back(v);
  }
  ASSERT_EQ(second_year.size(), b.quarterly.size());
  for (std::size_t i = 0; i < b.quarterly.size(); ++i) {
    EXPECT_EQ(second_year[i].period, b.quarterly[i].period);
    EXPECT_EQ(second_year[i].indicator, b.quarterly[i].indicator);
    if (!std::isnan(b.quarterly[i].value)) {
      EXPECT_EQ(second_year[i].value, b.quarterly[i].value) << b.quarterly[i].indicator;
    }
  }
  // The arrivals were all in the warm-up: none reported, but their Parcours carry over.
  double arrivals = 0;
  double in_system_first_quarter = 0;
  for (const IndicatorValue& v : b.quarterly) {
    if (v.group != 0) continue;
    if (v.indicator == "arrivals") arrivals += v.value;
    if (v.indicator == "clients_in_system_end" && v.period.quarter == 1) {
      in_system_first_quarter = v.value;
    }
  }
  EXPECT_EQ(arrivals, 0);
  EXPECT_GT(in_system_first_quarter, 0) << "the warm-up's clients are still there";
}

}  // namespace
}  // namespace parcours::model
