#include "policy/scenario_overrides.hpp"

#include <lauxlib.h>

#include <string>

#include "policy/lua_sandbox.hpp"

namespace parcours::policy::detail {

void push_expression(lua_State* L, const std::string& expression) {
  const std::string chunk = "return " + expression;
  // The expression is code like the script's: it runs under the limits, in its own
  // protected call, so nothing it raises crosses this frame.
  LuaSandbox& sandbox = sandbox_of(L);
  sandbox.resume(true);
  const bool ok = luaL_loadbufferx(L, chunk.data(), chunk.size(), "=--set", "t") == LUA_OK &&
                  lua_pcall(L, 0, 1, 0) == LUA_OK;
  sandbox.glue();
  if (ok && !lua_isnil(L, -1)) return;
  lua_pop(L, 1);
  lua_pushlstring(L, expression.data(), expression.size());
}

void push_override(lua_State* L, const Override& o, const ParamSpec& spec) {
  std::string text = o.expression;
  if (spec.type != ParamType::kString && spec.type != ParamType::kDate) {
    push_expression(L, text);
    return;
  }
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  lua_pushlstring(L, text.data(), text.size());
}

}  // namespace parcours::policy::detail
