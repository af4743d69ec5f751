#pragma once
// Reading one Lua value as a parameter's spec says (parameter_values.cpp), and the tables a
// distribution or a hazard is given as (parameter_tables.cpp). Each returns an error message,
// "" when fine, and raises no Lua error.

#include <string>
#include <string_view>

#include "core/distribution.hpp"
#include "model/hazard.hpp"
#include "policy/parameter_schema.hpp"

struct lua_State;

namespace parcours::policy {

/// "the string \"x\"", "the number 3", "a table": what a wrong value was, for messages.
std::string describe_lua_value(lua_State* L, int index);
/// The number at `index`, within the spec's range; `what` names it in the message.
std::string check_number(lua_State* L, int index, const ParamSpec& spec, std::string_view what,
                         double& out);
/// A number (fixed) or { dist = "family", <its parameters> }.
std::string read_distribution(lua_State* L, int index, const ParamSpec& spec,
                              core::Distribution& out);
/// { family = "...", <its parameters, in weeks> }, converted to days.
std::string read_hazard(lua_State* L, int index, const ParamSpec& spec, model::Hazard& out);

}  // namespace parcours::policy
