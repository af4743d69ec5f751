#include "model/plan_book.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace parcours::model {
namespace {

using Plan = std::vector<std::uint8_t>;

Plan activities_of(const PlanBook& book, PlanBook::Id id) {
  const auto a = book.activities(id);
  return Plan(a.begin(), a.end());
}

TEST(PlanBook, GivesOneNumberPerDistinctPlanAndItsActivitiesBack) {
  PlanBook book;
  EXPECT_TRUE(book.activities(PlanBook::kEmpty).empty());
  const Plan plans[] = {{0, 1, 2}, {2, 1, 0}, {0, 1}, {0, 1, 2, 0, 1, 2, 0, 255}, {}, {7}};
  std::vector<PlanBook::Id> ids;
  for (const Plan& p : plans) ids.push_back(book.intern(p));
  EXPECT_EQ(ids[4], PlanBook::kEmpty);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(activities_of(book, ids[i]), plans[i]) << "plan " << i;
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(ids[i], ids[j]) << i << " and " << j;
  }
  // The same plans again, in another order (the last one given is cached): the same numbers.
  for (std::size_t i = ids.size(); i-- > 0;) EXPECT_EQ(book.intern(plans[i]), ids[i]);
  EXPECT_EQ(book.intern(plans[0]), ids[0]);
  EXPECT_EQ(book.intern(plans[0]), ids[0]);
  EXPECT_EQ(book.size(), 6U);
}

TEST(PlanBook, RefusesAPlanTooLongAndThe65537thDistinctPlan) {
  PlanBook book;
  EXPECT_THROW(book.intern(Plan(kMaxPlanLength + 1, 0)), std::length_error);
  // 65 535 more distinct plans fill the book (the empty plan is the first)...
  for (unsigned i = 0; book.size() < PlanBook::kMaxPlans; ++i) {
    book.intern(Plan{static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(i >> 8U)});
  }
  // ...after which a plan already in it is still found, and a new one is refused.
  EXPECT_EQ(activities_of(book, book.intern(Plan{3, 1})), (Plan{3, 1}));
  EXPECT_THROW(book.intern(Plan{1, 2, 3}), std::length_error);
  EXPECT_EQ(book.size(), PlanBook::kMaxPlans);
  EXPECT_EQ(activities_of(book, book.intern(Plan{0, 0})), (Plan{0, 0}));
}

}  // namespace
}  // namespace parcours::model
