// `parcours init` and `parcours check` end to end, against golden files in tests/data/.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "support/cli.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;
using testing::slurp;

const fs::path kSource = PARCOURS_SOURCE_DIR;

// A scenarios folder like the project's: the baseline and its data.
fs::path scenarios_folder(const testing::TempDir& dir) {
  const fs::path folder = dir / "scenarios";
  fs::create_directories(folder);
  fs::copy_file(kSource / "scenarios" / "baseline.lua", folder / "baseline.lua");
  fs::copy(kSource / "scenarios" / "data", folder / "data");
  return folder;
}

TEST(Init, WritesTheGoldenScenarioWhichChecks) {
  const testing::TempDir dir;
  const fs::path folder = scenarios_folder(dir);
  auto r = run_parcours("init pilot --dir " + folder.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("parcours check " + (folder / "pilot.lua").string()), std::string::npos)
      << r.output;
  EXPECT_EQ(slurp(folder / "pilot.lua"), slurp(kSource / "tests" / "data" / "init" / "pilot.lua"))
      << "if the template changed on purpose, copy the new file over tests/data/init/pilot.lua";
  r = run_parcours("check " + (folder / "pilot.lua").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("pilot, from 2025-04-01"), std::string::npos) << r.output;
}

TEST(Init, EveryExampleSwitchedOnStillChecks) {
  const testing::TempDir dir;
  const fs::path folder = scenarios_folder(dir);
  ASSERT_EQ(run_parcours("init pilot --dir " + folder.string()).exit_code, 0);
  // The template's convention: an example line is "-- " and then code.
  const std::regex example(R"(^(\s*)-- (([a-z_.]+ (\{|=))|  |\}|end))", std::regex::multiline);
  const std::string text = slurp(folder / "pilot.lua");
  const std::string on = std::regex_replace(text, example, "$1$2");
  ASSERT_NE(on.find("\naccompaniment {"), std::string::npos) << on;
  ASSERT_NE(on.find("\n  years = 5,"), std::string::npos) << on;
  ASSERT_NE(on.find("\nend\n"), std::string::npos) << on;
  std::ofstream(folder / "all_on.lua") << on;
  const auto r = run_parcours("check " + (folder / "all_on.lua").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(Init, NeverOverwritesAndRefusesUnusableNamesOrFolders) {
  const testing::TempDir dir;
  const fs::path folder = scenarios_folder(dir);
  std::ofstream(folder / "mine.lua") << "-- my work\n";
  auto r = run_parcours("init mine --dir " + folder.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("mine.lua: already exists"), std::string::npos) << r.output;
  EXPECT_EQ(slurp(folder / "mine.lua"), "-- my work\n");
  r = run_parcours("init 'two words' --dir " + folder.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("not a usable scenario name"), std::string::npos) << r.output;
  r = run_parcours("init pilot --dir " + dir.path().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("has no baseline.lua"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "pilot.lua"));
  // "name.lua" is taken as the name.
  r = run_parcours("init other.lua --dir " + folder.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::exists(folder / "other.lua"));
}

TEST(Check, AMisspeltKeyGivesTheGoldenMessageWithFileAndLine) {
  const fs::path data = kSource / "tests" / "data" / "check";
  const auto r = run_parcours("check " + (data / "typo.lua").string());
  EXPECT_EQ(r.exit_code, 1);
  std::string message = r.output;
  const std::string prefix = data.string() + "/";
  for (std::size_t at = message.find(prefix); at != std::string::npos; at = message.find(prefix)) {
    message.erase(at, prefix.size());
  }
  EXPECT_EQ(message, slurp(data / "typo.expected"));
}

}  // namespace
}  // namespace parcours
