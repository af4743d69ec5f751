#pragma once
// A Profile in 8 bytes, in the client's record (client.hpp): at 10 million clients (2.3
// million in the system) the 22-byte struct was 51 MB, the largest table after the client
// records (issue 14). Every field keeps its whole range (profile.cpp's max_value). A decision
// point unpacks the whole profile, a few shifts; it comes with the record the event already
// read (in a table of its own, unfetched, at 4 million clients, it was 11 % of the run).

#include <cstdint>

#include "model/profile.hpp"

namespace parcours::model {

class PackedProfile {
 public:
  PackedProfile() : PackedProfile(Profile{}) {}
  /// Throws std::out_of_range if a field is past its attribute's range (max_value): a profile
  /// is never stored altered.
  explicit PackedProfile(const Profile& p);
  /// Inline: decision points unpack a profile several times per client.
  [[nodiscard]] Profile unpack() const {
    Profile p;
    p.age = static_cast<std::uint8_t>(get(kAge));
    p.region = static_cast<std::uint8_t>(get(kRegion));
    p.income_support = static_cast<IncomeSupport>(get(kIncome));
    p.schooling = static_cast<Schooling>(get(kSchooling));
    p.needs = static_cast<std::uint8_t>(get(kNeeds));
    p.months_on_assistance = static_cast<std::uint16_t>(get(kOnAssistance));
    p.months_out_of_work = static_cast<std::uint16_t>(get(kOutOfWork));
    for (unsigned i = 0; i < kFlagCount; ++i) {
      p.*kFlagMembers[i] = ((bits_ >> (kFlags + i)) & 1U) != 0;
    }
    return p;
  }
  /// Two fields read without unpacking the rest (ClientTable::groups, Client::support).
  [[nodiscard]] std::uint8_t region() const { return static_cast<std::uint8_t>(get(kRegion)); }
  [[nodiscard]] IncomeSupport income_support() const {
    return static_cast<IncomeSupport>(get(kIncome));
  }

 private:
  // Each attribute's bits: wide enough for 0 to max_value (checked in packed_profile.cpp).
  struct Field {
    unsigned shift;
    unsigned width;
  };
  static constexpr Field kAge{0, 7};
  static constexpr Field kRegion{7, 8};
  static constexpr Field kIncome{15, 2};
  static constexpr Field kSchooling{17, 2};
  static constexpr Field kNeeds{19, kDomainCount};
  static constexpr Field kOnAssistance{23, 11};
  static constexpr Field kOutOfWork{34, 11};
  static constexpr unsigned kFlags = 45;  // the booleans, one bit each, in kFlagMembers' order
  static constexpr unsigned kFlagCount = 11;
  static constexpr bool Profile::*kFlagMembers[kFlagCount] = {&Profile::female,
                                                              &Profile::objectif_emploi,
                                                              &Profile::single_parent,
                                                              &Profile::children_under_5,
                                                              &Profile::health_constraints,
                                                              &Profile::leaving_institution,
                                                              &Profile::disability,
                                                              &Profile::immigrant,
                                                              &Profile::judicial_record,
                                                              &Profile::professional_objective,
                                                              &Profile::meets_requirements};
  static constexpr std::uint64_t mask(Field f) { return (std::uint64_t{1} << f.width) - 1; }
  [[nodiscard]] unsigned get(Field f) const {
    return static_cast<unsigned>((bits_ >> f.shift) & mask(f));
  }
  static void put(std::uint64_t& bits, Field f, unsigned value, Attribute a);

  std::uint64_t bits_ = 0;
};
static_assert(sizeof(PackedProfile) == 8);

}  // namespace parcours::model
