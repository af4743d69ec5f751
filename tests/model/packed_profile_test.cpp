// A profile packed in 8 bytes keeps every value of every attribute (issue 14).
#include "model/packed_profile.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/random_stream.hpp"

namespace {

using parcours::model::Attribute;
using parcours::model::get_attribute;
using parcours::model::kAttributeCount;
using parcours::model::max_value;
using parcours::model::name_of;
using parcours::model::PackedProfile;
using parcours::model::Profile;
using parcours::model::set_attribute;
namespace core = parcours::core;

void expect_same(const Profile& a, const Profile& b) {
  for (std::size_t i = 0; i < kAttributeCount; ++i) {
    const auto at = static_cast<Attribute>(i);
    EXPECT_EQ(get_attribute(a, at), get_attribute(b, at)) << name_of(at);
  }
}

TEST(PackedProfile, EveryAttributeKeepsItsWholeRange) {
  // Each attribute at 0, at its largest value and at a value in between, the others at theirs.
  for (const double where : {0.0, 0.5, 1.0}) {
    Profile p;
    for (std::size_t i = 0; i < kAttributeCount; ++i) {
      const auto a = static_cast<Attribute>(i);
      set_attribute(p, a, where * max_value(a));
    }
    expect_same(PackedProfile(p).unpack(), p);
  }
}

TEST(PackedProfile, RandomProfilesComeBackWhole) {
  core::RandomStream rng(core::StreamKey{3, 0}, 1, 1);
  for (int k = 0; k < 2000; ++k) {
    Profile p;
    for (std::size_t i = 0; i < kAttributeCount; ++i) {
      const auto a = static_cast<Attribute>(i);
      set_attribute(p, a,
                    static_cast<double>(rng.below(static_cast<std::uint64_t>(max_value(a)) + 1)));
    }
    expect_same(PackedProfile(p).unpack(), p);
  }
}

TEST(PackedProfile, ADefaultIsTheDefaultProfile) {
  expect_same(PackedProfile().unpack(), Profile{});
}

TEST(PackedProfile, AValuePastItsRangeIsRefusedNotCut) {
  Profile p;
  p.months_on_assistance =
      static_cast<std::uint16_t>(max_value(Attribute::kMonthsOnAssistance) + 1);
  EXPECT_THROW(PackedProfile{p}, std::out_of_range);
  Profile q;
  q.age = static_cast<std::uint8_t>(max_value(Attribute::kAge) + 1);
  EXPECT_THROW(PackedProfile{q}, std::out_of_range);
}

}  // namespace
