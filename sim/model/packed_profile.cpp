#include "model/packed_profile.hpp"

#include <stdexcept>
#include <string>

namespace parcours::model {

void PackedProfile::put(std::uint64_t& bits, Field f, unsigned value, Attribute a) {
  static_assert(kFlags + kFlagCount <= 64);
  static_assert(kMaxAge <= mask(kAge) && kMaxRegion <= mask(kRegion) &&
                kMaxMonths <= mask(kOnAssistance) && kMaxMonths <= mask(kOutOfWork));
  if (value > max_value(a)) {
    throw std::out_of_range("PackedProfile: " + std::string(name_of(a)) + " = " +
                            std::to_string(value) + " is past its range");
  }
  bits |= std::uint64_t{value} << f.shift;
}

PackedProfile::PackedProfile(const Profile& p) {
  std::uint64_t bits = 0;
  put(bits, kAge, p.age, Attribute::kAge);
  put(bits, kRegion, p.region, Attribute::kRegion);
  put(bits, kIncome, static_cast<unsigned>(p.income_support), Attribute::kIncomeSupport);
  put(bits, kSchooling, static_cast<unsigned>(p.schooling), Attribute::kSchooling);
  if (p.needs > mask(kNeeds)) throw std::out_of_range("PackedProfile: needs past its 4 domains");
  bits |= std::uint64_t{p.needs} << kNeeds.shift;
  put(bits, kOnAssistance, p.months_on_assistance, Attribute::kMonthsOnAssistance);
  put(bits, kOutOfWork, p.months_out_of_work, Attribute::kMonthsOutOfWork);
  for (unsigned i = 0; i < kFlagCount; ++i) {
    bits |= std::uint64_t{p.*kFlagMembers[i]} << (kFlags + i);
  }
  bits_ = bits;
}

}  // namespace parcours::model
