#pragma once
// The scenario load under way, as the loader functions (sections, csv, base) see it: its
// context, and whether it is still under way. Internal to the policy layer's loader
// (scenario_loader.cpp builds it; scenario_files.cpp reads other files into it).

#include <lua.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/scenario.hpp"
#include "policy/uncertain_parameters.hpp"

namespace parcours::policy::detail {

// Error messages are built in fixed buffers: no C++ object may be alive when Lua raises.
inline constexpr std::size_t kMessageSize = 1024;
// The load under way: its context and a number no other load of the state had. Loader
// functions (sections, csv, base) carry both, so one kept in a variable past its load
// finds it dead instead of reading a context that is gone.
inline constexpr const char* kLiveKey = "parcours.load_context";
inline constexpr const char* kGenerationKey = "parcours.load_generation";

struct LoadContext {
  const ScenarioSource* source = nullptr;
  const std::vector<Override>* overrides = nullptr;
  std::vector<SectionValues> sections;
  std::vector<int> tables;      // registry reference to each section's resolved table
  std::vector<bool> from_base;  // whether each section was set by the base scenario
  std::vector<std::pair<std::string, std::string>> files;
  bool in_base = false;    // the base scenario is running
  bool base_used = false;  // `base` was called
  const UncertainSettings* uncertain = nullptr;
  std::vector<UncertainDraw> drawn;  // uncertain values, as resolved
};

// The loader function's context if its load is still under way, else null. Upvalue 1 is
// the context, upvalue `generation` the load's number.
LoadContext* live_context(lua_State* L, int generation);

/// Raises "NAME can only be called while the scenario loads" (a loader kept past its load).
int dead_loader(lua_State* L, bool enforcing, std::string_view name);

/// base "file.lua" and csv "file.csv", as Lua C functions with upvalues (context, generation).
int base_function(lua_State* L);
int csv_function(lua_State* L);

}  // namespace parcours::policy::detail
