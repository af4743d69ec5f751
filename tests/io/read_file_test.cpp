#include "io/read_file.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "support/temp_dir.hpp"

namespace parcours::io {
namespace {

// The message of the InputError read_file throws ("" if none).
std::string refusal(const std::filesystem::path& path, std::size_t max_bytes = 1 << 20) {
  try {
    read_file(path, max_bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ReadFile, ReadsTheBytesUnchanged) {
  const testing::TempDir dir;
  const std::string bytes("a,b\r\n1,\xff\n", 9);
  std::ofstream(dir / "x.csv", std::ios::binary) << bytes;
  EXPECT_EQ(read_file(dir / "x.csv"), bytes);
  EXPECT_EQ(read_file(dir / "x.csv", bytes.size()), bytes);  // the limit is inclusive
}

TEST(ReadFile, RefusesWhatIsNotARegularFile) {
  const testing::TempDir dir;
  EXPECT_NE(refusal(dir / "missing").find("cannot open file: No such file"), std::string::npos);
  EXPECT_NE(refusal(dir.path()).find("it is a directory"), std::string::npos);
  // A FIFO with no writer: opening must not wait for one.
  ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_NE(refusal(dir / "fifo").find("not a regular file"), std::string::npos);
  // A device that never ends.
  EXPECT_NE(refusal("/dev/zero").find("/dev/zero: cannot read it: not a regular file"),
            std::string::npos);
}

TEST(ReadFile, RefusesAFileAboveTheLimitBeforeReadingIt) {
  const testing::TempDir dir;
  std::ofstream(dir / "big") << std::string(3000, 'x');
  EXPECT_NE(refusal(dir / "big", 2048).find("file too large: 1 MiB (the limit is 1 MiB)"),
            std::string::npos)
      << refusal(dir / "big", 2048);
  EXPECT_EQ(refusal(dir / "big", 3000), "");
}

TEST(ReadFile, NamesTheFileAsTheCallerShowsIt) {
  const testing::TempDir dir;
  try {
    read_file(dir / "missing", 100, "data/missing.csv");
    FAIL() << "a missing file was read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "data/missing.csv");
  }
}

}  // namespace
}  // namespace parcours::io
