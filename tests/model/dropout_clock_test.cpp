// Rule D6: the dropout hazard's accompaniment term from the contacts made, exactly.
#include "model/dropout_clock.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parcours::model {
namespace {

constexpr double kMonth = 365.25 / 12.0;

TEST(DropoutClock, AConstantHazardIsUsedUpAtTheMultiplierOfTheContactsMade) {
  const Hazard h = Hazard::constant(0.01);
  DropoutClock clock;
  clock.mass = 2.0;
  clock.origin = clock.since = 10.0;
  clock.base = clock.multiplier = 2.0;
  // No contact yet: the base multiplier, 2 / (0.01 x 2) = 100 days.
  EXPECT_NEAR(dropout_delay(h, clock, 10.0), 100.0, 1e-9);
  // One contact a month after the start: 1 contact per month, so exp(-0.4 x 1) on the base.
  const double now = 10.0 + kMonth;
  add_contact(h, clock, now, -0.4, kMonth);
  EXPECT_NEAR(clock.used, 0.01 * 2.0 * kMonth, 1e-12);
  EXPECT_NEAR(clock.multiplier, 2.0 * std::exp(-0.4), 1e-12);
  EXPECT_NEAR(dropout_delay(h, clock, now), (2.0 - 0.02 * kMonth) / (0.01 * 2.0 * std::exp(-0.4)),
              1e-9);
  // A second contact half a month later: 2 contacts in 1.5 months.
  add_contact(h, clock, now + kMonth / 2, -0.4, kMonth);
  EXPECT_EQ(clock.contacts, 2U);
  EXPECT_NEAR(clock.multiplier, 2.0 * std::exp(-0.4 * 2 / 1.5), 1e-12);
  EXPECT_NEAR(clock.used, 0.02 * kMonth + 0.01 * 2.0 * std::exp(-0.4) * kMonth / 2, 1e-12);
}

TEST(DropoutClock, AWeibullHazardKeepsItsAgeFromTheParcoursStart) {
  const Hazard h = Hazard::weibull(0.5, 100.0);
  DropoutClock clock;
  clock.mass = 1.0;
  clock.base = clock.multiplier = 1.0;
  // Without contacts the delay is the hazard's own inverse: H(t) = (t/100)^0.5 = 1 at t = 100.
  EXPECT_NEAR(dropout_delay(h, clock, 0.0), 100.0, 1e-9);
  add_contact(h, clock, 25.0, std::log(0.5), 25.0);  // one contact per 25 days: halves it
  // Used (25/100)^0.5 = 0.5; the other 0.5 at half the hazard: H(t) = 0.5 + 1 = 1.5.
  EXPECT_NEAR(dropout_delay(h, clock, 25.0), 225.0 - 25.0, 1e-9);
}

TEST(DropoutClock, NoAccompanimentTermMeansContactsChangeNothing) {
  Effects e;
  e.terms = {{Covariate::kLimitingCharacteristics, 0.1}, {Covariate::kAccompaniment, -0.1}};
  EXPECT_DOUBLE_EQ(accompaniment_beta(e), -0.1);
  EXPECT_EQ(accompaniment_beta(Effects{}), 0.0);
  const Hazard h = Hazard::constant(0.02);
  DropoutClock clock;
  clock.mass = 1.0;
  clock.base = clock.multiplier = 1.0;
  add_contact(h, clock, 10.0, 0.0, kMonth);
  EXPECT_NEAR(dropout_delay(h, clock, 10.0) + 10.0, 50.0, 1e-9);
}

}  // namespace
}  // namespace parcours::model
