#include "core/statistics.hpp"

#include <gtest/gtest.h>

namespace parcours::core {
namespace {

TEST(Tally, MeanVarianceMinMax) {
  Tally t;
  for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) t.add(x);
  EXPECT_EQ(t.count(), 8U);
  EXPECT_DOUBLE_EQ(t.mean(), 5.0);
  EXPECT_DOUBLE_EQ(t.variance(), 32.0 / 7.0);
  EXPECT_EQ(t.min(), 2.0);
  EXPECT_EQ(t.max(), 9.0);
  EXPECT_DOUBLE_EQ(t.sum(), 40.0);
}

TEST(Tally, MergeEqualsOneTallyOfEverything) {
  Tally all;
  Tally a;
  Tally b;
  for (int i = 0; i < 10; ++i) {
    const double x = i * i * 0.5;
    all.add(x);
    (i < 3 ? a : b).add(x);
  }
  a.merge(b);
  EXPECT_EQ(a.count(), all.count());
  EXPECT_DOUBLE_EQ(a.mean(), all.mean());
  EXPECT_NEAR(a.variance(), all.variance(), 1e-12);
  Tally empty;
  empty.merge(all);
  EXPECT_DOUBLE_EQ(empty.mean(), all.mean());
}

TEST(TimeWeighted, AverageOfAStepFunction) {
  TimeWeighted level(0.0, 0.0);
  level.set(1.0, 2.0);  // 0 on [0,1), 2 on [1,3), 1 on [3,4]
  level.set(3.0, 1.0);
  EXPECT_DOUBLE_EQ(level.integral(4.0), 5.0);
  EXPECT_DOUBLE_EQ(level.mean(4.0), 1.25);
  level.restart(4.0);
  EXPECT_DOUBLE_EQ(level.mean(6.0), 1.0);
}

}  // namespace
}  // namespace parcours::core
