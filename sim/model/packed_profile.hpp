#pragma once
// A Profile in 8 bytes. ClientTable keeps one per slot: at 10 million clients (2.3 million in
// the system) the 22-byte struct was 51 MB, the largest table after the client records
// (issue 14). Profiles are read at decision points only, so the few shifts of unpacking one
// cost nothing that shows; every field keeps its whole range (profile.cpp's max_value).

#include <cstdint>

#include "model/profile.hpp"

namespace parcours::model {

class PackedProfile {
 public:
  PackedProfile() : PackedProfile(Profile{}) {}
  /// Throws std::out_of_range if a field is past its attribute's range (max_value): a profile
  /// is never stored altered.
  explicit PackedProfile(const Profile& p);
  [[nodiscard]] Profile unpack() const;

 private:
  std::uint64_t bits_ = 0;
};
static_assert(sizeof(PackedProfile) == 8);

}  // namespace parcours::model
