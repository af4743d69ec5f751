#pragma once
// The globals a scenario sees besides its sections: the `policy` table of decision hooks,
// strict reading of undefined names, and the data a `csv "file"` call returns.

#include <string>
#include <string_view>
#include <vector>

#include "policy/scenario.hpp"

struct lua_State;

namespace parcours::policy {

/// `policy` accepts only known hook names, each a function, checked at the assignment line.
void install_policy_table(lua_State* L);
/// Pushes the hook `name` (a function) or nil.
void push_policy_hook(lua_State* L, std::string_view name);
std::vector<std::string> defined_policy_hooks(lua_State* L);

/// Reading an undefined global is an error naming it, with a "did you mean".
void install_strict_globals(lua_State* L);

/// A file next to the scenario (or embedded with it); only plain relative paths inside the
/// scenario's folder are allowed. Throws io::InputError.
std::string read_scenario_file(const ScenarioSource& source, const std::string& relative);
/// Parses CSV text and pushes a list of row tables (numbers where a field is one).
void push_csv_rows(lua_State* L, const std::string& text, const std::string& name);

}  // namespace parcours::policy
