#include "io/sha256.hpp"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "support/temp_dir.hpp"

namespace {

using parcours::io::Sha256;
using parcours::io::sha256_file_hex;
using parcours::io::sha256_hex;

// FIPS 180-2, appendix B.
TEST(Sha256, FipsTestVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalUpdatesMatchOneShot) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data += static_cast<char>(i * 7 + 3);
  // Split points around the 64-byte block and 56-byte padding boundaries.
  for (const std::size_t split : {0, 1, 55, 56, 57, 63, 64, 65, 128, 999, 1000}) {
    Sha256 hasher;
    hasher.update(std::string_view(data).substr(0, split));
    hasher.update(std::string_view(data).substr(split));
    EXPECT_EQ(hasher.hex_digest(), sha256_hex(data)) << "split " << split;
  }
  // Lengths around the padding boundary, checked against one-byte-at-a-time hashing.
  for (std::size_t n = 50; n < 130; ++n) {
    Sha256 hasher;
    for (std::size_t i = 0; i < n; ++i) hasher.update(std::string_view(data).substr(i, 1));
    EXPECT_EQ(hasher.hex_digest(), sha256_hex(data.substr(0, n))) << "length " << n;
  }
}

TEST(Sha256, HashesFiles) {
  const parcours::testing::TempDir dir;
  const auto path = dir / "abc.txt";
  std::ofstream(path, std::ios::binary) << "abc";
  EXPECT_EQ(sha256_file_hex(path),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_THROW(static_cast<void>(sha256_file_hex(dir / "missing")), parcours::io::InputError);
}

}  // namespace
