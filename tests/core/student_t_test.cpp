#include "core/student_t.hpp"

#include <gtest/gtest.h>

namespace parcours::core {
namespace {

TEST(StudentT, QuantilesMatchPublishedTables) {
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.7062, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 9), 2.2622, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 30), 2.0423, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.95996, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.025, 9), -2.2622, 1e-4);
}

TEST(StudentT, CdfIsSymmetric) {
  EXPECT_DOUBLE_EQ(student_t_cdf(0.0, 5), 0.5);
  EXPECT_NEAR(student_t_cdf(1.3, 4) + student_t_cdf(-1.3, 4), 1.0, 1e-12);
}

}  // namespace
}  // namespace parcours::core
