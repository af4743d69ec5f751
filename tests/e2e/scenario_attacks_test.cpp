// Attacks on the scenario boundary, tried as a hostile or careless scenario author would: each
// must end with exit code 1 and one "file:line: message", no crash, no hang, and nothing
// written. (Output folders, signals and the run history are tested elsewhere.)

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::kSmallScenario;
using testing::replace;

// Every attack runs with a hard time limit: a hang fails the test instead of stalling the suite.
testing::CommandResult run_with_deadline(const std::string& arguments, int seconds = 60) {
  return testing::run_parcours(arguments, seconds);
}

class ScenarioAttack : public ::testing::Test {
 protected:
  // Writes s.lua, runs it, and checks the refusal: exit 1, the first line is
  // "parcours: error: ...<location> ..." containing `message`, and no result folder appeared.
  void expect_refused(const std::string& scenario, const std::string& location,
                      const std::string& message) {
    std::ofstream(dir_ / "s.lua") << scenario;
    const fs::path out = dir_ / "out";
    const auto r = run_with_deadline("run " + (dir_ / "s.lua").string() + " --out " + out.string() +
                                     " --replications 1");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    const std::string first = r.output.substr(0, r.output.find('\n'));
    EXPECT_EQ(first.rfind("parcours: error: ", 0), 0u) << r.output;
    const std::size_t at = first.find(location);
    EXPECT_NE(at, std::string::npos) << location << "\n" << r.output;
    EXPECT_LT(at, first.find(": ", 17) + 2) << "not the first location:\n" << r.output;
    EXPECT_NE(first.find(message), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("PANIC"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out)) << r.output;
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
      const std::string name = entry.path().filename().string();
      EXPECT_FALSE(name.starts_with(".out")) << "left behind: " << name;
    }
  }
  // The small scenario (16 lines) with `lines` added at its end (line 17 onwards).
  static std::string with(const std::string& lines) { return kSmallScenario + lines; }

  testing::TempDir dir_;
};

// ---- the Lua boundary ---------------------------------------------------------------------

TEST_F(ScenarioAttack, LoaderFunctionKeptAndCalledFromAHook) {
  std::ofstream(dir_ / "x.csv") << "a\n1\n";
  expect_refused(with("local keep = csv\n"
                      "policy.conclusion = function(client) keep('x.csv') return 'A' end\n"),
                 "s.lua:18:", "csv can only be called while the scenario loads");
  expect_refused(with("local keep = arrivals\n"
                      "policy.conclusion = function(client) keep {} return 'A' end\n"),
                 "s.lua:18:", "arrivals can only be called while the scenario loads");
  expect_refused(with("local keep = base\n"
                      "policy.conclusion = function(client) keep 'x.lua' return 'A' end\n"),
                 "s.lua:18:", "base can only be called while the scenario loads");
}

TEST_F(ScenarioAttack, PcallCannotSwallowTheInstructionLimit) {
  expect_refused(with("for i = 1, 3 do pcall(function() while true do end end) end\n"
                      "arrivals_done = true\n"),
                 "s.lua:17:", "instruction limit of 200000000 exceeded");
  expect_refused(with("policy.conclusion = function(client)\n"
                      "  for i = 1, 3 do pcall(function() while true do end end) end\n"
                      "  return 'A'\n"
                      "end\n"),
                 "s.lua:18:", "instruction limit of 1000000 exceeded");
}

TEST_F(ScenarioAttack, PcallCannotSwallowTheMemoryLimit) {
  expect_refused(with("local ok = pcall(function()\n"
                      "  local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(64) .. i end\n"
                      "end)\n"
                      "local again = {} for i = 1, 10 do again[i] = ('y'):rep(1000) end\n"),
                 "s.lua:18:", "memory limit of 256 MiB exceeded");
}

TEST_F(ScenarioAttack, FinalizersAreRefused) {
  expect_refused(with("setmetatable({}, { __gc = function() while true do end end })\n"),
                 "s.lua:17:", "__gc finalizers are not available");
  // The field set to a placeholder first, and the function later: refused all the same.
  expect_refused(with("local mt = { __gc = true }\nsetmetatable({}, mt)\n"
                      "mt.__gc = function() while true do end end\n"),
                 "s.lua:18:", "__gc finalizers are not available");
}

TEST_F(ScenarioAttack, BacktrackingPatternsAndLongCCallsStop) {
  expect_refused(with("local s = ('a'):rep(40)\nlocal found = s:find(('a*'):rep(40) .. 'b')\n"),
                 "s.lua:18:", "instruction limit of 200000000 exceeded");
  expect_refused(with("local t = {}\ntable.move(t, 1, 1e15, 2)\n"),
                 "s.lua:18:", "instruction limit of 200000000 exceeded");
  // Lua's own string.rep would copy nothing 10^15 times here, in C.
  expect_refused(with("local s = string.rep('', 1e15)\nerror('rep returned ' .. #s)\n"),
                 "s.lua:18:", "rep returned 0");
}

TEST_F(ScenarioAttack, BadResultsAreDescribedWithoutTheirMetamethods) {
  const std::string table_with_tostring =
      "policy.conclusion = function(client)\n"
      "  return setmetatable({}, { __tostring = function() %s end, __name = 'x' })\n"
      "end\n";
  for (const char* body : {"error('boom')", "while true do end"}) {
    char scenario[512];
    std::snprintf(scenario, sizeof scenario, table_with_tostring.c_str(), body);
    expect_refused(with(scenario),
                   "s.lua:17:", "policy.conclusion returned a table value; expected");
  }
}

TEST_F(ScenarioAttack, AHookThatIsACFunctionIsBlamedWhereItIsAssigned) {
  expect_refused(with("\npolicy.conclusion = type\n"),
                 "s.lua:18:", "policy.conclusion returned userdata; expected");
  expect_refused(with("policy.conclusion = rawlen\n"), "s.lua:17:", "bad argument #1");
}

TEST_F(ScenarioAttack, PairsGivesTheSameOrderInEveryProcess) {
  // Lua seeds its string hashes per process: without a fixed order, the keys would come out
  // in another order from one process to the next.
  std::ofstream(dir_ / "s.lua") << with(
      "local t = {}\n"
      "for i = 1, 60 do t['key' .. i] = i; t[i * 0.5] = i end\n"
      "t[true] = 1 t[false] = 0\n"
      "local seen = {}\n"
      "for k in pairs(t) do seen[#seen + 1] = tostring(k) end\n"
      "local k, n = next(t), 0\n"
      "while k ~= nil do n = n + 1 if tostring(k) ~= seen[n] then error('next differs') end "
      "k = next(t, k) end\n"
      "print(table.concat(seen, ' '))\n");
  const auto first = run_with_deadline("check " + (dir_ / "s.lua").string());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("[lua] 0.5 1 1.5 2"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("30 key1 key10 key11"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("key9 false true"), std::string::npos) << first.output;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(run_with_deadline("check " + (dir_ / "s.lua").string()).output, first.output);
  }
}

// ---- files ----------------------------------------------------------------------------------

TEST_F(ScenarioAttack, ASymbolicLinkCannotLeaveTheFolder) {
  const testing::TempDir outside;
  std::ofstream(outside / "secret.csv") << "secret\n42\n";
  fs::create_symlink(outside / "secret.csv", dir_ / "data.csv");
  expect_refused(with("local rows = csv 'data.csv'\n"),
                 "s.lua:17:", "'data.csv' leads outside the scenario's folder");
  fs::create_directory_symlink(outside.path(), dir_ / "sub");
  expect_refused("base 'sub/secret.csv'\n",
                 "s.lua:1:", "'sub/secret.csv' leads outside the scenario's folder");
  // A link that stays inside is fine.
  fs::create_directory(dir_ / "real");
  std::ofstream(dir_ / "real" / "ok.csv") << "a\n1\n";
  fs::create_symlink(dir_ / "real" / "ok.csv", dir_ / "ok.csv");
  std::ofstream(dir_ / "s.lua") << with("assert(csv('ok.csv')[1].a == 1)\n");
  EXPECT_EQ(run_with_deadline("check " + (dir_ / "s.lua").string()).exit_code, 0);
}

TEST_F(ScenarioAttack, OnlyRegularFilesBelowTheSizeLimitAreRead) {
  ASSERT_EQ(mkfifo((dir_ / "fifo.csv").c_str(), 0600), 0);
  expect_refused(with("local rows = csv 'fifo.csv'\n"), "s.lua:17:", "not a regular file");
  fs::create_directory(dir_ / "dir.csv");
  expect_refused(with("local rows = csv 'dir.csv'\n"), "s.lua:17:", "it is a directory");
  {  // sparse: 65 MiB that take no disk
    std::ofstream big(dir_ / "big.csv");
    big.seekp((std::streamoff{65} << 20) - 1);
    big.put('\n');
  }
  expect_refused(with("local rows = csv 'big.csv'\n"),
                 "s.lua:17:", "file too large: 65 MiB (the limit is 64 MiB)");
  const auto r = run_with_deadline("check /dev/zero");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("/dev/zero: cannot read it: not a regular file"), std::string::npos)
      << r.output;
}

// ---- data -----------------------------------------------------------------------------------

const std::string kMarginsHeader = "attribute,kind,key,value\n";

TEST_F(ScenarioAttack, DuplicatedMarginsOrCorrelationsAreRefused) {
  std::ofstream(dir_ / "m.csv") << kMarginsHeader << "female,probability,1,0.6\n"
                                << "age,quantile,0.5,40\n"
                                << "female,probability,1,0.7\n";
  const std::string population =
      "population { limiting_assistance_months = 48, limiting_out_of_work_months = 24, "
      "limiting_age = 45, margins = csv 'm.csv'%s }";
  auto scenario = [&](const std::string& extra) {
    char text[512];
    std::snprintf(text, sizeof text, population.c_str(), extra.c_str());
    return replace(kSmallScenario,
                   "population { limiting_assistance_months = 48, limiting_out_of_work_months "
                   "= 24, limiting_age = 45 }",
                   text);
  };
  expect_refused(scenario(""), "m.csv:4:", "margins row 3: female probability '1");

  std::ofstream(dir_ / "m.csv") << kMarginsHeader << "female,probability,1,0.6\n"
                                << "age,quantile,0.5,40\n";
  std::ofstream(dir_ / "c.csv") << "attribute_a,attribute_b,correlation\n"
                                << "female,age,0.1\n"
                                << "age,female,0.2\n";
  expect_refused(scenario(", correlation = csv 'c.csv'"),
                 "c.csv:3:", "the correlation of female and age is given twice");
  std::ofstream(dir_ / "c.csv") << "attribute_a,attribute_b,correlation\nage,age,0.5\n";
  expect_refused(scenario(", correlation = csv 'c.csv'"),
                 "c.csv:2:", "age is correlated with itself");

  // A header-only margins file is blamed, not the correlations that follow it.
  std::ofstream(dir_ / "m.csv") << kMarginsHeader;
  std::ofstream(dir_ / "c.csv") << "attribute_a,attribute_b,correlation\nfemale,age,0.1\n";
  expect_refused(scenario(", correlation = csv 'c.csv'"), "s.lua:3:", "margins has no rows");
}

TEST_F(ScenarioAttack, ANulByteInAFieldIsRefused) {
  std::ofstream(dir_ / "m.csv", std::ios::binary)
      << kMarginsHeader << "female,probability,1,0.6" << std::string(1, '\0') << "9\n";
  expect_refused(with("local rows = csv 'm.csv'\n"), "s.lua:17:", "m.csv:2: a NUL byte");
}

TEST_F(ScenarioAttack, AllZeroSeasonalityIsRefused) {
  expect_refused(replace(kSmallScenario, "per_year = 2000,",
                         "per_year = 2000, seasonality = {0,0,0,0,0,0,0,0,0,0,0,0},"),
                 "s.lua:2:", "all 12 monthly weights are 0");
}

TEST(ScenarioCheck, WarnsBeforeAnAbsurdRun) {
  const auto fine = run_with_deadline("check");
  EXPECT_EQ(fine.exit_code, 0) << fine.output;
  EXPECT_NE(fine.output.find("  memory       about "), std::string::npos) << fine.output;
  EXPECT_EQ(fine.output.find("warning"), std::string::npos) << fine.output;
  const auto absurd =
      run_with_deadline("check --set arrivals.per_year=1e8 --set scenario.years=50");
  EXPECT_EQ(absurd.exit_code, 0) << absurd.output;
  EXPECT_NE(absurd.output.find("parcours: warning: a run would need about"), std::string::npos)
      << absurd.output;
}

}  // namespace
}  // namespace parcours
