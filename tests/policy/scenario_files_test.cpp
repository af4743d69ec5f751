// The loader functions that read other files of the scenario's folder (sim/policy/
// scenario_files.cpp): `csv` reads a table's rows next to the scenario, `base` runs another
// scenario first and later sections overlay it key by key; errors name the file and line.

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::policy {
namespace {

using parcours::testing::kSmallScenario;

TEST(ScenarioFiles, CsvHelperReadsFilesNextToTheScenario) {
  const parcours::testing::TempDir dir;
  std::ofstream(dir / "rates.csv")
      << "region,per_year\nmontreal,1200\n\"Capitale-Nationale\",800\n";
  const std::string text = kSmallScenario +
                           "local rows = csv 'rates.csv'\n"
                           "assert(#rows == 2 and rows[1].per_year == 1200 and "
                           "rows[2].region == 'Capitale-Nationale')\n";
  std::ofstream(dir / "s.lua") << text;
  LuaSandbox sandbox;
  const LoadedScenario s = load_scenario(sandbox, scenario_from_file(dir / "s.lua"), {});
  ASSERT_EQ(s.files.size(), 2U);
  EXPECT_EQ(s.files[1].first, "rates.csv");

  std::ofstream(dir / "bad.csv") << "a,b\n1,2\n3\n";
  std::ofstream(dir / "t.lua") << kSmallScenario + "csv 'bad.csv'\n";
  try {
    LuaSandbox other;
    load_scenario(other, scenario_from_file(dir / "t.lua"), {});
    FAIL() << "a ragged CSV was accepted";
  } catch (const io::InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(":17:"), std::string::npos) << what;
    EXPECT_NE(what.find("bad.csv:3:"), std::string::npos) << what;
  }
  std::ofstream(dir / "u.lua") << kSmallScenario + "csv '../secret.csv'\n";
  LuaSandbox third;
  EXPECT_THROW(load_scenario(third, scenario_from_file(dir / "u.lua"), {}), io::InputError);
}

TEST(ScenarioFiles, AVariantOverlaysItsBaseKeyByKey) {
  const parcours::testing::TempDir dir;
  std::ofstream(dir / "base.lua") << kSmallScenario;
  std::ofstream(dir / "variant.lua") << "base 'base.lua'\n"
                                        "scenario { name = 'variant' }\n"
                                        "activity { name = 'club', duration_weeks = 5 }\n"
                                        "parcours { dropout = { family = 'none' } }\n";
  LuaSandbox sandbox;
  const LoadedScenario s = load_scenario(sandbox, scenario_from_file(dir / "variant.lua"), {});
  EXPECT_EQ(s.params.horizon.name, "variant");
  EXPECT_EQ(s.params.horizon.seed, 7U);  // kept from the base
  EXPECT_DOUBLE_EQ(s.params.activities[0].duration_days.mean(), 35);
  EXPECT_DOUBLE_EQ(s.params.activities[0].dropout_after, 0.1);  // kept from the base
  EXPECT_EQ(s.params.parcours.dropout.family, model::Hazard::Family::kNone);
  EXPECT_EQ(s.params.parcours.default_plan.size(), 2U);
  EXPECT_EQ(s.files.size(), 2U);
}

TEST(ScenarioFiles, BaseMisusesAreExplained) {
  const parcours::testing::TempDir dir;
  std::string broken = kSmallScenario;
  broken.replace(broken.find("agents = 2"), 10, "agents = 0");
  std::ofstream(dir / "broken.lua") << broken;
  std::ofstream(dir / "a.lua") << "base 'broken.lua'\n";
  std::ofstream(dir / "base.lua") << kSmallScenario;
  std::ofstream(dir / "b.lua") << "scenario { name = 'x', start = '2025-04-01', years = 1 }\n"
                                  "base 'base.lua'\n";
  std::ofstream(dir / "c.lua")
      << "base 'base.lua'\nretention { share = 0 }\nretention { share = 0 }\n";
  auto error = [&](const char* file) {
    try {
      LuaSandbox sandbox;
      load_scenario(sandbox, scenario_from_file(dir / file), {});
    } catch (const io::InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  std::string e = error("a.lua");
  EXPECT_NE(e.find("broken.lua:4:"), std::string::npos) << "errors point into the base: " << e;
  e = error("b.lua");
  EXPECT_NE(e.find("b.lua:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("base must come before any section"), std::string::npos) << e;
  e = error("c.lua");
  EXPECT_NE(e.find("c.lua:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("set twice"), std::string::npos) << e;
}

TEST(ScenarioFiles, TheResearchVariantsLoadOverTheBaseline) {
  LuaSandbox sandbox;
  const LoadedScenario s = load_scenario(
      sandbox,
      scenario_from_file(std::string(PARCOURS_SOURCE_DIR) + "/scenarios/dropout_decreasing.lua"),
      {});
  EXPECT_EQ(s.params.horizon.name, "dropout_decreasing");
  EXPECT_EQ(s.params.parcours.dropout.family, model::Hazard::Family::kWeibull);
  LuaSandbox other;
  const LoadedScenario stepped = load_scenario(
      other,
      scenario_from_file(std::string(PARCOURS_SOURCE_DIR) + "/scenarios/dropout_stepped.lua"), {});
  EXPECT_EQ(stepped.params.parcours.dropout.family, model::Hazard::Family::kPiecewise);
  // Same cumulative hazard at one year as the baseline's constant one (the variants' claim).
  LuaSandbox third;
  const LoadedScenario baseline = load_scenario(third, scenario_from_embedded("baseline.lua"), {});
  const double year = 52 * 7;
  EXPECT_NEAR(s.params.parcours.dropout.cumulative(year),
              baseline.params.parcours.dropout.cumulative(year), 1e-3);
  EXPECT_NEAR(stepped.params.parcours.dropout.cumulative(year),
              baseline.params.parcours.dropout.cumulative(year), 1e-9);
}

}  // namespace
}  // namespace parcours::policy
