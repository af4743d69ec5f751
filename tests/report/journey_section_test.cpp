// The client journeys section (trace.csv, issue 15): the first replication's clients as
// timelines, every row in words in both languages.

#include <gtest/gtest.h>

#include <filesystem>

#include "report/sections.hpp"
#include "support/temp_dir.hpp"
#include "support/text.hpp"

namespace parcours::report {
namespace {

using testing::contains;

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(PARCOURS_SOURCE_DIR) / "tests" / "data" / "report";

TEST(JourneySection, OnlyWithTraceCsv) {
  const testing::TempDir dir;
  EXPECT_FALSE(journey_section(dir.path(), Language::kEnglish));
}

TEST(JourneySection, TheFirstReplicationsClientsInWords) {
  const testing::TempDir dir;
  fs::copy_file(kFixtures / "trace.csv", dir / "trace.csv");
  const std::optional<Section> en = journey_section(dir.path(), Language::kEnglish);
  ASSERT_TRUE(en);
  EXPECT_EQ(en->id, "journeys");
  EXPECT_TRUE(contains(en->html, "Client no. 5"));
  EXPECT_TRUE(contains(en->html, "Client no. 9"));
  EXPECT_FALSE(contains(en->html, "Client no. 4")) << "a client of the second replication";
  EXPECT_TRUE(contains(en->html, "Conclusion of the evaluation → B"));
  EXPECT_TRUE(contains(en->html, "Intervention plan → groupe_d+club"));
  EXPECT_TRUE(contains(en->html, "Left after: Parcours ended: dropout")) << en->html;
  EXPECT_TRUE(contains(en->html, "Still in the system at the end of the simulation"));
  EXPECT_TRUE(contains(en->html, "<td>A1</td>"));
  EXPECT_TRUE(contains(en->html, "12.5"));
  const std::optional<Section> fr = journey_section(dir.path(), Language::kFrench);
  ASSERT_TRUE(fr);
  EXPECT_TRUE(contains(fr->html, "Conclusion de l'évaluation → B") ||
              contains(fr->html, "Conclusion de l&#39;évaluation → B"))
      << fr->html;
  // No raw name of an event, a stage or a rule in either language.
  for (const std::string& html : {en->html, fr->html}) {
    for (const char* raw : {"interview_end", "in_interview", "policy.conclusion",
                            "in_system_at_horizon", "waiting_interview", "left after"}) {
      EXPECT_FALSE(contains(html, raw)) << raw;
    }
  }
}

}  // namespace
}  // namespace parcours::report
