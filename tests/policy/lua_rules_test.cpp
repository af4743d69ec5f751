#include "policy/lua_rules.hpp"

#include <gtest/gtest.h>

#include <string>

#include <lua.h>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"
#include "support/scenarios.hpp"

namespace parcours::policy {
namespace {

// A loaded scenario with extra hook code, and LuaRules over it.
struct Rig {
  explicit Rig(const std::string& hooks)
      : scenario(load_scenario(
            sandbox, ScenarioSource{"s.lua", parcours::testing::kSmallScenario + hooks, {}, false},
            {})),
        rules(sandbox, scenario.params, sim) {}
  LuaSandbox sandbox;
  LoadedScenario scenario;
  core::Simulation sim;
  LuaRules rules;
};

model::Client client(std::uint64_t id, std::uint8_t limiting) {
  model::Client c;
  c.number = static_cast<std::uint32_t>(id);
  c.limiting_characteristics = limiting & 0xFU;
  return c;
}

const model::Profile kProfile{};  // the profile the hooks of these tests see

TEST(LuaRules, ConclusionHookReadsClientFields) {  // rule E5
  Rig rig(
      "policy.conclusion = function(c) if c.limiting_characteristics >= 3 then return 'B' end "
      "return 'A' end\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  EXPECT_EQ(rig.rules.conclusion(client(1, 4), kProfile, rng), model::Conclusion::kParcours);
  EXPECT_EQ(rig.rules.conclusion(client(2, 0), kProfile, rng), model::Conclusion::kAutonomous);
  EXPECT_EQ(rig.rules.calls(), 2U);
}

TEST(LuaRules, MathRandomInAHookFollowsTheClientsStream) {
  Rig a("policy.retention = function(c) return math.random() < 0.5 end\n");
  Rig b("policy.retention = function(c) return math.random() < 0.5 end\n");
  int agree = 0;
  int yes = 0;
  for (std::uint64_t id = 1; id <= 200; ++id) {
    core::RandomStream ra(core::StreamKey{3, 0}, id, 9);
    core::RandomStream rb(core::StreamKey{3, 0}, id, 9);
    const bool da =
        a.rules.retention(client(id, 0), kProfile, ra) == model::RetentionDecision::kRetention;
    agree += da == (b.rules.retention(client(id, 0), kProfile, rb) ==
                    model::RetentionDecision::kRetention)
                 ? 1
                 : 0;
    yes += da ? 1 : 0;
  }
  EXPECT_EQ(agree, 200) << "the same client's draw must give the same decision";
  EXPECT_GT(yes, 60);
  EXPECT_LT(yes, 140);
}

TEST(LuaRules, UndefinedHooksFallBackToParameters) {
  Rig rig("");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  std::vector<std::uint8_t> plan;
  rig.rules.plan(client(1, 0), kProfile, rng, plan);
  EXPECT_EQ(plan, rig.scenario.params.parcours.default_plan);
  EXPECT_EQ(rig.rules.calls(), 0U);
}

TEST(LuaRules, PlanAndDropoutHooksSpeakInActivityNames) {  // rules P2, D6
  Rig rig(
      "policy.plan = function(c) return { 'club' } end\n"
      "policy.dropout_after = function(c, activity) return activity == 'groupe_d' end\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  std::vector<std::uint8_t> plan;
  rig.rules.plan(client(1, 0), kProfile, rng, plan);
  EXPECT_EQ(plan, (std::vector<std::uint8_t>{0}));
  EXPECT_FALSE(rig.rules.drops_out_after(client(1, 0), kProfile, 0, rng));
  EXPECT_TRUE(rig.rules.drops_out_after(client(1, 0), kProfile, 1, rng));
}

std::string error_of_conclusion(const std::string& hook) {
  Rig rig(hook);
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  try {
    rig.rules.conclusion(client(1, 0), kProfile, rng);
  } catch (const io::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(LuaRules, HooksCannotReconfigureTheScenario) {
  std::string e =
      error_of_conclusion("policy.conclusion = function(c) csv 'x.csv' return 'A' end\n");
  EXPECT_NE(e.find("csv can only be called while the scenario loads"), std::string::npos) << e;
  e = error_of_conclusion(
      "policy.conclusion = function(c) retention { share = 1 } return 'A' end\n");
  EXPECT_NE(e.find("retention can only be called while the scenario loads"), std::string::npos)
      << e;
}

TEST(LuaRules, ClientFieldsDescribeTheDecisionAtHand) {
  Rig rig(
      "policy.dropout_after = function(c, a) return c.activities_done == 1 end\n"
      "policy.retention = function(c) return c.job_after_parcours end\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  model::Client c = client(1, 0);
  c.next_activity = 1;  // the world counts the activity just finished before asking
  EXPECT_TRUE(rig.rules.drops_out_after(c, kProfile, 0, rng));
  c.job_after_parcours = true;
  EXPECT_EQ(rig.rules.retention(c, kProfile, rng), model::RetentionDecision::kRetention);
}

TEST(LuaRules, RetentionDecisionsByName) {  // rule M6
  Rig rig(
      "policy.retention = function(c)\n"
      "  if c.age < 30 then return 'other_partner' elseif c.age < 50 then return 'retention' end\n"
      "  return 'none'\n"
      "end\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  model::Profile p;
  p.age = 25;
  EXPECT_EQ(rig.rules.retention(client(1, 0), p, rng), model::RetentionDecision::kOtherPartner);
  p.age = 40;
  EXPECT_EQ(rig.rules.retention(client(1, 0), p, rng), model::RetentionDecision::kRetention);
  p.age = 60;
  EXPECT_EQ(rig.rules.retention(client(1, 0), p, rng), model::RetentionDecision::kNone);
  Rig bad("policy.retention = function(c) return 'maybe' end\n");
  try {
    (void)bad.rules.retention(client(1, 0), p, rng);
    ADD_FAILURE() << "a decision that is not one of M6's was accepted";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("other_partner"), std::string::npos) << e.what();
  }
}

TEST(LuaRules, AfterAMajorEventTheHookDecides) {  // rule E7
  Rig rig(
      "policy.after_major_event = function(c)\n"
      "  if c.age < 30 then return 'revise' elseif c.age < 50 then return 'stop' end\n"
      "  return 'continue'\n"
      "end\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  model::Profile p;
  p.age = 25;
  EXPECT_EQ(rig.rules.after_major_event(client(1, 0), p, rng), model::AfterMajorEvent::kRevise);
  p.age = 40;
  EXPECT_EQ(rig.rules.after_major_event(client(1, 0), p, rng), model::AfterMajorEvent::kStop);
  p.age = 60;
  EXPECT_EQ(rig.rules.after_major_event(client(1, 0), p, rng), model::AfterMajorEvent::kContinue);
  Rig bad("policy.after_major_event = function(c) return true end\n");
  try {
    (void)bad.rules.after_major_event(client(1, 0), p, rng);
    ADD_FAILURE() << "a decision that is not one of E7's was accepted";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("\"revise\""), std::string::npos) << e.what();
  }
}

TEST(LuaRules, HooksReadTheProfileByName) {  // rules D1-D3, E3, E4
  Rig rig(
      "policy.retention = function(c)\n"
      "  return c.age == 47 and c.female and c.schooling == 'secondary_iv' and\n"
      "         c.income_support == 'afdr' and c.region == 'all' and c.needs == 2 and\n"
      "         c.months_on_assistance == 60 and not c.disability\n"
      "end\n");
  model::Profile p;
  p.age = 47;
  p.female = true;
  p.schooling = model::Schooling::kSecondaryIV;
  p.income_support = model::IncomeSupport::kLastResort;
  p.needs = 0b0101;
  p.months_on_assistance = 60;
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  EXPECT_EQ(rig.rules.retention(client(1, 0), p, rng), model::RetentionDecision::kRetention);
  p.female = false;
  EXPECT_EQ(rig.rules.retention(client(1, 0), p, rng), model::RetentionDecision::kNone);
}

TEST(LuaRules, HazardMultipliersComeFromLuaOncePerClient) {  // rules D5, D6
  Rig rig(
      "policy.dropout_multiplier = function(c) return 1 + c.limiting_characteristics end\n"
      "policy.job_multiplier = function(c) return c.female and 0.5 or 1 end\n");
  model::Profile p;
  p.female = true;
  EXPECT_EQ(rig.rules.dropout_multiplier(client(1, 3), p), 4.0);
  EXPECT_EQ(rig.rules.job_multiplier(client(1, 3), p), 0.5);
  Rig none("");
  EXPECT_EQ(none.rules.dropout_multiplier(client(1, 3), p), 1.0);
  Rig bad("policy.dropout_multiplier = function(c) return -1 end\n");
  EXPECT_THROW(bad.rules.dropout_multiplier(client(1, 3), p), io::InputError);
}

TEST(LuaRules, BadResultsNameTheHooksDefinition) {
  std::string e = error_of_conclusion("\npolicy.conclusion = function(c)\n  return 'E'\nend\n");
  EXPECT_NE(e.find("s.lua:18:"), std::string::npos) << e;
  EXPECT_NE(e.find("policy.conclusion returned E"), std::string::npos) << e;
  e = error_of_conclusion("policy.conclusion = function(c) return c.limiting_characteristic end\n");
  EXPECT_NE(e.find("s.lua:17:"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'limiting_characteristics'?"), std::string::npos) << e;
  e = error_of_conclusion("policy.conclusion = function(c) while true do end end\n");
  EXPECT_NE(e.find("instruction limit"), std::string::npos) << e;
}

TEST(LuaRules, AClientViewKeptPastItsCallIsDead) {
  Rig rig(
      "kept = nil\n"
      "policy.conclusion = function(c) kept = c return 'A' end\n"
      "function read_kept() return kept.age end\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  EXPECT_EQ(rig.rules.conclusion(client(1, 0), kProfile, rng), model::Conclusion::kAutonomous);
  lua_State* L = rig.sandbox.state();
  lua_getglobal(L, "read_kept");
  try {
    rig.sandbox.call(0, 1, "read_kept");
    FAIL() << "a dead view was read";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "s.lua:19: the client view can only be read during the hook call"),
              std::string::npos)
        << e.what();
  }
}

TEST(LuaRules, BadResultsAreDescribedWithoutCallingTheScript) {
  Rig rig(
      "policy.conclusion = function(c)\n"
      "  return setmetatable({}, { __tostring = function() error('boom') end })\n"
      "end\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  try {
    rig.rules.conclusion(client(1, 0), kProfile, rng);
    FAIL() << "a table was taken for a conclusion";
  } catch (const io::InputError& e) {
    EXPECT_EQ(e.file(), "s.lua");
    EXPECT_EQ(e.line(), 17U);
    EXPECT_NE(e.message().find("returned a table value; expected"), std::string::npos) << e.what();
  }
}

TEST(LuaRules, AHookThatIsACFunctionIsBlamedWhereItWasAssigned) {
  Rig rig("\npolicy.conclusion = type\n");
  core::RandomStream rng(core::StreamKey{1, 0}, 1, 1);
  try {
    rig.rules.conclusion(client(1, 0), kProfile, rng);
    FAIL() << "type() was taken for a conclusion";
  } catch (const io::InputError& e) {
    EXPECT_EQ(e.file(), "s.lua");
    EXPECT_EQ(e.line(), 18U) << e.what();
    EXPECT_NE(e.message().find("returned userdata"), std::string::npos) << e.what();
  }
}

TEST(LuaRules, LoaderFunctionsKeptPastTheLoadAreDead) {
  Rig rig(
      "local keep_csv, keep_section = csv, arrivals\n"
      "function late() keep_section { per_year = 1 } end\n"
      "function late_csv() keep_csv 'x.csv' end\n");
  lua_State* L = rig.sandbox.state();
  for (const char* name : {"late", "late_csv"}) {
    lua_getglobal(L, name);
    try {
      rig.sandbox.call(0, 0, name);
      FAIL() << name << " reached a loader after the load";
    } catch (const io::InputError& e) {
      EXPECT_NE(std::string(e.what()).find("can only be called while the scenario loads"),
                std::string::npos)
          << e.what();
    }
  }
}

}  // namespace
}  // namespace parcours::policy
