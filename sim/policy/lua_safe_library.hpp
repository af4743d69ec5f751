#pragma once
// The sandbox's replacements for library functions that would break its promises
// (lua_sandbox.hpp): text-only load, print to stderr, no math.randomseed, no string.dump,
// setmetatable without __gc, pairs/next in a fixed order, string.rep/table.sort/table.move
// that cannot run unbounded in C, and the counted pattern functions.

struct lua_State;

namespace parcours::policy {

/// Installs them in the state's globals (the libraries must be open).
void install_safe_functions(lua_State* L);

}  // namespace parcours::policy
