#include "io/input_error.hpp"

#include <string>

#include <gtest/gtest.h>

namespace {

using parcours::io::InputError;

TEST(InputError, FormatsTheKnownPartsOfTheLocation) {
  EXPECT_STREQ(InputError("a.csv", 4, 2, "bad").what(), "a.csv:4:2: bad");
  EXPECT_STREQ(InputError("a.csv", 4, "bad").what(), "a.csv:4: bad");
  EXPECT_STREQ(InputError("a.csv", "bad").what(), "a.csv: bad");
  EXPECT_STREQ(InputError("a.csv", 0, 2, "bad").what(), "a.csv: bad");
  EXPECT_STREQ(InputError("", "bad").what(), "bad");
}

TEST(InputError, KeepsTheParts) {
  const InputError e("s.lua", 12, 5, "unknown key 'x'");
  EXPECT_EQ(e.file(), "s.lua");
  EXPECT_EQ(e.line(), 12U);
  EXPECT_EQ(e.column(), 5U);
  EXPECT_EQ(e.message(), "unknown key 'x'");
  const std::runtime_error& base = e;
  EXPECT_STREQ(base.what(), "s.lua:12:5: unknown key 'x'");
  const InputError copy = e;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(copy.message(), e.message());
}

}  // namespace
