// The loader functions that read other files of the scenario's folder: `base` (another
// scenario run first, overlaid by the later sections) and `csv` (a table's rows). Both run
// between the script's instructions, as glue: their own work is outside the script's limits,
// what they hand to the script (compiling the base, building the rows) is under them.

#include <lauxlib.h>
#include <lua.h>

#include <cstdio>

#include "io/csv_reader.hpp"
#include "io/sha256.hpp"
#include "policy/load_context.hpp"
#include "policy/lua_globals.hpp"

namespace parcours::policy::detail {

// The loader function's context if its load is still under way, else null. Upvalue 1 is
// the context, upvalue `generation` the load's number.
LoadContext* live_context(lua_State* L, int generation) {
  lua_getfield(L, LUA_REGISTRYINDEX, kLiveKey);
  void* live = lua_touserdata(L, -1);
  lua_getfield(L, LUA_REGISTRYINDEX, kGenerationKey);
  const lua_Integer current = lua_tointeger(L, -1);
  lua_pop(L, 2);
  if (live == nullptr || live != lua_touserdata(L, lua_upvalueindex(1)) ||
      current != lua_tointeger(L, lua_upvalueindex(generation))) {
    return nullptr;
  }
  return static_cast<LoadContext*>(live);
}

int dead_loader(lua_State* L, bool enforcing, std::string_view name) {
  char error[kMessageSize];
  std::snprintf(error, kMessageSize,
                "%.*s can only be called while the scenario loads, not inside a policy hook",
                static_cast<int>(name.size()), name.data());
  return raise_from_glue(L, enforcing, error);
}

// base "baseline.lua": runs another scenario of the same folder first; later sections then
// overlay it, key by key (a variant states only what it changes).
int base_function(lua_State* L) {
  LuaSandbox& sandbox = sandbox_of(L);
  const bool enforcing = sandbox.glue();
  LoadContext* live = live_context(L, 2);
  if (live == nullptr) return dead_loader(L, enforcing, "base");
  LoadContext& ctx = *live;
  if (lua_type(L, 1) != LUA_TSTRING)
    return raise_from_glue(L, enforcing, "base expects a file name");
  const char* relative = lua_tostring(L, 1);
  char error[kMessageSize] = {0};
  {
    std::string message;
    if (ctx.base_used || ctx.in_base) {
      message = "base can be used once, and not inside a base";
    } else if (!ctx.sections.empty()) {
      message = "base must come before any section";
    } else {
      try {
        const std::string text = read_scenario_file(*ctx.source, relative);
        ctx.files.emplace_back(relative, io::sha256_hex(text));
        const std::string chunk_name =
            "@" + (ctx.source->embedded ? std::string(relative)
                                        : (ctx.source->directory / relative).string());
        // Compiling is the script's work (limits on); loadbuffer is protected: it returns.
        sandbox.resume(enforcing);
        const int status = luaL_loadbufferx(L, text.data(), text.size(), chunk_name.c_str(), "t");
        sandbox.glue();
        if (status != LUA_OK) {
          message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "cannot compile";
          lua_pop(L, 1);
        }
      } catch (const std::exception& e) {
        message = e.what();
      }
    }
    if (!message.empty())
      std::snprintf(error, kMessageSize, "base \"%s\": %s", relative, message.c_str());
  }
  if (error[0] != '\0') {
    sandbox.resume(enforcing);
    sandbox.raise_if_killed(L);  // a memory limit hit while compiling
    sandbox.glue();
    return raise_from_glue(L, enforcing, error);
  }
  ctx.base_used = true;
  ctx.in_base = true;
  sandbox.resume(enforcing);
  lua_call(L, 0, 0);  // errors carry the base's file and line
  ctx.in_base = false;
  return 0;
}

namespace {

// Builds the rows of a table read by csv, inside a protected call (plain data only).
int push_rows_protected(lua_State* L) {
  push_csv_rows(L, *static_cast<const io::CsvTable*>(lua_touserdata(L, 1)));
  return 1;
}

}  // namespace

// csv "file.csv": the rows of a CSV file next to the scenario, as tables keyed by header;
// fields that read as numbers become numbers.
int csv_function(lua_State* L) {
  LuaSandbox& sandbox = sandbox_of(L);
  const bool enforcing = sandbox.glue();
  LoadContext* live = live_context(L, 2);
  if (live == nullptr) return dead_loader(L, enforcing, "csv");
  LoadContext& ctx = *live;
  if (lua_type(L, 1) != LUA_TSTRING)
    return raise_from_glue(L, enforcing, "csv expects a file name");
  const char* relative = lua_tostring(L, 1);
  char error[kMessageSize] = {0};
  int status = LUA_OK;
  {
    try {
      const std::string text = read_scenario_file(*ctx.source, relative);
      ctx.files.emplace_back(relative, io::sha256_hex(text));
      const io::CsvTable table = io::parse_csv(text, relative);
      // The rows are the script's data: built under the limits, in a protected call that
      // returns here whatever happens.
      lua_pushcfunction(L, push_rows_protected);
      lua_pushlightuserdata(L, const_cast<io::CsvTable*>(&table));
      sandbox.resume(enforcing);
      status = lua_pcall(L, 1, 1, 0);
      sandbox.glue();
      if (status != LUA_OK) {
        std::snprintf(error, kMessageSize, "%s",
                      lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "not enough memory");
        lua_pop(L, 1);
      }
    } catch (const std::exception& e) {
      std::snprintf(error, kMessageSize, "%s", e.what());
    }
  }
  if (status != LUA_OK) {
    sandbox.resume(enforcing);
    sandbox.raise_if_killed(L);
    sandbox.glue();
  }
  if (error[0] != '\0') {
    char message[kMessageSize + 64];
    std::snprintf(message, sizeof message, "csv \"%s\": %s", relative, error);
    return raise_from_glue(L, enforcing, message);
  }
  sandbox.resume(enforcing);
  return 1;
}

}  // namespace parcours::policy::detail
