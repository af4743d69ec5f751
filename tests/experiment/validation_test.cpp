#include "experiment/validation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/student_t.hpp"
#include "io/csv_reader.hpp"
#include "support/temp_dir.hpp"

namespace parcours::experiment {
namespace {

std::vector<Target> targets() {
  return parse_targets(
      io::parse_csv("id,indicator,period,dimension,group,value,source,tolerance\n"
                    "near,arrivals,2025,all,all,100,\"MTESS, 2019\",5%\n"
                    "far,arrivals,2025,all,all,120,MTESS,10\n",
                    "targets.csv"));
}

// Replications whose 2025-2026 arrivals are the given values.
std::vector<ReplicationResult> runs(const std::vector<double>& arrivals) {
  std::vector<ReplicationResult> results;
  for (const double a : arrivals) {
    ReplicationResult r;
    r.groups = {{"all", "all"}};
    r.yearly.push_back({{2025, 1}, 0, "arrivals", a});
    results.push_back(r);
  }
  return results;
}

TEST(Validation, MeanAndStudentIntervalOverReplicationsAndWithinOnTheMean) {
  const std::vector<ValidationRow> rows = validate(targets(), runs({98, 102, 106}));
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_DOUBLE_EQ(rows[0].mean, 102);
  // sd 4 over sqrt(3), times t(0.975, 2).
  const double half = core::student_t_quantile(0.975, 2) * 4 / std::sqrt(3.0);
  EXPECT_NEAR(rows[0].ci95_low, 102 - half, 1e-9);
  EXPECT_NEAR(rows[0].ci95_high, 102 + half, 1e-9);
  EXPECT_EQ(rows[0].replications, 3);
  EXPECT_TRUE(rows[0].within) << "102 is within 5 % of 100";
  EXPECT_FALSE(rows[1].within) << "102 is 18 from 120, tolerance 10";
  EXPECT_TRUE(validate(targets(), runs({110, 110}))[1].within) << "110 is 10 from 120";
  EXPECT_FALSE(validate(targets(), runs({105.5}))[0].within) << "5.5 % from 100";
  EXPECT_TRUE(std::isnan(validate(targets(), runs({100}))[0].ci95_low));
}

TEST(Validation, WritesOneRowPerTarget) {
  const testing::TempDir dir;
  write_validation(dir / "validation.csv", validate(targets(), runs({98, 102, 106})));
  const io::CsvTable table = io::read_csv_file(dir / "validation.csv");
  ASSERT_EQ(table.size(), 2U);
  EXPECT_EQ(table.text(0, table.column("id")), "near");
  EXPECT_EQ(table.text(0, table.column("source")), "MTESS, 2019");
  EXPECT_EQ(table.text(0, table.column("tolerance")), "5%");
  EXPECT_EQ(table.text(0, table.column("tolerance_kind")), "relative");
  EXPECT_DOUBLE_EQ(table.number(0, table.column("accepted_low")), 95);
  EXPECT_DOUBLE_EQ(table.number(1, table.column("accepted_high")), 130);
  EXPECT_EQ(table.text(1, table.column("tolerance_kind")), "absolute");
  EXPECT_DOUBLE_EQ(table.number(0, table.column("simulated_mean")), 102);
  EXPECT_EQ(table.text(0, table.column("within")), "true");
  EXPECT_EQ(table.text(1, table.column("within")), "false");
  EXPECT_EQ(table.text(1, table.column("period")), "2025-2026");
}

}  // namespace
}  // namespace parcours::experiment
