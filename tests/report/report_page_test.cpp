#include "report/report_page.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>

#include "io/input_error.hpp"
#include "support/temp_dir.hpp"
#include "support/text.hpp"

namespace parcours::report {
namespace {

using testing::contains;

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(PARCOURS_SOURCE_DIR) / "tests" / "data" / "report";

// A result folder holding only the named fixture files.
fs::path folder_with(const testing::TempDir& dir, std::initializer_list<const char*> files) {
  fs::path folder = dir / "results";
  fs::create_directories(folder);
  for (const char* f : files) fs::copy_file(kFixtures / f, folder / f);
  return folder;
}

ReportOptions options(Language language = Language::kEnglish) {
  ReportOptions o;
  o.language = language;
  o.chart_js = "/* stand-in for Chart.js */ var Chart = function () {};";
  return o;
}

TEST(ReportPage, EachSectionAppearsExactlyWhenItsFileExists) {
  const std::vector<std::pair<const char*, const char*>> sections{
      {"summary_quarterly.csv", "<section id=\"quarterly\">"},
      {"agreements_summary.csv", "<section id=\"costs\">"},
      {"retention_summary.csv", "<section id=\"retention\">"},
      {"comparison_yearly.csv", "<section id=\"comparison\">"},
      {"sizing.csv", "<section id=\"sizing\">"},
      {"validation.csv", "<section id=\"validation\">"},
      {"trace.csv", "<section id=\"journeys\">"}};
  for (const auto& [file, marker] : sections) {
    const testing::TempDir with;
    const std::string page =
        render_report(folder_with(with, {"summary_yearly.csv", file}), options());
    EXPECT_TRUE(contains(page, marker)) << file;
    EXPECT_TRUE(contains(page, "<section id=\"flow\">")) << file;
    EXPECT_TRUE(contains(page, "<section id=\"yearly\">")) << file;
    for (const auto& [other_file, other_marker] : sections) {
      if (other_file == file) continue;
      EXPECT_FALSE(contains(page, other_marker)) << file << " shows " << other_marker;
    }
  }
}

TEST(ReportPage, TheFlowFallsBackOnPerReplicationValues) {
  const testing::TempDir dir;
  fs::path folder = dir / "results";
  fs::create_directories(folder);
  std::ofstream(folder / "indicators_yearly.csv")
      << "replication,fiscal_year,dimension,group,indicator,value\n"
         "1,2025-2026,all,all,arrivals,100\n2,2025-2026,all,all,arrivals,300\n";
  const std::string page = render_report(folder, options());
  EXPECT_TRUE(contains(page, "<section id=\"flow\">"));
  EXPECT_FALSE(contains(page, "<section id=\"yearly\">"));
  EXPECT_TRUE(contains(page, "<td class=\"num\">200</td>")) << "the mean of 100 and 300";
}

TEST(ReportPage, TextFromTheTablesIsEscaped) {
  const testing::TempDir dir;
  const std::string page = render_report(
      folder_with(
          dir, {"agreements_summary.csv", "retention_summary.csv", "sizing.csv", "manifest.json"}),
      options());
  EXPECT_FALSE(contains(page, "<Emploi>"));
  EXPECT_FALSE(contains(page, "fixture <b>"));
  EXPECT_TRUE(contains(page, "Carrefour &lt;Emploi&gt; &amp; Co"));
  EXPECT_TRUE(contains(page, "fixture &lt;b&gt;"));
}

TEST(ReportPage, LabelsFollowTheLanguageAndUnknownNamesStayRaw) {
  const testing::TempDir dir;
  const fs::path folder =
      folder_with(dir, {"summary_yearly.csv", "agreements_summary.csv", "retention_summary.csv"});
  const std::string fr = render_report(folder, options(Language::kFrench));
  const std::string en = render_report(folder, options(Language::kEnglish));
  EXPECT_TRUE(contains(fr, "<html lang=\"fr\">"));
  EXPECT_TRUE(contains(fr, "Coûts des ententes"));
  EXPECT_TRUE(contains(fr, "Parcours commencés"));
  EXPECT_TRUE(contains(en, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(en, "Agreement costs"));
  EXPECT_TRUE(contains(en, "Job retention"));
  EXPECT_FALSE(contains(en, "Coûts des ententes"));
  for (const std::string* page : {&fr, &en}) {
    EXPECT_TRUE(contains(*page, "brand_new_indicator"));
    EXPECT_TRUE(contains(*page, "employed_after_6_months"));
  }
}

TEST(ReportPage, CostsShowAllLevelsOfTheFiscalYearAndToleratesMissingIndicators) {
  const testing::TempDir dir;
  const std::string page = render_report(folder_with(dir, {"agreements_summary.csv"}), options());
  EXPECT_TRUE(contains(page, "250,000 [237,579 – 262,421]"));
  EXPECT_FALSE(contains(page, "60,000")) << "level D1 is not 'all'";
  EXPECT_FALSE(contains(page, "190,000")) << "the agreement year is not the fiscal year";
  EXPECT_TRUE(contains(page, "Fixed price"));
  EXPECT_TRUE(contains(page, "\"fig-costs-mode\""));
  // participants_target is in no row: no column for it.
  EXPECT_FALSE(contains(page, "Participant target"));
}

TEST(ReportPage, ComparisonsMarkIntervalsThatExcludeZero) {
  const testing::TempDir dir;
  const std::string page = render_report(folder_with(dir, {"comparison_yearly.csv"}), options());
  std::size_t marks = 0;
  for (std::size_t at = page.find("<td>●</td>"); at != std::string::npos;
       at = page.find("<td>●</td>", at + 1)) {
    ++marks;
  }
  EXPECT_EQ(marks, 2U) << "dropout (+300) and employment (−20), not arrivals (0)";
  EXPECT_TRUE(contains(page, "300 [250 – 350]"));
}

TEST(ReportPage, ReadsTheColumnsParcoursCompareWritesAndNamesTheScenarios) {
  const testing::TempDir dir;
  const fs::path folder = dir / "compare";
  for (const char* side : {"a", "b"}) fs::create_directories(folder / side);
  std::ofstream(folder / "a" / "manifest.json") << R"({"scenario": {"name": "decreasing"}})";
  std::ofstream(folder / "b" / "manifest.json") << R"({"scenario": {"name": "stepped"}})";
  std::ofstream(folder / "comparison_yearly.csv")
      << "fiscal_year,dimension,group,indicator,replications,mean_a,mean_b,difference,"
         "difference_sd,ci95_low,ci95_high,unpaired_half_width,half_width_ratio\n"
         "2025-2026,all,all,parcours_ended_dropout,20,2000,2300,300,40,250,350,60,0.8\n";
  const std::string page = render_report(folder, options());
  EXPECT_TRUE(contains(page, "300 [250 – 350]"));
  EXPECT_TRUE(contains(page, "A = decreasing, B = stepped"));
}

TEST(ReportPage, SameInputsGiveTheSameBytesAndChartJsIsInlined) {
  const testing::TempDir dir;
  const fs::path folder = folder_with(
      dir, {"summary_yearly.csv", "summary_quarterly.csv", "agreements_summary.csv",
            "retention_summary.csv", "comparison_yearly.csv", "sizing.csv", "manifest.json"});
  const std::string page = render_report(folder, options());
  EXPECT_EQ(page, render_report(folder, options()));
  EXPECT_TRUE(contains(page, "/* stand-in for Chart.js */"));
  EXPECT_FALSE(contains(page, "src=\"http")) << "the page must open offline";
  ReportOptions stamped = options();
  stamped.generated = "2026-11-23 14:30 UTC";
  EXPECT_TRUE(contains(render_report(folder, stamped), "2026-11-23 14:30 UTC"));
}

TEST(ReportPage, AFolderWithNothingToReportOnIsAnInputError) {
  const testing::TempDir dir;
  EXPECT_THROW((void)render_report(folder_with(dir, {"manifest.json"}), options()), io::InputError);
  EXPECT_THROW((void)render_report(dir / "missing", options()), io::InputError);
}

TEST(ReportPage, MissingChartJsNamesTheDebianPackage) {
  try {
    (void)load_chart_js("/nonexistent/chart.min.js");
    FAIL() << "no error";
  } catch (const io::InputError& e) {
    EXPECT_TRUE(contains(e.what(), "libjs-chart.js")) << e.what();
  }
}

TEST(ReportPage, ABadNumberIsReportedWithItsLine) {
  const testing::TempDir dir;
  fs::path folder = dir / "results";
  fs::create_directories(folder);
  std::ofstream(folder / "sizing.csv") << "indicator,p50,p90\ncost,12,lots\n";
  try {
    (void)render_report(folder, options());
    FAIL() << "no error";
  } catch (const io::InputError& e) {
    EXPECT_TRUE(contains(e.what(), "sizing.csv:2:3")) << e.what();
  }
}

}  // namespace
}  // namespace parcours::report
