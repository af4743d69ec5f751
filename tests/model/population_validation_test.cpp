// Population margins that cannot describe a population are refused with a message naming the
// margin and what was expected (sim/model/population.cpp); the draws themselves are tested in
// population_test.cpp.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/population.hpp"
#include "support/errors.hpp"
#include "support/population_margins.hpp"
#include "support/text.hpp"

namespace parcours::model {
namespace {

using testing::contains;

using testing::categorical;
using testing::identity;
using testing::numeric;
using testing::two_durations;

std::string error_of(const std::function<void()>& make) {
  return parcours::testing::invalid_argument_of(make);
}

std::string copula_error(std::vector<Margin> margins, const CorrelationMatrix& c) {
  return error_of([&] { CopulaPopulation population(std::move(margins), c); });
}

TEST(CopulaPopulation, RejectsANonPositiveDefiniteMatrix) {
  const std::string msg = copula_error(
      {numeric(Attribute::kAge, {{0, 18}, {1, 64}}), categorical(Attribute::kFemale, {0.5, 0.5}),
       categorical(Attribute::kSingleParent, {0.9, 0.1})},
      {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}});
  EXPECT_TRUE(contains(msg, "not positive definite")) << msg;
  EXPECT_TRUE(contains(msg, "age, female and single_parent")) << msg;
  EXPECT_TRUE(contains(msg, "nearest valid matrix")) << msg;
}

TEST(CopulaPopulation, RejectsAMatrixOfTheWrongSize) {
  const std::string msg = copula_error(two_durations(), identity(3));
  EXPECT_TRUE(contains(msg, "3 rows, expected 2")) << msg;
  EXPECT_TRUE(contains(msg, "months_on_assistance months_out_of_work")) << msg;
}

TEST(CopulaPopulation, RejectsProbabilitiesNotSummingToOne) {
  const std::string msg =
      copula_error({categorical(Attribute::kSchooling, {0.3, 0.3, 0.3, 0.05})}, identity(1));
  EXPECT_TRUE(contains(msg, "margin of 'schooling': probabilities sum to 0.95")) << msg;
}

TEST(CopulaPopulation, RejectsANegativeProbability) {
  const std::string msg = copula_error({categorical(Attribute::kFemale, {1.2, -0.2})}, identity(1));
  EXPECT_TRUE(contains(msg, "margin of 'female': probability of value 0 is 1.2")) << msg;
}

TEST(CopulaPopulation, RejectsMoreValuesThanTheAttributeHolds) {
  const std::string msg =
      copula_error({categorical(Attribute::kIncomeSupport, {0.25, 0.25, 0.25, 0.25})}, identity(1));
  EXPECT_TRUE(contains(msg, "'income_support': 4 probabilities")) << msg;
}

TEST(CopulaPopulation, RejectsAnUnknownAttribute) {
  const std::string msg =
      copula_error({categorical(static_cast<Attribute>(99), {0.5, 0.5})}, identity(1));
  EXPECT_TRUE(contains(msg, "margin 1: unknown attribute (number 99)")) << msg;
}

TEST(CopulaPopulation, RejectsADuplicateAttribute) {
  const std::string msg = copula_error(
      {categorical(Attribute::kFemale, {0.5, 0.5}), categorical(Attribute::kRegion, {1}),
       categorical(Attribute::kFemale, {0.4, 0.6})},
      identity(3));
  EXPECT_TRUE(contains(msg, "'female' has two margins (numbers 1 and 3)")) << msg;
}

TEST(CopulaPopulation, RejectsBothOrNeitherKindOfMargin) {
  std::string msg = copula_error({Margin{Attribute::kAge, {}, {}}}, identity(1));
  EXPECT_TRUE(contains(msg, "'age': give either probabilities")) << msg;
  EXPECT_TRUE(contains(msg, "not neither")) << msg;
  msg = copula_error({Margin{Attribute::kAge, {1}, {{0, 18}, {1, 64}}}}, identity(1));
  EXPECT_TRUE(contains(msg, "not both")) << msg;
}

TEST(CopulaPopulation, RejectsQuantilesForACategoricalAttribute) {
  const std::string msg =
      copula_error({numeric(Attribute::kSchooling, {{0, 0}, {1, 3}})}, identity(1));
  EXPECT_TRUE(contains(msg, "'schooling': a categorical attribute")) << msg;
}

TEST(CopulaPopulation, RejectsBadQuantilePoints) {
  std::string msg = copula_error({numeric(Attribute::kAge, {{0, 18}})}, identity(1));
  EXPECT_TRUE(contains(msg, "at least the points p = 0 and p = 1")) << msg;
  msg = copula_error({numeric(Attribute::kAge, {{0.1, 18}, {1, 64}})}, identity(1));
  EXPECT_TRUE(contains(msg, "from p = 0 to p = 1, not from 0.1 to 1")) << msg;
  msg = copula_error({numeric(Attribute::kAge, {{0, 18}, {0.5, 40}, {0.5, 41}, {1, 64}})},
                     identity(1));
  EXPECT_TRUE(contains(msg, "strictly increasing, but p = 0.5 follows p = 0.5")) << msg;
  msg = copula_error({numeric(Attribute::kAge, {{0, 18}, {0.5, 40}, {1, 30}})}, identity(1));
  EXPECT_TRUE(contains(msg, "'age': a quantile function cannot decrease")) << msg;
  msg = copula_error({numeric(Attribute::kAge, {{0, 18}, {1, 140}})}, identity(1));
  EXPECT_TRUE(contains(msg, "'age': quantile value 140")) << msg;
}
TEST(ResampledPopulation, RejectsAnEmptyTable) {
  const std::string msg = error_of([] { ResampledPopulation population({}); });
  EXPECT_TRUE(contains(msg, "at least one client row")) << msg;
}

}  // namespace
}  // namespace parcours::model
