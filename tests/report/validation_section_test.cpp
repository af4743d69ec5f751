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

TEST(ValidationSection, OnlyWithValidationCsv) {
  const testing::TempDir dir;
  EXPECT_FALSE(validation_section(dir.path(), Language::kEnglish));
}

TEST(ValidationSection, PublishedAgainstSimulatedWithTheScoreAndTheMisses) {
  const testing::TempDir dir;
  fs::copy_file(kFixtures / "validation.csv", dir / "validation.csv");
  const std::optional<Section> en = validation_section(dir.path(), Language::kEnglish);
  ASSERT_TRUE(en);
  EXPECT_EQ(en->id, "validation");
  EXPECT_EQ(en->title, "Published vs simulated");
  EXPECT_TRUE(contains(en->html, "Targets within tolerance: 1 / 2"));
  EXPECT_TRUE(contains(en->html, "64,000 [63,800 – 64,200]"));
  EXPECT_TRUE(contains(en->html, "58,500 – 71,500"));
  EXPECT_TRUE(contains(en->html, "income_support = ei"));
  EXPECT_TRUE(contains(en->html, "<td>●</td>"));
  EXPECT_TRUE(contains(en->html, "<td>✗</td>"));
  EXPECT_TRUE(contains(en->html, "MTESS, 2018-19"));
  ASSERT_EQ(en->figures.size(), 1U);
  const auto& data = en->figures[0]["variants"]["all"]["series"][0]["data"];
  EXPECT_NEAR(data[0].get<double>(), 100.0 * 64000 / 65000, 1e-9);
  EXPECT_NEAR(data[1].get<double>(), 100.0 * 0.3 / 0.45, 1e-9);
  const std::optional<Section> fr = validation_section(dir.path(), Language::kFrench);
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->title, "Chiffres publiés et simulés");
  EXPECT_TRUE(contains(fr->html, "Toute la clientèle"));
}

}  // namespace
}  // namespace parcours::report
