// The typed accessors of SectionValues: a key that is missing, or that holds another type,
// throws a logic_error naming section.key instead of reading past a map's end.

#include "policy/parameter_values.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace parcours::policy {
namespace {

SectionValues sample() {
  SectionValues s;
  s.spec = find_section("activity");
  s.values["concurrent"] = true;
  s.values["capacity"] = 12.0;
  return s;
}

std::string message_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const std::logic_error& e) {
    return e.what();
  }
  return "";
}

TEST(SectionValues, ReadsEachValueAsItsType) {
  const SectionValues s = sample();
  EXPECT_TRUE(s.flag("concurrent"));
  EXPECT_DOUBLE_EQ(s.number("capacity"), 12.0);
}

TEST(SectionValues, AMissingKeyIsAClearError) {
  const SectionValues s = sample();
  const std::string message = message_of([&] { (void)s.flag("retention_included"); });
  EXPECT_NE(message.find("activity.retention_included has no value"), std::string::npos) << message;
}

TEST(SectionValues, AMistypedKeyIsAClearError) {
  const SectionValues s = sample();
  const std::string message = message_of([&] { (void)s.flag("capacity"); });
  EXPECT_NE(message.find("activity.capacity read as a boolean"), std::string::npos) << message;
  EXPECT_NE(message_of([&] { (void)s.text("concurrent"); }), "");
}

}  // namespace
}  // namespace parcours::policy
