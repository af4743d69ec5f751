#include "experiment/sweep.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "io/input_error.hpp"

namespace parcours::experiment {
namespace {

std::string error_of(const std::string& set) {
  try {
    parse_axis(set);
  } catch (const io::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error for " << set;
  return "";
}

TEST(Sweep, ParsesRangesTemplatesAndPlainOverrides) {
  const auto axis = parse_axis("arrivals.convened_share=0.2:0.8:0.2");
  ASSERT_TRUE(axis);
  EXPECT_EQ(axis->key, "arrivals.convened_share");
  EXPECT_EQ(axis->lo, 0.2);
  EXPECT_EQ(axis->hi, 0.8);
  EXPECT_EQ(axis->step, 0.2);
  EXPECT_FALSE(axis->integer);
  EXPECT_EQ(axis->expression(0.4), "0.4");

  const auto hazard =
      parse_axis("parcours.dropout={family=\"constant\",rate_per_week=$(0.01:0.03)}");
  ASSERT_TRUE(hazard);
  EXPECT_EQ(hazard->key, "parcours.dropout");
  EXPECT_EQ(hazard->step, 0);
  EXPECT_EQ(hazard->expression(0.02), "{family=\"constant\",rate_per_week=0.02}");

  EXPECT_TRUE(parse_axis("evaluation.agents=3:9:2")->integer);
  EXPECT_TRUE(parse_axis("activity.club.dropout_after=0:0.5:0.1"));
  EXPECT_FALSE(parse_axis("arrivals.convened_share=0.5"));
  EXPECT_FALSE(parse_axis("scenario.start=2025-04-01"));
}

TEST(Sweep, BadRangesAreClearErrors) {
  EXPECT_NE(error_of("arrivals.convened_shar=0:1:0.1").find("did you mean 'convened_share'"),
            std::string::npos);
  EXPECT_NE(error_of("arrivals.convened_share=0.8:0.2:0.1").find("above its high end"),
            std::string::npos);
  EXPECT_NE(error_of("arrivals.convened_share=0:1:0").find("step must be positive"),
            std::string::npos);
  EXPECT_NE(error_of("arrivals.convened_share=0:1:-0.1").find("step must be positive"),
            std::string::npos);
  EXPECT_NE(error_of("parcours.dropout={rate_per_week=$(0.1:x)}").find("expected $(lo:hi)"),
            std::string::npos);
}

TEST(Sweep, GridValuesEndAtTheHighEndDespiteRounding) {
  const std::vector<double> values = parse_axis("parcours.school_share=0:0.3:0.1")->grid();
  EXPECT_EQ(values, (std::vector<double>{0, 0.1, 0.2, 0.3}));
  EXPECT_EQ(SweepAxis::value_text(values[3]), "0.3");
}

TEST(Sweep, GridIsTheCartesianProductLastAxisFastest) {
  const SweepDesign d = grid_design(
      {*parse_axis("parcours.school_share=0:0.2:0.1"), *parse_axis("evaluation.agents=2:4:2")});
  EXPECT_EQ(d.levels, (std::vector<std::size_t>{3, 2}));
  ASSERT_EQ(d.points.size(), 6U);
  EXPECT_EQ(d.points[0], (std::vector<double>{0, 2}));
  EXPECT_EQ(d.points[1], (std::vector<double>{0, 4}));
  EXPECT_EQ(d.points[5], (std::vector<double>{0.2, 4}));
  const auto overrides = point_overrides(d, 3);
  ASSERT_EQ(overrides.size(), 2U);
  EXPECT_EQ(overrides[0].target(), "parcours.school_share");
  EXPECT_EQ(overrides[0].expression, "0.1");
  EXPECT_EQ(overrides[1].expression, "4");
}

TEST(Sweep, GridNeedsASteppedRange) {
  EXPECT_THROW(grid_design({*parse_axis("parcours.school_share=0:0.2")}), io::InputError);
}

TEST(Sweep, LatinHypercubePutsOnePointInEachStratumOfEachAxis) {
  const int n = 10;
  const SweepDesign d = latin_hypercube(
      {*parse_axis("parcours.school_share=0:0.5"), *parse_axis("evaluation.agents=10:1010")}, n, 3);
  ASSERT_EQ(d.points.size(), static_cast<std::size_t>(n));
  for (std::size_t k = 0; k < 2; ++k) {
    const double lo = d.axes[k].lo;
    const double width = (d.axes[k].hi - lo) / n;
    std::set<int> strata;
    for (const auto& p : d.points) {
      EXPECT_GE(p[k], lo);
      EXPECT_LE(p[k], d.axes[k].hi);
      strata.insert(std::min(n - 1, static_cast<int>((p[k] - lo) / width)));
    }
    EXPECT_EQ(strata.size(), static_cast<std::size_t>(n)) << "axis " << k;
  }
  for (const auto& p : d.points) EXPECT_EQ(p[1], std::round(p[1])) << "agents are integers";
  // Its own seed: the same seed gives the same design, another one a different design.
  EXPECT_EQ(latin_hypercube(d.axes, n, 3).points, d.points);
  EXPECT_NE(latin_hypercube(d.axes, n, 4).points, d.points);
}

TEST(Sweep, PointsTableGivesOneAxisPerColumn) {
  const io::CsvTable table =
      io::parse_csv("parcours.school_share,evaluation.agents\n0.1,3\n0.3,2\n0.2,5\n", "p.csv");
  const SweepDesign d = points_design(table);
  ASSERT_EQ(d.axes.size(), 2U);
  EXPECT_EQ(d.axes[0].lo, 0.1);
  EXPECT_EQ(d.axes[0].hi, 0.3);
  EXPECT_EQ(d.axes[1].lo, 2);
  EXPECT_EQ(d.axes[1].hi, 5);
  EXPECT_EQ(d.points[2], (std::vector<double>{0.2, 5}));
  try {
    points_design(io::parse_csv("parcours.school_shar\n0.1\n", "p.csv"));
    ADD_FAILURE() << "unknown column accepted";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("p.csv:1:1:"), std::string::npos) << e.what();
  }
  EXPECT_THROW(points_design(io::parse_csv("parcours.school_share\nabc\n", "p.csv")),
               io::InputError);
}

}  // namespace
}  // namespace parcours::experiment
