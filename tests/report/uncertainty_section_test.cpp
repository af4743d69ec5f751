// The uncertain parameters' section (uncertainty_ranking.csv, issue 15): the first fiscal
// year's indicators the parameters explain, each parameter's share, in both languages.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "report/sections.hpp"
#include "support/temp_dir.hpp"
#include "support/text.hpp"

namespace parcours::report {
namespace {

using testing::contains;

namespace fs = std::filesystem;

void write_ranking(const fs::path& folder) {
  std::ofstream out(folder / "uncertainty_ranking.csv");
  out << "fiscal_year,indicator,rank,parameter,variance_share,standardised_coefficient,"
         "partial_rank_correlation,r_squared,replications\n"
         "2025-2026,parcours_ended_dropout,1,parcours.dropout.rate_per_week,0.81,0.9,0.95,0.82,40\n"
         "2025-2026,parcours_ended_dropout,2,accompaniment.agent_share,0.01,0.1,0.08,0.82,40\n"
         "2025-2026,interviews,1,accompaniment.agent_share,0.02,0.14,0.1,0.03,40\n"
         "2026-2027,parcours_ended_dropout,1,parcours.dropout.rate_per_week,0.7,0.84,0.9,0.71,40\n";
}

TEST(UncertaintySection, OnlyWithTheRanking) {
  const testing::TempDir dir;
  EXPECT_FALSE(uncertainty_section(dir.path(), Language::kEnglish));
}

TEST(UncertaintySection, TheFirstYearsExplainedIndicatorsWithEachParametersShare) {
  const testing::TempDir dir;
  write_ranking(dir.path());
  const std::optional<Section> en = uncertainty_section(dir.path(), Language::kEnglish);
  ASSERT_TRUE(en);
  EXPECT_EQ(en->id, "uncertainty");
  EXPECT_TRUE(contains(en->html, "2025-2026, 40 replications")) << en->html;
  EXPECT_TRUE(contains(en->html, "parcours.dropout.rate_per_week"));
  EXPECT_TRUE(contains(en->html, "81 %")) << en->html;
  EXPECT_TRUE(contains(en->html, ">1 %<")) << "the inert parameter's share is shown";
  EXPECT_FALSE(contains(en->html, "70 %")) << "the second year";
  ASSERT_EQ(en->figures.size(), 1U);
  const auto& labels = en->figures[0]["variants"]["all"]["labels"];
  ASSERT_EQ(labels.size(), 1U) << "interviews: the parameters explain 3 % of it, not shown";
  const std::optional<Section> fr = uncertainty_section(dir.path(), Language::kFrench);
  ASSERT_TRUE(fr);
  EXPECT_TRUE(contains(fr->html, "81 %")) << fr->html;
  for (const std::string& html : {en->html, fr->html}) {
    EXPECT_FALSE(contains(html, "parcours_ended_dropout")) << "an indicator by its raw name";
    EXPECT_FALSE(contains(html, "uncertainty.")) << "a missing label";
  }
}

}  // namespace
}  // namespace parcours::report
