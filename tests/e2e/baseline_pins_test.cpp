// A few key figures of the baseline, pinned (tests/data/baseline_pins.csv): the embedded
// baseline, its own seed, one replication, one year. Any change to the model, the scenario's
// data or the random streams that moves them fails here, so that results change only on
// purpose. After such a change, scripts/update-baseline-pins rewrites the file; commit it with
// the reason in the message.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/cli.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) out.push_back(field);
  return out;
}

// (fiscal_year, dimension, group, indicator) -> mean, as written in summary_yearly.csv.
using Key = std::tuple<std::string, std::string, std::string, std::string>;

std::map<Key, std::string> read_means(const fs::path& summary) {
  std::ifstream in(summary);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split(line);
  EXPECT_EQ(header,
            (std::vector<std::string>{"fiscal_year", "dimension", "group", "indicator",
                                      "replications", "mean", "sd", "ci95_low", "ci95_high"}));
  std::map<Key, std::string> out;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = split(line);
    if (f.size() >= 6) out[{f[0], f[1], f[2], f[3]}] = f[5];
  }
  return out;
}

TEST(BaselinePins, KeyFiguresOfTheBaselineAreUnchanged) {
  const testing::TempDir dir;
  // The same command as scripts/update-baseline-pins.
  const auto r = testing::run_parcours("run --quiet --no-registry --set scenario.years=1 --out " +
                                       (dir / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::map<Key, std::string> means = read_means(dir / "out" / "summary_yearly.csv");

  std::ifstream pins(fs::path(PARCOURS_SOURCE_DIR) / "tests" / "data" / "baseline_pins.csv");
  ASSERT_TRUE(pins.good());
  std::string line;
  int checked = 0;
  bool header = true;
  while (std::getline(pins, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      EXPECT_EQ(line, "fiscal_year,dimension,group,indicator,mean");
      header = false;
      continue;
    }
    const std::vector<std::string> f = split(line);
    ASSERT_EQ(f.size(), 5U) << line;
    const auto found = means.find({f[0], f[1], f[2], f[3]});
    ASSERT_NE(found, means.end()) << "no longer in summary_yearly.csv: " << line;
    EXPECT_EQ(found->second, f[4])
        << f[3] << " (" << f[1] << " " << f[2] << ", " << f[0]
        << ") moved; if on purpose, run scripts/update-baseline-pins and say why in the commit";
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

}  // namespace
}  // namespace parcours
