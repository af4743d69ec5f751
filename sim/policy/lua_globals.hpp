#pragma once
// The globals a scenario sees besides its sections: the `policy` table of decision hooks,
// strict reading of undefined names, and the data a `csv "file"` call returns.

#include <string>
#include <string_view>
#include <vector>

#include "io/csv_reader.hpp"
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

/// Where each hook was assigned ("file:line"), for hooks that are C functions and so have no
/// line of their own; "" if unknown.
std::string policy_hook_site(lua_State* L, std::string_view name);

/// A file next to the scenario (or embedded with it): a plain relative path whose real path
/// (symbolic links resolved) is inside the scenario's folder, a regular file of at most
/// kMaxScenarioFileBytes. Throws io::InputError.
std::string read_scenario_file(const ScenarioSource& source, const std::string& relative);
/// Pushes the table's rows as a list of row tables (numbers where a field is one). May raise
/// a Lua error (memory): call it inside a protected call.
void push_csv_rows(lua_State* L, const io::CsvTable& table);

}  // namespace parcours::policy
