#include "policy/parameter_schema.hpp"

#include <gtest/gtest.h>

#include <set>

namespace parcours::policy {
namespace {

TEST(ParameterSchema, DidYouMeanFindsCloseWordsOnly) {
  const std::vector<std::string_view> keys{"agents", "interview_hours", "conclusion_shares"};
  EXPECT_EQ(did_you_mean("agnets", keys), "agents");
  EXPECT_EQ(did_you_mean("interview_hour", keys), "interview_hours");
  EXPECT_FALSE(did_you_mean("budget", keys));
}

TEST(ParameterSchema, EveryKeyIsDocumentedAndUniqueWithinItsSection) {
  for (const SectionSpec& section : scenario_schema()) {
    std::set<std::string_view> seen;
    EXPECT_FALSE(section.doc.empty()) << section.name;
    for (const ParamSpec& p : section.params) {
      EXPECT_TRUE(seen.insert(p.key).second) << section.name << "." << p.key;
      EXPECT_FALSE(p.doc.empty()) << section.name << "." << p.key;
      // A default is a neutral value, never a number from the seeds: required keys have none.
      if (p.required) {
        EXPECT_TRUE(p.fallback.empty()) << section.name << "." << p.key;
      }
    }
  }
}

}  // namespace
}  // namespace parcours::policy
