#include "model/indicators.hpp"

#include <gtest/gtest.h>

namespace parcours::model {
namespace {

TEST(IndicatorTable, QuartersCoverTheHorizonAndRollUpIntoFiscalYears) {
  const core::Calendar calendar(*core::parse_date("2025-05-15"));  // mid-quarter start
  const core::Time horizon = calendar.time_of(*core::parse_date("2026-05-15"));
  IndicatorTable table(calendar, horizon);
  ASSERT_EQ(table.quarters(), 5U);  // 2025-26 Q1..Q4 and 2026-27 Q1
  EXPECT_EQ(table.quarter(0), (core::FiscalQuarter{2025, 1}));
  EXPECT_EQ(table.quarter(4), (core::FiscalQuarter{2026, 1}));
  EXPECT_EQ(table.quarter_end(4), horizon);

  table.count(0.0, Count::kArrivals, 3);
  table.count(200.0, Count::kArrivals, 4);    // 2025-12-01: Q3
  table.count(horizon, Count::kArrivals, 5);  // the horizon itself belongs to the last quarter
  for (std::size_t q = 0; q < table.quarters(); ++q) {
    table.record(q).days = 10;
    table.record(q).agent_busy_days = 5;
    table.record(q).agent_capacity_days = 20;  // 2 agents on duty
    table.record(q).parcours_active_end = static_cast<double>(q);
  }
  const auto yearly = table.yearly_values();
  auto value = [&](int year, std::string_view name) {
    for (const auto& v : yearly) {
      if (v.period.year == year && v.indicator == name) return v.value;
    }
    return -1.0;
  };
  EXPECT_EQ(value(2025, "arrivals"), 7);
  EXPECT_EQ(value(2026, "arrivals"), 5);
  EXPECT_DOUBLE_EQ(value(2025, "agent_utilisation"), 20.0 / (2 * 40.0));
  EXPECT_EQ(value(2025, "parcours_active_end"), 3);  // a stock: the last quarter's value
}

}  // namespace
}  // namespace parcours::model
