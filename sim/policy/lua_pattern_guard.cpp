// string.find, match, gmatch and gsub for the sandbox: Lua's own functions, called only once
// their worst-case work has been charged to the sandbox's instruction budget (which also
// checks the deadline). A pattern that backtracks runs inside one C call, where the count hook
// never fires, so `("a"):rep(40):find(("a*"):rep(40) .. "b")` would otherwise run for longer
// than the universe has existed.
//
// The bound is a priori and conservative. With n the subject's length, m the pattern's and k
// its repeatable items (one character class followed by *, +, - or ?) plus back-references
// (%1-%9), a match tries at most n + 1 start positions and, at each, at most n + 1 lengths for
// each repeatable item (nested), each try comparing at most m items: (n + 1)^(k + 1) (m + 1)
// steps. `?`, anchors, %b and %f cost less than that. A scenario whose matching could be that
// costly is stopped with the instruction-limit error before any work is done; scenarios match
// short names, so real ones stay far below it.

#include <lauxlib.h>
#include <lua.h>

#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "policy/lua_sandbox.hpp"

namespace parcours::policy {
namespace {

// The index just past the set that opens at p[i] == '[' (as Lua's own classEnd reads it).
std::size_t skip_set(const char* p, std::size_t m, std::size_t i) {
  std::size_t j = i + 1;
  if (j < m && p[j] == '^') ++j;
  do {  // the first character may be a literal ']'
    if (j >= m) return m;
    j += (p[j] == '%') ? 2 : 1;
  } while (j < m && p[j] != ']');
  return j + 1;
}

// Repeatable items and back-references of a pattern (k above). A malformed pattern gets some
// count: Lua's own function then raises its usual error.
int repeatable_items(const char* p, std::size_t m) {
  int k = 0;
  std::size_t i = 0;
  while (i < m) {
    const char c = p[i];
    if (c == '(' || c == ')' || (c == '^' && i == 0) || (c == '$' && i + 1 == m)) {
      ++i;
      continue;
    }
    if (c == '%') {
      if (i + 1 >= m) break;
      const char d = p[i + 1];
      if (d == 'b') {  // %bxy: a balanced match, linear
        i += 4;
        continue;
      }
      if (d == 'f') {  // %f[set]: a frontier, one comparison
        i += 2;
        if (i < m && p[i] == '[') i = skip_set(p, m, i);
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(d)) != 0) {  // back-reference: up to n compares
        ++k;
        i += 2;
        continue;
      }
      i += 2;
    } else if (c == '[') {
      i = skip_set(p, m, i);
    } else {
      ++i;
    }
    if (i < m && (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?')) {
      ++k;
      ++i;
    }
  }
  return k;
}

// Charges the bound, then calls Lua's own function (upvalue 1) with the same arguments. Its
// frame holds plain data only: the errors raised skip no destructor.
int guarded(lua_State* L) {
  if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
    if (lua_type(L, 2) == LUA_TSTRING || lua_type(L, 2) == LUA_TNUMBER) {
      std::size_t n = 0;
      std::size_t m = 0;
      lua_tolstring(L, 1, &n);  // numbers become strings, as Lua's own function would read them
      const char* p = lua_tolstring(L, 2, &m);
      const double steps = std::pow(static_cast<double>(n) + 1.0, repeatable_items(p, m) + 1) *
                           (static_cast<double>(m) + 1.0);
      constexpr double kCap = 4.0e18;  // under 2^63: the budget's sum cannot wrap
      sandbox_of(L).charge(L, static_cast<std::uint64_t>(std::fmin(steps, kCap)));
    }
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

}  // namespace

void install_counted_patterns(lua_State* L) {
  for (const char* name : {"find", "match", "gmatch", "gsub"}) {
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, guarded, 1);
    lua_setfield(L, -2, name);
  }
}

}  // namespace parcours::policy
