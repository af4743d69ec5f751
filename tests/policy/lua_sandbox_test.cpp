#include "policy/lua_sandbox.hpp"

#include <gtest/gtest.h>

#include <chrono>
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

// Found by the set_value fuzzer: an error message with newlines and blank lines in it was
// taken for the traceback, and a blank row made the short traceback throw.
TEST(LuaSandbox, AnErrorMessageWithNewlinesAndBlankLinesIsKeptWhole) {
  const std::string e = error_of("error('first\\n\\n  \\t\\nlast')\n");
  EXPECT_NE(e.find("first"), std::string::npos) << e;
  EXPECT_NE(e.find("last"), std::string::npos) << e;
  EXPECT_EQ(e.find("traceback:\n  \n"), std::string::npos) << e;
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

TEST(LuaSandbox, PcallCannotSwallowALimit) {
  SandboxLimits limits;
  limits.load_instructions = 1'000'000;
  // Every instruction after the limit raises again: the script cannot go on, even in the
  // handler of an xpcall or after a pcall returns.
  const std::string e = error_of(
      "local caught = 0\n"
      "for i = 1, 5 do\n"
      "  pcall(function() while true do end end)\n"
      "  xpcall(function() while true do end end, function() caught = caught + 1 end)\n"
      "end\n"
      "error('the script went on')\n",
      limits);
  EXPECT_NE(e.find("scenario.lua:3: instruction limit of 1000000 exceeded"), std::string::npos)
      << e;

  limits = {};
  limits.memory_bytes = std::size_t{16} << 20;
  const std::string m = error_of(
      "local ok = pcall(function() local t = {} for i = 1, 1e9 do t[i] = {} end end)\n"
      "local u = {} for i = 1, 100 do u[i] = {} end\n"
      "error('the script went on')\n",
      limits);
  EXPECT_NE(m.find("scenario.lua:1: memory limit of 16 MiB exceeded"), std::string::npos) << m;
}

TEST(LuaSandbox, TheDeadlineStopsWhatTheInstructionCountAllows) {
  SandboxLimits limits;
  limits.load_instructions = std::uint64_t{1} << 50;
  limits.load_seconds = 0.2;
  const auto start = std::chrono::steady_clock::now();
  const std::string e = error_of("local n = 0\nwhile true do n = n + 1 end", limits);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(e.find("scenario.lua:2: time limit of 0.2 s exceeded"), std::string::npos) << e;
  EXPECT_LT(took, 5.0);
}

TEST(LuaSandbox, PatternStepsCountAsInstructions) {
  SandboxLimits limits;
  limits.load_instructions = 1'000'000;
  // Exponential backtracking inside one C call: stopped by the step count.
  const std::string e =
      error_of("local s = ('a'):rep(30)\nreturn s:find(('a*'):rep(30) .. 'b')\n", limits);
  EXPECT_NE(e.find("scenario.lua:2: instruction limit of 1000000 exceeded"), std::string::npos)
      << e;
  // A plain search that compares much is counted as well.
  const std::string plain = error_of(
      "local s = ('a'):rep(200000)\nreturn s:find(('a'):rep(100000) .. 'b', 1, true)\n", limits);
  EXPECT_NE(plain.find("instruction limit"), std::string::npos) << plain;
  // Ordinary patterns work as in Lua.
  EXPECT_EQ(error_of("assert(('  x y  '):match('^%s*(.-)%s*$') == 'x y')\n"
                     "assert(select(2, ('a,b,,c'):gsub(',', ';')) == 3)\n"
                     "local n = 0 for w in ('one two three'):gmatch('%a+') do n = n + 1 end\n"
                     "assert(n == 3 and ('hello'):find('l') == 3)\n"
                     "assert(('f(a(b)c)'):match('%b()') == '(a(b)c)')\n"
                     "assert(('THE (quick) fox'):find('%f[%a]%a+', 5) == 6)\n"),
            "");
}

TEST(LuaSandbox, LongCCallsAreBounded) {
  SandboxLimits limits;
  limits.load_instructions = 1'000'000;
  EXPECT_EQ(error_of("assert(string.rep('', 1e15) == '' and ('ab'):rep(3, ',') == 'ab,ab,ab')"),
            "");
  const std::string move = error_of("local t = {}\ntable.move(t, 1, 1e15, 2)\n", limits);
  EXPECT_NE(move.find("scenario.lua:2: instruction limit"), std::string::npos) << move;
  EXPECT_EQ(error_of("local t = table.move({1, 2, 3}, 1, 3, 2)\n"
                     "assert(t[1] == 1 and t[2] == 1 and t[3] == 2 and t[4] == 3)\n"
                     "local u = table.move({1, 2, 3}, 2, 3, 1, {})\n"
                     "assert(u[1] == 2 and u[2] == 3 and u[3] == nil)\n"),
            "");
}

TEST(LuaSandbox, SortIsStableAndChecksItsArguments) {
  EXPECT_EQ(error_of("local t = {}\n"
                     "for i = 1, 500 do t[i] = { key = i % 7, order = i } end\n"
                     "table.sort(t, function(a, b) return a.key < b.key end)\n"
                     "for i = 2, 500 do\n"
                     "  local a, b = t[i - 1], t[i]\n"
                     "  assert(a.key < b.key or (a.key == b.key and a.order < b.order))\n"
                     "end\n"
                     "local s = { 'pear', 'apple', 'fig' } table.sort(s)\n"
                     "assert(table.concat(s, ' ') == 'apple fig pear')\n"
                     "local d = { 3, 1, 2 } table.sort(d, function(a, b) return a > b end)\n"
                     "assert(table.concat(d) == '321')\n"),
            "");
  const std::string e = error_of("local t = { 1, 'x' }\ntable.sort(t)\n");
  EXPECT_NE(e.find("scenario.lua:2: invalid value in table.sort"), std::string::npos) << e;
}

TEST(LuaSandbox, FinalizersAreRefused) {
  const std::string e = error_of("\nsetmetatable({}, { __gc = function() while true do end end })");
  EXPECT_NE(e.find("scenario.lua:2: __gc finalizers are not available"), std::string::npos) << e;
  // Other metatables work as in Lua, and protected ones stay protected.
  EXPECT_EQ(
      error_of("local t = setmetatable({}, { __index = function(_, k) return k .. '!' end })\n"
               "assert(t.x == 'x!')\n"
               "local p = setmetatable({}, { __metatable = 'locked' })\n"
               "assert(not pcall(setmetatable, p, {}))\n"),
      "");
}

TEST(LuaSandbox, PairsAndNextFollowAFixedOrder) {
  EXPECT_EQ(
      error_of("local t = { z = 1, a = 2, [3] = 3, [1.5] = 4, [-2] = 5, [true] = 6, m = 7 }\n"
               "local keys = {}\n"
               "for k, v in pairs(t) do keys[#keys + 1] = tostring(k) end\n"
               "assert(table.concat(keys, ' ') == '-2 1.5 3 a m z true', table.concat(keys, ' '))\n"
               "local k, seen = next(t), {}\n"
               "while k ~= nil do seen[#seen + 1] = tostring(k) k = next(t, k) end\n"
               "assert(table.concat(seen, ' ') == table.concat(keys, ' '))\n"
               "assert(next({}) == nil)\n"
               "local f = function() end\n"
               "local u = { [f] = 1, b = 3, [2] = 4 }\n"  // one function key: last
               "local seq = {} for k in pairs(u) do seq[#seq + 1] = k end\n"
               "assert(#seq == 3 and seq[1] == 2 and seq[2] == 'b' and seq[3] == f)\n"
               "assert(next(u) == 2 and next(u, 2) == 'b' and next(u, 'b') == f)\n"
               "assert(next(u, f) == nil)\n"
               "local d = { a = 1, b = 2, c = 3 }\n"
               "for k in pairs(d) do d[k] = nil end\n"  // clearing while traversing
               "assert(next(d) == nil)\n"
               "local mp = setmetatable({}, { __pairs = function(t) return function(_, k) "
               "if k == nil then return 1, 'one' end end, t, nil end })\n"
               "for k, v in pairs(mp) do assert(k == 1 and v == 'one') end\n"),
      "");
}

TEST(LuaSandbox, TablesKeyedByTwoTablesOrFunctionsAreNotTraversed) {
  // Their order is their addresses', which change between processes: the same scenario and
  // seed would give other tables. An error at the caller's line instead.
  for (const char* traversal :
       {"for k in pairs(u) do end", "local k = next(u)", "local k = next(u, 'b')"}) {
    const std::string e = error_of(std::string("local u = { [{}] = 1, [function() end] = 2, "
                                               "b = 3 }\n") +
                                   traversal + "\n");
    EXPECT_NE(e.find(":2: pairs/next: this table has two or more keys that are tables or "
                     "functions"),
              std::string::npos)
        << traversal << ": " << e;
  }
}

TEST(LuaSandbox, ErrorObjectsAreDescribedWithoutTheirMetamethods) {
  const std::string e =
      error_of("error(setmetatable({}, { __tostring = function() while true do end end }))");
  EXPECT_NE(e.find("error object is a table value"), std::string::npos) << e;
}

}  // namespace
}  // namespace parcours::policy
