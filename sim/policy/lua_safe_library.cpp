#include "policy/lua_safe_library.hpp"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "policy/lua_sandbox.hpp"

// Every function here is called from Lua and keeps only plain data in its frames, so the
// errors they raise (a longjmp in the system's Lua) skip no destructor.

namespace parcours::policy {

namespace {

// load() for text chunks only: precompiled bytecode could crash the VM, so mode is forced
// to "t" whatever the script asks for.
int safe_load(lua_State* L) {
  std::size_t length = 0;
  const char* text = luaL_checklstring(L, 1, &length);
  const char* name = luaL_optstring(L, 2, "=(load)");
  if (luaL_loadbufferx(L, text, length, name, "t") != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;  // fail, message
  }
  if (!lua_isnone(L, 4)) {  // custom environment: the chunk's first upvalue is _ENV
    lua_pushvalue(L, 4);
    if (lua_setupvalue(L, -2, 1) == nullptr) lua_pop(L, 1);
  }
  return 1;
}

int print_to_stderr(lua_State* L) {
  if (!sandbox_of(L).print_enabled()) return 0;
  const int n = lua_gettop(L);
  lua_pushliteral(L, "[lua] ");
  for (int i = 1; i <= n; ++i) {
    if (i > 1) lua_pushliteral(L, "\t");
    luaL_tolstring(L, i, nullptr);  // a __tostring runs as the script's own code
  }
  lua_pushliteral(L, "\n");
  lua_concat(L, lua_gettop(L) - n);
  std::size_t length = 0;
  const char* line = lua_tolstring(L, -1, &length);
  std::fwrite(line, 1, length, stderr);
  return 0;
}

int randomseed_refused(lua_State* L) {
  return luaL_error(L,
                    "math.randomseed is not available: math.random draws from the run's seed "
                    "(set it with scenario { seed = ... } or --seed)");
}

// setmetatable as Lua's, but a metatable with a __gc field is refused: a finalizer runs when
// the collector decides, possibly after a limit was hit or while the state closes, outside
// every budget. Lua marks an object for finalization only if __gc is present when the
// metatable is set, so adding the field later has no effect.
int safe_setmetatable(lua_State* L) {
  const int type = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, type == LUA_TNIL || type == LUA_TTABLE, 2, "nil or table");
  if (type == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL) {
      return luaL_error(L,
                        "__gc finalizers are not available in a scenario (they would run "
                        "outside its limits)");
    }
    lua_pop(L, 1);
  }
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
    return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

// string.rep as Lua's, except that an empty result is returned at once: Lua's loop copies
// nothing n times, so string.rep("", 1e15) would spin in C where no hook can stop it.
int safe_rep(lua_State* L) {
  std::size_t length = 0;
  std::size_t separator = 0;
  luaL_checklstring(L, 1, &length);
  const lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &separator);
  if (n > 0 && length == 0 && (separator == 0 || n == 1)) {
    lua_pushliteral(L, "");
    return 1;
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

// ---- pairs and next in a fixed order ----------------------------------------------------
// Lua's traversal order follows string hashes, which it seeds per process, and addresses, so
// the same scenario could visit a table in another order in another process. Keys are
// visited as: numbers ascending, then strings (bytewise), then false and true, then a key
// that is a table or a function. Such keys have no value to sort by and Lua orders them by
// address, which changes from one process to the next: a table with two of them cannot be
// traversed reproducibly, so pairs() and next() refuse it (an error at the caller's line).

int rank_of(lua_State* L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TNUMBER:
      return 0;
    case LUA_TSTRING:
      return 1;
    case LUA_TBOOLEAN:
      return 2;
    default:
      return 3;
  }
}

struct SortKey {
  int rank = 3;
  bool integer = false;
  lua_Integer i = 0;
  long double x = 0;  // exact for every lua_Integer too (64-bit mantissa)
  const char* text = nullptr;
  std::size_t length = 0;
  lua_Integer slot = 0;  // position in Lua's own order
};

SortKey sort_key(lua_State* L, int index, lua_Integer slot) {
  SortKey k;
  k.rank = rank_of(L, index);
  k.slot = slot;
  if (k.rank == 0) {
    k.integer = lua_isinteger(L, index) != 0;
    k.i = lua_tointeger(L, index);
    k.x = k.integer ? static_cast<long double>(k.i) : lua_tonumber(L, index);
  } else if (k.rank == 1) {
    k.text = lua_tolstring(L, index, &k.length);  // a string already: no conversion
  } else if (k.rank == 2) {
    k.i = lua_toboolean(L, index);
  }
  return k;
}

bool key_less(const SortKey& a, const SortKey& b) {
  if (a.rank != b.rank) return a.rank < b.rank;
  switch (a.rank) {
    case 0:
      return a.integer && b.integer ? a.i < b.i : a.x < b.x;
    case 1: {
      const int c = std::memcmp(a.text, b.text, std::min(a.length, b.length));
      return c != 0 ? c < 0 : a.length < b.length;
    }
    case 2:
      return a.i < b.i;
    default:
      return a.slot < b.slot;
  }
}

[[noreturn]] void refuse_unordered(lua_State* L) {
  luaL_error(L,
             "pairs/next: this table has two or more keys that are tables or functions, whose "
             "order changes from one run to the next; key it by numbers or strings");
  std::abort();  // luaL_error does not return
}

// Pushes a list of the keys of the table at `t`, in the fixed order.
void push_ordered_keys(lua_State* L, int t) {
  lua_newtable(L);
  const int raw = lua_gettop(L);
  lua_Integer n = 0;
  lua_pushnil(L);
  while (lua_next(L, t) != 0) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, raw, ++n);
  }
  auto* keys = static_cast<SortKey*>(
      lua_newuserdatauv(L, sizeof(SortKey) * static_cast<std::size_t>(n > 0 ? n : 1), 0));
  for (lua_Integer j = 1; j <= n; ++j) {
    lua_rawgeti(L, raw, j);
    keys[j - 1] = sort_key(L, -1, j);  // strings stay alive in `raw`
    lua_pop(L, 1);
  }
  std::sort(keys, keys + n, key_less);
  if (n >= 2 && keys[n - 2].rank == 3) refuse_unordered(L);
  lua_createtable(L, static_cast<int>(n), 0);
  for (lua_Integer j = 0; j < n; ++j) {
    lua_rawgeti(L, raw, keys[j].slot);
    lua_rawseti(L, -2, j + 1);
  }
  lua_replace(L, raw);
  lua_pop(L, 1);  // the scratch keys
}

int ordered_step(lua_State* L) {  // the iterator pairs() returns: (table, _) -> key, value
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
  for (;;) {
    if (lua_rawgeti(L, lua_upvalueindex(1), ++i) == LUA_TNIL) return 1;
    lua_pushvalue(L, -1);
    if (lua_rawget(L, 1) != LUA_TNIL) {  // a key set to nil since is skipped
      lua_pushinteger(L, i);
      lua_replace(L, lua_upvalueindex(2));
      return 2;
    }
    lua_pop(L, 2);
  }
}

int ordered_pairs(lua_State* L) {
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {  // as Lua's pairs
    lua_pushvalue(L, 1);
    lua_call(L, 1, 3);
    return 3;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  push_ordered_keys(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, ordered_step, 2);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

// next(t, k) in the same order, found by one pass over the table (no state kept between
// calls, so it costs O(n) a call; pairs() is the fast way to traverse).
int ordered_next(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  const bool from_start = lua_isnil(L, 2);
  const bool after_unordered = !from_start && rank_of(L, 2) == 3;
  // The one key that is a table or a function, if any (two have no reproducible order).
  int unordered = 0;
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    lua_pop(L, 1);
    if (rank_of(L, -1) == 3 && ++unordered == 2) refuse_unordered(L);
  }
  if (!after_unordered) {
    const SortKey after = from_start ? SortKey{} : sort_key(L, 2, 0);
    lua_pushnil(L);  // 3: the best key so far
    SortKey best;
    bool found = false;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
      lua_pop(L, 1);
      const SortKey k = sort_key(L, -1, 0);
      if (k.rank < 3 && (from_start || key_less(after, k)) && (!found || key_less(k, best))) {
        lua_pushvalue(L, -1);
        lua_replace(L, 3);
        best = sort_key(L, 3, 0);
        found = true;
      }
    }
    if (found) {
      lua_pushvalue(L, 3);
      lua_rawget(L, 1);
      return 2;
    }
    lua_settop(L, 1);
    lua_pushnil(L);  // go on with the other keys, in Lua's order
  }
  if (unordered == 0 || after_unordered) {
    lua_pushnil(L);
    return 1;
  }
  lua_settop(L, 1);
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    if (rank_of(L, -2) == 3) return 2;
    lua_pop(L, 1);
  }
  lua_pushnil(L);
  return 1;
}

// table.sort and table.move in Lua, so that their work counts as instructions: Lua's own run
// in C, where the hook cannot stop them (table.move(t, 1, 1e15, 2) loops for days), and its
// sort picks pivots from the clock, so equal elements could come out in another order in
// another run. This sort is a stable merge sort.
constexpr const char* kTablePrelude = R"lua(
local type, error, tointeger, min = type, error, math.tointeger, math.min
local function default_less(x, y)
  local tx, ty = type(x), type(y)
  if tx ~= ty or (tx ~= "number" and tx ~= "string" and tx ~= "table") then
    error("invalid value in table.sort: attempt to compare " .. tx .. " with " .. ty, 3)
  end
  return x < y
end
local function sort(list, less)
  if type(list) ~= "table" then
    error("bad argument #1 to 'sort' (table expected, got " .. type(list) .. ")", 2)
  end
  if less ~= nil and type(less) ~= "function" then
    error("bad argument #2 to 'sort' (function expected, got " .. type(less) .. ")", 2)
  end
  less = less or default_less
  local n = #list
  local a, b = {}, {}
  for i = 1, n do a[i] = list[i] end
  local width = 1
  while width < n do
    local i = 1
    while i <= n do
      local mid, hi = min(i + width, n + 1), min(i + 2 * width, n + 1)
      local l, r, k = i, mid, i
      while l < mid and r < hi do
        if less(a[r], a[l]) then b[k] = a[r]; r = r + 1 else b[k] = a[l]; l = l + 1 end
        k = k + 1
      end
      while l < mid do b[k] = a[l]; l = l + 1; k = k + 1 end
      while r < hi do b[k] = a[r]; r = r + 1; k = k + 1 end
      i = hi
    end
    a, b = b, a
    width = width * 2
  end
  for i = 1, n do list[i] = a[i] end
end
local function integer(v, arg)
  local i = tointeger(v)
  if i == nil then
    error("bad argument #" .. arg .. " to 'move' (number has no integer representation)", 3)
  end
  return i
end
local function move(a1, f, e, t, a2)
  f, e, t = integer(f, 2), integer(e, 3), integer(t, 4)
  if a2 == nil then a2 = a1 end
  if e >= f then
    if t > e or t <= f or a1 ~= a2 then
      for i = 0, e - f do a2[t + i] = a1[f + i] end
    else
      for i = e - f, 0, -1 do a2[t + i] = a1[f + i] end
    end
  end
  return a2
end
return sort, move
)lua";

}  // namespace

void install_safe_functions(lua_State* L) {
  lua_pushcfunction(L, safe_load);
  lua_setglobal(L, "load");
  lua_pushcfunction(L, print_to_stderr);
  lua_setglobal(L, "print");
  lua_pushcfunction(L, safe_setmetatable);
  lua_setglobal(L, "setmetatable");
  lua_pushcfunction(L, ordered_pairs);
  lua_setglobal(L, "pairs");
  lua_pushcfunction(L, ordered_next);
  lua_setglobal(L, "next");

  lua_getglobal(L, LUA_STRLIBNAME);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");  // string.dump makes bytecode
  lua_getfield(L, -1, "rep");
  lua_pushcclosure(L, safe_rep, 1);
  lua_setfield(L, -2, "rep");
  install_counted_patterns(L);
  lua_pop(L, 1);

  lua_getglobal(L, LUA_MATHLIBNAME);
  lua_pushcfunction(L, randomseed_refused);
  lua_setfield(L, -2, "randomseed");
  lua_pop(L, 1);

  lua_getglobal(L, LUA_TABLIBNAME);
  if (luaL_loadbufferx(L, kTablePrelude, std::strlen(kTablePrelude), "=(sandbox)", "t") != LUA_OK ||
      lua_pcall(L, 0, 2, 0) != LUA_OK) {
    std::fprintf(stderr, "parcours: sandbox prelude: %s\n", lua_tostring(L, -1));
    std::abort();  // a bug of ours, not bad input
  }
  lua_setfield(L, -3, "move");
  lua_setfield(L, -2, "sort");
  lua_pop(L, 1);
}

}  // namespace parcours::policy
