// `uncertain { ... }` in a scenario (policy/uncertain_parameters.hpp): drawn from the
// replication's stream for its name, the mean without one, checked against the key's range.

#include "policy/uncertain_parameters.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"
#include "support/scenarios.hpp"

namespace parcours::policy {
namespace {

using parcours::testing::kSmallScenario;
using parcours::testing::replace;

const std::string kUncertainArrivals =
    replace(kSmallScenario, "per_year = 2000",
            "per_year = uncertain { dist = \"uniform\", min = 1000, max = 3000 }");
const std::string kUncertainDropout = replace(
    kSmallScenario, "rate_per_week = 0.02 }",
    "rate_per_week = uncertain { dist = \"triangular\", min = 0.01, mode = 0.02, max = 0.04 } }");

LoadedScenario load(const std::string& text, const UncertainSettings& settings = {}) {
  LuaSandbox sandbox;
  return load_scenario(sandbox, ScenarioSource{"s.lua", text, {}, false}, {}, settings);
}

std::string error_of(const std::string& text) {
  try {
    load(text);
  } catch (const io::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(UncertainParameters, WithoutAStreamTheMeanIsUsed) {
  const LoadedScenario s = load(kUncertainArrivals);
  EXPECT_DOUBLE_EQ(s.params.arrivals.per_year, 2000);
  ASSERT_EQ(s.uncertain.size(), 1U);
  EXPECT_EQ(s.uncertain[0].parameter, "arrivals.per_year");
  EXPECT_EQ(s.uncertain[0].distribution, "uniform(min=1000, max=3000)");
}

TEST(UncertainParameters, AReplicationDrawsFromItsOwnStream) {
  const LoadedScenario r0 = load(kUncertainDropout, {core::StreamKey{7, 0}});
  const LoadedScenario r0_again = load(kUncertainDropout, {core::StreamKey{7, 0}});
  const LoadedScenario r1 = load(kUncertainDropout, {core::StreamKey{7, 1}});
  ASSERT_EQ(r0.uncertain.size(), 1U);
  EXPECT_EQ(r0.uncertain[0].parameter, "parcours.dropout.rate_per_week");
  const double v0 = r0.uncertain[0].value;
  EXPECT_GT(v0, 0.01);
  EXPECT_LT(v0, 0.04);
  EXPECT_EQ(v0, r0_again.uncertain[0].value);
  EXPECT_NE(v0, r1.uncertain[0].value);
  EXPECT_DOUBLE_EQ(r0.params.parcours.dropout.rate, v0 / 7) << "the model gets the draw";
}

TEST(UncertainParameters, AnIntegerIsRounded) {
  const std::string text = replace(kSmallScenario, "agents = 2,",
                                   "agents = uncertain { dist = \"uniform\", min = 1, max = 4 },");
  for (std::uint64_t r = 0; r < 5; ++r) {
    const LoadedScenario s = load(text, {core::StreamKey{7, r}});
    EXPECT_EQ(s.uncertain[0].value, std::round(s.uncertain[0].value));
    EXPECT_EQ(s.params.evaluation.agents, static_cast<int>(s.uncertain[0].value));
  }
}

TEST(UncertainParameters, TheDistributionMustStayInTheKeysRange) {
  const std::string e =
      error_of(replace(kSmallScenario, "convened_share = 0.5",
                       "convened_share = uncertain { dist = \"uniform\", min = 0.5, max = 1.5 }"));
  EXPECT_NE(e.find("s.lua:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("arrivals.convened_share: uncertain values must stay within [0, 1]"),
            std::string::npos)
      << e;
}

TEST(UncertainParameters, OnlyNumbersCanBeUncertain) {
  const std::string e = error_of(replace(kSmallScenario, "name = \"small\"",
                                         "name = uncertain { dist = \"fixed\", value = 1 }"));
  EXPECT_NE(e.find("scenario.name is a string: only a number can be uncertain"), std::string::npos)
      << e;
}

TEST(UncertainParameters, ABadDistributionIsNamed) {
  const std::string e = error_of(replace(kSmallScenario, "rate_per_week = 0.02 }",
                                         "rate_per_week = uncertain { dist = \"unifrom\" } }"));
  EXPECT_NE(e.find("parcours.dropout.rate_per_week: dist must be one of"), std::string::npos) << e;
}

}  // namespace
}  // namespace parcours::policy
