#include "model/gaussian_copula.hpp"

#include <gtest/gtest.h>

#include "support/errors.hpp"
#include "support/text.hpp"

#include <array>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace parcours::model {
namespace {

using testing::contains;

constexpr std::array<std::string_view, 3> kNames{"age", "female", "schooling"};

std::string error_of(const std::function<void()>& make) {
  return parcours::testing::invalid_argument_of(make);
}

std::string copula_error(const CorrelationMatrix& c) {
  return error_of([&] { GaussianCopula copula(c, kNames); });
}

TEST(GaussianCopula, StandardNormalCdfKnownValues) {
  // Reference values of Φ (Abramowitz and Stegun, table 26.1).
  EXPECT_DOUBLE_EQ(standard_normal_cdf(0.0), 0.5);
  EXPECT_NEAR(standard_normal_cdf(1.0), 0.8413447460685429, 1e-15);
  EXPECT_NEAR(standard_normal_cdf(-1.959963984540054), 0.025, 1e-15);
}

TEST(GaussianCopula, AcceptsAValidMatrix) {
  const CorrelationMatrix c{{1, 0.3, -0.2}, {0.3, 1, 0.1}, {-0.2, 0.1, 1}};
  const GaussianCopula copula(c, kNames);
  EXPECT_EQ(copula.dimension(), 3U);
}

TEST(GaussianCopula, RejectsTheWrongNumberOfRows) {
  const std::string msg = copula_error({{1, 0}, {0, 1}});
  EXPECT_TRUE(contains(msg, "2 rows, expected 3")) << msg;
  EXPECT_TRUE(contains(msg, "age female schooling")) << msg;
}

TEST(GaussianCopula, RejectsANonSquareMatrix) {
  const std::string msg = copula_error({{1, 0, 0}, {0, 1}, {0, 0, 1}});
  EXPECT_TRUE(contains(msg, "row 2 (female) has 2 entries, expected 3")) << msg;
}

TEST(GaussianCopula, RejectsAnEntryOutsideMinusOneOne) {
  const std::string msg = copula_error({{1, 1.5, 0}, {1.5, 1, 0}, {0, 0, 1}});
  EXPECT_TRUE(contains(msg, "(age, female) = 1.5 is outside [-1, 1]")) << msg;
}

TEST(GaussianCopula, RejectsNotANumber) {
  const double nan = std::nan("");
  const std::string msg = copula_error({{1, 0, 0}, {0, 1, nan}, {0, nan, 1}});
  EXPECT_TRUE(contains(msg, "(female, schooling)")) << msg;
}

TEST(GaussianCopula, RejectsADiagonalOtherThanOne) {
  const std::string msg = copula_error({{1, 0, 0}, {0, 0.9, 0}, {0, 0, 1}});
  EXPECT_TRUE(contains(msg, "diagonal entry for female is 0.9")) << msg;
}

TEST(GaussianCopula, RejectsAnAsymmetricMatrix) {
  const std::string msg = copula_error({{1, 0, 0.2}, {0, 1, 0}, {0.3, 0, 1}});
  EXPECT_TRUE(contains(msg, "not symmetric")) << msg;
  EXPECT_TRUE(contains(msg, "(schooling, age) = 0.3")) << msg;
}

TEST(GaussianCopula, RejectsANonPositiveDefiniteMatrixNamingTheConflictAndAFix) {
  // age and female move together, as do age and schooling, yet female and schooling are
  // opposed: no three random variables can do that.
  const std::string msg = copula_error({{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}});
  EXPECT_TRUE(contains(msg, "not positive definite")) << msg;
  EXPECT_TRUE(contains(msg, "among age, female and schooling")) << msg;
  EXPECT_TRUE(contains(msg, "nearest valid matrix changes (age, female) 0.9 -> ")) << msg;
}

TEST(GaussianCopula, RejectsAPerfectCorrelation) {
  const std::string msg = copula_error({{1, 0, 0}, {0, 1, -1}, {0, -1, 1}});
  EXPECT_TRUE(contains(msg, "female and schooling are perfectly correlated")) << msg;
  EXPECT_TRUE(contains(msg, "lower (female, schooling) below 1 in absolute value")) << msg;
}

TEST(GaussianCopula, NearestCorrelationMatchesHighamsExample) {
  // Higham (2002), "Computing the nearest correlation matrix", worked example: the nearest
  // correlation matrix to this one, printed to four decimals.
  const CorrelationMatrix a{{1, 1, 0}, {1, 1, 1}, {0, 1, 1}};
  const CorrelationMatrix x = nearest_correlation(a, 0.0);
  const double printed = 0.5e-4;  // half a unit of the last printed decimal
  EXPECT_NEAR(x[0][1], 0.7607, printed);
  EXPECT_NEAR(x[0][2], 0.1573, printed);
  EXPECT_NEAR(x[1][2], 0.7607, printed);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(x[i][i], 1.0);
    for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(x[i][j], x[j][i]);
  }
}

TEST(GaussianCopula, NearestCorrelationIsAcceptedAndLeavesAValidMatrixAlone) {
  const CorrelationMatrix bad{{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}};
  const CorrelationMatrix fixed = nearest_correlation(bad);
  EXPECT_NO_THROW(GaussianCopula(fixed, kNames));

  const CorrelationMatrix good{{1, 0.3, -0.2}, {0.3, 1, 0.1}, {-0.2, 0.1, 1}};
  const CorrelationMatrix same = nearest_correlation(good);
  for (std::size_t i = 0; i < 3; ++i) {
    // Iterations stop when a step moves the matrix by less than 1e-12 per row.
    for (std::size_t j = 0; j < 3; ++j) EXPECT_NEAR(same[i][j], good[i][j], 1e-9);
  }
}

TEST(GaussianCopula, DrawsUniformsOnTheUnitInterval) {
  const GaussianCopula copula({{1, 0.5}, {0.5, 1}}, std::span(kNames).first(2));
  constexpr int kDraws = 20000;
  int below_quarter = 0;
  for (int i = 0; i < kDraws; ++i) {
    core::RandomStream rng(core::StreamKey{7, 0}, static_cast<std::uint64_t>(i), 1);
    std::array<double, 2> u{};
    copula.draw(rng, u);
    ASSERT_GE(u[0], 0.0);
    ASSERT_LE(u[1], 1.0);
    below_quarter += u[1] < 0.25 ? 1 : 0;
  }
  const double share = below_quarter / static_cast<double>(kDraws);
  EXPECT_NEAR(share, 0.25, 4 * std::sqrt(0.25 * 0.75 / kDraws));
}

}  // namespace
}  // namespace parcours::model
