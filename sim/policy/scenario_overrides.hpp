#pragma once
// Values the scenario loader makes from text (scenario_loader.cpp): a --set override's, in
// place of the script's own, and a parameter's default from the schema. Internal to the
// policy layer's loader.

#include <lua.h>

#include <string>

#include "policy/parameter_schema.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy::detail {

/// Pushes the value of a Lua expression, run under the sandbox's limits like the script's own
/// code, in its own protected call; text that is no expression is pushed as a string.
void push_expression(lua_State* L, const std::string& expression);

/// The value of a --set: text for strings and dates (so 2026-04-01 stays a date and
/// `name=arrivals` stays a name), a Lua expression (push_expression) for everything else.
void push_override(lua_State* L, const Override& o, const ParamSpec& spec);

}  // namespace parcours::policy::detail
