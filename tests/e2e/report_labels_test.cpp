// The report shows people labels, never the program's identifiers: the baseline's run, a
// comparison and a size folder, in French and in English, have no snake_case name in their
// visible text (tables, headings, paragraphs) nor in the labels their figures draw.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "support/cli.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;
using testing::slurp;

const char* const kChartJs = "/usr/share/javascript/chart.js/chart.min.js";
const fs::path kScenarios = fs::path(PARCOURS_SOURCE_DIR) / "scenarios";

// Everything between `open` and `close` (both included) replaced by a space. Plain search, not
// std::regex: its recursion overflows the stack on a page of this size.
std::string cut(const std::string& text, const std::string& open, const std::string& close) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t start = text.find(open); start != std::string::npos;
       start = text.find(open, at)) {
    out += text.substr(at, start - at) + " ";
    const std::size_t end = text.find(close, start + open.size());
    at = end == std::string::npos ? text.size() : end + close.size();
  }
  return out + text.substr(std::min(at, text.size()));
}

// Text a reader sees: the page without its style, its scripts (the figure data is checked
// apart), <code> (names the user wrote, such as scenario names, shown as written) and tags.
std::string visible_text(std::string html) {
  for (const char* element : {"style", "script", "code"}) {
    html = cut(html, std::string("<") + element, std::string("</") + element + ">");
  }
  return cut(html, "<", ">");
}

// The strings the figures draw: series labels, category labels and axis titles.
std::string figure_labels(const std::string& html) {
  const std::size_t start = html.find("id=\"report-data\"");
  if (start == std::string::npos) return "";
  const std::string data = html.substr(start, html.find("</script>", start) - start);
  std::string out;
  for (const std::string key : {"\"label\":\"", "\"y_title\":\""}) {
    for (std::size_t at = data.find(key); at != std::string::npos; at = data.find(key, at + 1)) {
      const std::size_t from = at + key.size();
      out += data.substr(from, data.find('"', from) - from) + "\n";
    }
  }
  const std::string list = "\"labels\":[";
  for (std::size_t at = data.find(list); at != std::string::npos; at = data.find(list, at + 1)) {
    const std::size_t from = at + list.size();
    out += data.substr(from, data.find(']', from) - from) + "\n";
  }
  return out;
}

std::set<std::string> raw_names(const std::string& text) {
  std::set<std::string> out;
  const std::regex name("\\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\\b");
  for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) {
    out.insert(it->str());
  }
  return out;
}

void expect_labelled(const fs::path& folder, const fs::path& scratch) {
  for (const char* lang : {"fr", "en"}) {
    const fs::path page = scratch / (folder.filename().string() + "." + lang + ".html");
    const auto r = run_parcours("report " + folder.string() + " -q --lang " + lang + " --out " +
                                page.string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string html = slurp(page);
    std::string names;
    for (const std::string& n : raw_names(visible_text(html) + figure_labels(html))) {
      names += " " + n;
    }
    EXPECT_EQ(names, "") << folder.filename() << " (" << lang << "): names shown raw";
  }
}

class ReportLabels : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kChartJs)) GTEST_SKIP() << "libjs-chart.js is not installed";
  }
  const testing::TempDir dir_;
};

TEST_F(ReportLabels, BaselineRunHasNoRawName) {
  const fs::path out = dir_ / "baseline";
  const auto r =
      run_parcours("run " + (kScenarios / "baseline.lua").string() +
                   " -q -r 2 --no-registry --set scenario.years=2 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_labelled(out, dir_.path());
}

TEST_F(ReportLabels, ComparisonHasNoRawName) {
  const fs::path out = dir_ / "comparison";
  const auto r = run_parcours("compare " + (kScenarios / "dropout_decreasing.lua").string() + " " +
                              (kScenarios / "dropout_stepped.lua").string() +
                              " -q -r 2 --set scenario.years=1 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_labelled(out, dir_.path());
}

TEST_F(ReportLabels, SizeFolderHasNoRawNameAndShowsTheAnswer) {
  const fs::path out = dir_ / "size";
  const auto r = run_parcours(
      "size --organisation 'Maintien emploi Québec' --service groupe_me -r 2 "
      "--set scenario.years=1 --set scenario.warmup_years=0 --agreement-year 2025-2026 "
      "--max-wait-days 14 --max-replications 4 -q --out " +
      out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_labelled(out, dir_.path());
  // Each evaluation says how many replications it rests on: 2, or 4 near the target.
  const std::string search = slurp(out / "slots_search.csv");
  EXPECT_NE(search.find(",ci95_low,ci95_high,replications\n"), std::string::npos);
  EXPECT_NE(search.find(",2\n"), std::string::npos) << search;
  EXPECT_NE(search.find(",4\n"), std::string::npos) << search;
  for (const auto& [lang, answer] :
       {std::pair{"fr", "Le moins de places servant 90 % en 14 jours : "},
        std::pair{"en", "Fewest places serving 90 % within 14 days: "}}) {
    const std::string html = slurp(dir_ / (std::string("size.") + lang + ".html"));
    EXPECT_NE(html.find(answer), std::string::npos) << lang;
    EXPECT_NE(html.find("<h3>"), std::string::npos) << lang << ": the places search table";
  }
}

}  // namespace
}  // namespace parcours
