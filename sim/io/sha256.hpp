#pragma once
// SHA-256 (FIPS 180-4), used to fingerprint scenario files in run manifests so that a result
// folder records exactly which inputs produced it.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace parcours::io {

/// Incremental hasher: update() any number of times, then hex_digest() once.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  /// Finishes the hash; the object must not be updated afterwards.
  [[nodiscard]] std::array<std::uint8_t, 32> digest();
  /// Lower-case hexadecimal digest, 64 characters.
  [[nodiscard]] std::string hex_digest();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
  bool finished_ = false;
};

/// Lower-case hexadecimal SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

/// Lower-case hexadecimal SHA-256 of a file's bytes. Throws InputError if it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

}  // namespace parcours::io
