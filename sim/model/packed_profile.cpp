#include "model/packed_profile.hpp"

#include <stdexcept>
#include <string>

namespace parcours::model {

namespace {

// Each attribute's bits: wide enough for 0 to max_value (checked below at compile time).
struct Field {
  unsigned shift;
  unsigned width;
};
constexpr Field kAge{0, 7};
constexpr Field kRegion{7, 8};
constexpr Field kIncome{15, 2};
constexpr Field kSchooling{17, 2};
constexpr Field kNeeds{19, kDomainCount};
constexpr Field kOnAssistance{23, 11};
constexpr Field kOutOfWork{34, 11};
constexpr unsigned kFlags = 45;  // the booleans, one bit each, in the order of kFlagOf
constexpr unsigned kFlagCount = 11;
static_assert(kFlags + kFlagCount <= 64);
static_assert(kMaxAge < (1U << kAge.width) && kMaxMonths < (1U << kOnAssistance.width) &&
              kMaxMonths < (1U << kOutOfWork.width) && kMaxRegion < (1U << kRegion.width));

constexpr std::uint64_t mask(Field f) { return (std::uint64_t{1} << f.width) - 1; }

void put(std::uint64_t& bits, Field f, unsigned value, Attribute a) {
  if (value > max_value(a)) {
    throw std::out_of_range("PackedProfile: " + std::string(name_of(a)) + " = " +
                            std::to_string(value) + " is past its range");
  }
  bits |= std::uint64_t{value} << f.shift;
}
unsigned get(std::uint64_t bits, Field f) {
  return static_cast<unsigned>((bits >> f.shift) & mask(f));
}

template <typename Visit>
void for_each_flag(Profile& p, Visit&& visit) {
  bool* flags[kFlagCount] = {&p.female,
                             &p.objectif_emploi,
                             &p.single_parent,
                             &p.children_under_5,
                             &p.health_constraints,
                             &p.leaving_institution,
                             &p.disability,
                             &p.immigrant,
                             &p.judicial_record,
                             &p.professional_objective,
                             &p.meets_requirements};
  for (unsigned i = 0; i < kFlagCount; ++i) visit(*flags[i], kFlags + i);
}

}  // namespace

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
  Profile copy = p;
  for_each_flag(copy, [&bits](bool& flag, unsigned bit) { bits |= std::uint64_t{flag} << bit; });
  bits_ = bits;
}

Profile PackedProfile::unpack() const {
  Profile p;
  p.age = static_cast<std::uint8_t>(get(bits_, kAge));
  p.region = static_cast<std::uint8_t>(get(bits_, kRegion));
  p.income_support = static_cast<IncomeSupport>(get(bits_, kIncome));
  p.schooling = static_cast<Schooling>(get(bits_, kSchooling));
  p.needs = static_cast<std::uint8_t>(get(bits_, kNeeds));
  p.months_on_assistance = static_cast<std::uint16_t>(get(bits_, kOnAssistance));
  p.months_out_of_work = static_cast<std::uint16_t>(get(bits_, kOutOfWork));
  const std::uint64_t bits = bits_;
  for_each_flag(p, [bits](bool& flag, unsigned bit) { flag = ((bits >> bit) & 1U) != 0; });
  return p;
}

}  // namespace parcours::model
