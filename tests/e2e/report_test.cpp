// `parcours report` end to end: a real run, the report written by the real program, and the
// page rendered by headless Chromium, which must draw every figure.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;
using testing::slurp;

const char* const kChartJs = "/usr/share/javascript/chart.js/chart.min.js";

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// The page's DOM after its scripts ran, as headless Chromium serialises it.
std::string rendered_dom(const fs::path& page, const fs::path& scratch) {
  const fs::path out = scratch / "dom.html";
  const std::string command =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--disable-dev-shm-usage "
      "--user-data-dir=" +
      (scratch / "profile").string() + " --window-size=1200,2400 --dump-dom 'file://" +
      fs::absolute(page).string() + "' > " + out.string() + " 2>/dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return slurp(out);
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A small run, plus the agreement, retention, comparison and sizing fixtures, so that every
// section and every kind of figure is on the page.
fs::path result_folder(const testing::TempDir& dir) {
  std::ofstream(dir / "s.lua") << testing::kSmallScenario;
  const fs::path out = dir / "results";
  const auto r = run_parcours("run " + (dir / "s.lua").string() + " -q -r 2 --no-registry --out " +
                              out.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const fs::path fixtures = fs::path(PARCOURS_SOURCE_DIR) / "tests" / "data" / "report";
  for (const char* f :
       {"agreements_summary.csv", "retention_summary.csv", "comparison_yearly.csv", "sizing.csv"}) {
    // Overwrite: once runs write agreement tables themselves, the fixtures stand in for them.
    fs::copy_file(fixtures / f, out / f, fs::copy_options::overwrite_existing);
  }
  return out;
}

TEST(Report, WritesOneDeterministicPageIntoTheFolder) {
  if (!fs::exists(kChartJs)) GTEST_SKIP() << "libjs-chart.js is not installed";
  const testing::TempDir dir;
  const fs::path folder = result_folder(dir);
  auto r = run_parcours("report " + folder.string() + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string first = slurp(folder / "report.fr.html");
  EXPECT_NE(first.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(first.find("Chart.js v3"), std::string::npos) << "Chart.js is inlined";
  r = run_parcours("report " + folder.string() + " -q --out " + (dir / "again.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(slurp(dir / "again.html"), first);
  r = run_parcours("report " + folder.string() + " --lang en --out " + (dir / "en.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("wrote"), std::string::npos);
  EXPECT_NE(slurp(dir / "en.html").find("The clients&#39; pathway"), std::string::npos);
}

TEST(Report, EachLanguageHasItsOwnDefaultFile) {
  if (!fs::exists(kChartJs)) GTEST_SKIP() << "libjs-chart.js is not installed";
  const testing::TempDir dir;
  const fs::path folder = result_folder(dir);
  ASSERT_EQ(run_parcours("report " + folder.string() + " -q").exit_code, 0);
  ASSERT_EQ(run_parcours("report " + folder.string() + " -q --lang en").exit_code, 0);
  EXPECT_NE(slurp(folder / "report.fr.html").find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(slurp(folder / "report.en.html").find("<html lang=\"en\">"), std::string::npos);
  // Written again over its own page: allowed.
  EXPECT_EQ(run_parcours("report " + folder.string() + " -q").exit_code, 0);
}

TEST(Report, NeverWritesOverAnInput) {
  if (!fs::exists(kChartJs)) GTEST_SKIP() << "libjs-chart.js is not installed";
  const testing::TempDir dir;
  const fs::path folder = result_folder(dir);
  const std::string table = slurp(folder / "summary_yearly.csv");
  const std::string manifest = slurp(folder / "manifest.json");
  std::ofstream(dir / "notes.html") << "<p>my notes</p>";
  for (const fs::path& target : {folder / "summary_yearly.csv", folder / "manifest.json", folder,
                                 dir / "notes.html", folder / "sub" / ".." / "sizing.csv"}) {
    const auto r = run_parcours("report " + folder.string() + " -q --out " + target.string());
    EXPECT_EQ(r.exit_code, 1) << target << r.output;
    EXPECT_NE(r.output.find(target.string() + ":"), std::string::npos) << r.output;
  }
  EXPECT_EQ(slurp(folder / "summary_yearly.csv"), table);
  EXPECT_EQ(slurp(folder / "manifest.json"), manifest);
  EXPECT_EQ(slurp(dir / "notes.html"), "<p>my notes</p>");
  EXPECT_TRUE(fs::is_directory(folder));
}

TEST(Report, BadInputIsOneLineAndExitCodeOne) {
  const testing::TempDir dir;
  auto r = run_parcours("report " + (dir / "nothing").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("nothing: not a result folder"), std::string::npos) << r.output;
  r = run_parcours("report " + dir.path().string() + " --chartjs /nonexistent.js");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("apt-get install libjs-chart.js"), std::string::npos) << r.output;
  r = run_parcours("report " + dir.path().string() + " --lang de");
  EXPECT_NE(r.exit_code, 0);
}

TEST(Report, ChromiumDrawsEveryFigure) {
  if (!have_chromium()) GTEST_SKIP() << "chromium is not installed (scripts/setup installs it)";
  if (!fs::exists(kChartJs)) GTEST_SKIP() << "libjs-chart.js is not installed";
  const testing::TempDir dir;
  const fs::path folder = result_folder(dir);
  const fs::path page = dir / "report.html";
  ASSERT_EQ(
      run_parcours("report " + folder.string() + " -q --lang en --out " + page.string()).exit_code,
      0);
  const std::string dom = rendered_dom(page, dir.path());
  // One figure of each kind: stacked flow, bands, stacked and grouped bars, intervals, forest.
  for (const char* id : {"fig-flow", "fig-q-arrivals", "fig-costs-period", "fig-costs-mode",
                         "fig-retention-1", "fig-comparison"}) {
    EXPECT_NE(dom.find("<canvas id=\"" + std::string(id) + "\""), std::string::npos) << id;
  }
  const std::size_t canvases = count(dom, "<canvas");
  EXPECT_GE(canvases, 14U) << "the flow, 8 quarterly, 2 cost, 2 retention, 1 comparison";
  EXPECT_EQ(count(dom, "data-rendered=\"true\""), canvases)
      << "every canvas has been drawn on by Chart.js";
  EXPECT_NE(dom.find("data-figures-drawn=\"" + std::to_string(canvases) + "\""), std::string::npos);
}

}  // namespace
}  // namespace parcours
