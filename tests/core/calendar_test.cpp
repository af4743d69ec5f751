#include "core/calendar.hpp"

#include <gtest/gtest.h>

namespace parcours::core {
namespace {

Date d(const char* text) { return *parse_date(text); }

TEST(Calendar, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(format_date(d("2025-04-01")), "2025-04-01");
  EXPECT_FALSE(parse_date("2025-02-30"));
  EXPECT_FALSE(parse_date("2025-4-01"));
  EXPECT_FALSE(parse_date("yesterday!"));
  EXPECT_TRUE(parse_date("2024-02-29"));
}

TEST(Calendar, DaysMapToDatesAcrossALeapYear) {
  const Calendar cal(d("2024-02-28"));
  EXPECT_EQ(format_date(cal.date_at(0.0)), "2024-02-28");
  EXPECT_EQ(format_date(cal.date_at(1.9)), "2024-02-29");
  EXPECT_EQ(format_date(cal.date_at(2.0)), "2024-03-01");
  EXPECT_EQ(cal.time_of(d("2025-02-28")), 366.0);
}

TEST(Calendar, FiscalYearRunsAprilToMarch) {
  EXPECT_EQ(fiscal_quarter_of(d("2025-03-31")), (FiscalQuarter{2024, 4}));
  EXPECT_EQ(fiscal_quarter_of(d("2025-04-01")), (FiscalQuarter{2025, 1}));
  EXPECT_EQ(fiscal_quarter_of(d("2025-06-30")), (FiscalQuarter{2025, 1}));
  EXPECT_EQ(fiscal_quarter_of(d("2025-07-01")), (FiscalQuarter{2025, 2}));
  EXPECT_EQ(fiscal_quarter_of(d("2025-12-31")), (FiscalQuarter{2025, 3}));
  EXPECT_EQ(fiscal_quarter_of(d("2026-01-01")), (FiscalQuarter{2025, 4}));
  EXPECT_EQ((FiscalQuarter{2025, 4}).label(), "2025-2026 Q4");
}

TEST(Calendar, AgreementYearRunsJulyToJune) {  // rule S6
  EXPECT_EQ(agreement_year_of(d("2026-06-30")), 2025);
  EXPECT_EQ(agreement_year_of(d("2026-07-01")), 2026);
  const Calendar cal(d("2026-06-30"));
  EXPECT_EQ(cal.agreement_year_at(0.5), 2025);
  EXPECT_EQ(cal.agreement_year_at(1.0), 2026);
}

TEST(Calendar, QuarterBoundsAndIndicesAreConsecutive) {
  const Calendar cal(d("2025-04-01"));
  const FiscalQuarter q1{2025, 1};
  EXPECT_EQ(cal.start_of(q1), 0.0);
  EXPECT_EQ(cal.end_of(q1), 91.0);  // April 30 + May 31 + June 30
  const FiscalQuarter q4{2025, 4};
  EXPECT_EQ(format_date(cal.date_at(cal.start_of(q4))), "2026-01-01");
  EXPECT_EQ(format_date(cal.date_at(cal.end_of(q4))), "2026-04-01");
  EXPECT_EQ(FiscalQuarter::from_index(q4.index() + 1), (FiscalQuarter{2026, 1}));
  EXPECT_EQ(FiscalQuarter::from_index(q1.index()), q1);
}

}  // namespace
}  // namespace parcours::core
