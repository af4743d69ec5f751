#include "policy/lua_sandbox.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <lua.h>

#include "io/input_error.hpp"

namespace parcours::policy {
namespace {

// Runs `text` as scenario.lua in a fresh sandbox and returns the error's text ("" if none).
std::string error_of(const std::string& text, SandboxLimits limits = {}) {
  LuaSandbox sandbox(limits);
  try {
    sandbox.run_chunk(text, "scenario.lua");
  } catch (const io::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(LuaSandbox, RunsPlainLua) {
  EXPECT_EQ(error_of("local t = {} for i = 1, 10 do t[#t + 1] = string.rep('x', i) end\n"
                     "assert(#table.concat(t) == 55 and math.floor(2.5) == 2 and utf8.char(233))"),
            "");
}

TEST(LuaSandbox, RefusesFileAccess) {
  const std::string e = error_of("\n\nio.open('/etc/passwd')");
  EXPECT_NE(e.find("scenario.lua:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("io"), std::string::npos) << e;
}

TEST(LuaSandbox, RefusesTheOperatingSystem) {
  const std::string e = error_of("os.execute('touch /tmp/parcours-pwned')");
  EXPECT_NE(e.find("scenario.lua:1:"), std::string::npos) << e;
  EXPECT_NE(e.find("os"), std::string::npos) << e;
  EXPECT_FALSE(std::filesystem::exists("/tmp/parcours-pwned"));
}

TEST(LuaSandbox, RefusesModules) {
  EXPECT_NE(error_of("require('socket')").find("scenario.lua:1:"), std::string::npos);
  EXPECT_NE(error_of("dofile('/etc/passwd')").find("scenario.lua:1:"), std::string::npos);
  EXPECT_NE(error_of("loadfile('/etc/passwd')").find("scenario.lua:1:"), std::string::npos);
  EXPECT_NE(error_of("debug.getinfo(1)").find("scenario.lua:1:"), std::string::npos);
}

TEST(LuaSandbox, RefusesBytecode) {
  // string.dump is gone, and load() only takes text, so a binary chunk never reaches the VM.
  EXPECT_NE(error_of("string.dump(function() end)").find("scenario.lua:1:"), std::string::npos);
  const std::string e = error_of(
      "local f, msg = load('\\27Lua\\84\\0', 'x', 'b')\n"
      "assert(f == nil and msg:find('binary'), 'bytecode was accepted')");
  EXPECT_EQ(e, "");
  LuaSandbox sandbox;
  try {
    sandbox.run_chunk(std::string("\x1bLua\x54\x00", 6), "binary.lua");
    FAIL() << "a binary chunk ran";
  } catch (const io::InputError& err) {
    EXPECT_NE(std::string(err.what()).find("binary"), std::string::npos) << err.what();
  }
}

TEST(LuaSandbox, StopsAnEndlessLoop) {
  SandboxLimits limits;
  limits.load_instructions = 1'000'000;
  const std::string e = error_of("local n = 0\nwhile true do n = n + 1 end", limits);
  EXPECT_NE(e.find("scenario.lua:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("instruction limit"), std::string::npos) << e;
}

TEST(LuaSandbox, StopsAMemoryBomb) {
  SandboxLimits limits;
  limits.memory_bytes = std::size_t{16} << 20;
  const std::string e =
      error_of("local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end", limits);
  EXPECT_NE(e.find("scenario.lua"), std::string::npos) << e;
  EXPECT_NE(e.find("memory limit of 16 MiB"), std::string::npos) << e;
}

TEST(LuaSandbox, ReportsSyntaxErrorsWithTheLine) {
  const std::string e = error_of("local x = 1\nlocal y = = 2\n");
  EXPECT_NE(e.find("scenario.lua:2:"), std::string::npos) << e;
}

TEST(LuaSandbox, RuntimeErrorsCarryAShortTraceback) {
  const std::string e = error_of(
      "local function inner() error('boom') end\n"
      "local function outer() inner() end\n"
      "outer()\n");
  EXPECT_NE(e.find("scenario.lua:1: boom"), std::string::npos) << e;
  EXPECT_NE(e.find("traceback:"), std::string::npos) << e;
  EXPECT_NE(e.find("scenario.lua:3:"), std::string::npos) << e;
}

TEST(LuaSandbox, MathRandomDrawsFromTheGivenStream) {
  EXPECT_NE(error_of("math.random()").find("not available"), std::string::npos);
  EXPECT_NE(error_of("math.randomseed(4)").find("randomseed is not available"), std::string::npos);

  LuaSandbox sandbox;
  core::RandomStream stream(core::StreamKey{5, 0}, 1, 2);
  sandbox.set_random_stream(&stream);
  sandbox.run_chunk("x = math.random() ; k = math.random(6) ; j = math.random(10, 12)", "r.lua");
  lua_State* L = sandbox.state();
  lua_getglobal(L, "x");
  lua_getglobal(L, "k");
  lua_getglobal(L, "j");
  // The same stream, replayed in C++, gives the same numbers in the same order.
  core::RandomStream replay(core::StreamKey{5, 0}, 1, 2);
  EXPECT_EQ(lua_tonumber(L, -3), replay.uniform());
  EXPECT_EQ(lua_tointeger(L, -2), static_cast<lua_Integer>(1 + replay.below(6)));
  EXPECT_EQ(lua_tointeger(L, -1), static_cast<lua_Integer>(10 + replay.below(3)));
  lua_pop(L, 3);
}

}  // namespace
}  // namespace parcours::policy
