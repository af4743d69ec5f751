#include "policy/lua_globals.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "io/csv_reader.hpp"
#include "io/input_error.hpp"
#include "io/read_file.hpp"
#include "policy/embedded_files.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::policy {

namespace {

constexpr const char* kHooksKey = "parcours.policy_hooks";
constexpr const char* kSitesKey = "parcours.policy_hook_sites";
constexpr std::size_t kMessageSize = 512;

int policy_newindex(lua_State* L) {  // policy[key] = value
  const bool enforcing = sandbox_of(L).glue();
  char error[kMessageSize] = {0};
  {
    const std::string key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    const auto& names = policy_hook_names();
    if (std::find(names.begin(), names.end(), key) == names.end()) {
      std::string known;
      for (auto n : names) known += (known.empty() ? "" : ", ") + std::string(n);
      std::snprintf(error, kMessageSize, "policy.%s is not a decision hook%s; known hooks: %s",
                    key.c_str(), suggestion(key, names).c_str(), known.c_str());
    } else if (!lua_isfunction(L, 3) && !lua_isnil(L, 3)) {
      std::snprintf(error, kMessageSize, "policy.%s must be a function, got a %s", key.c_str(),
                    luaL_typename(L, 3));
    }
  }
  if (error[0] != '\0') return raise_from_glue(L, enforcing, error);
  lua_getfield(L, LUA_REGISTRYINDEX, kHooksKey);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, 3);
  lua_rawset(L, -3);
  lua_getfield(L, LUA_REGISTRYINDEX, kSitesKey);  // where, for a C function's errors
  lua_pushvalue(L, 2);
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) != 0 && lua_getinfo(L, "Sl", &ar) != 0 && ar.currentline > 0) {
    lua_pushfstring(L, "%s:%d", ar.short_src, ar.currentline);
  } else {
    lua_pushliteral(L, "");
  }
  lua_rawset(L, -3);
  sandbox_of(L).resume(enforcing);
  return 0;
}

int policy_index(lua_State* L) {  // reading policy.x gives the hook or nil
  lua_getfield(L, LUA_REGISTRYINDEX, kHooksKey);
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

int strict_index(lua_State* L) {  // _G[name] for a name never set
  const bool enforcing = sandbox_of(L).glue();
  char error[kMessageSize] = {0};
  {
    const std::string name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    std::vector<std::string> globals;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
      lua_pop(L, 1);
      if (lua_type(L, -1) == LUA_TSTRING) globals.emplace_back(lua_tostring(L, -1));
    }
    const std::vector<std::string_view> names(globals.begin(), globals.end());
    static const std::vector<std::string_view> removed{
        "io", "os", "package", "debug", "require", "dofile", "loadfile", "collectgarbage"};
    if (std::find(removed.begin(), removed.end(), name) != removed.end()) {
      std::snprintf(error, kMessageSize,
                    "'%s' is not available in a scenario: scenarios cannot reach files, the "
                    "system or other modules (data comes in through csv \"file\")",
                    name.c_str());
    } else {
      std::snprintf(error, kMessageSize, "unknown name '%s'%s", name.c_str(),
                    suggestion(name, names).c_str());
    }
  }
  return raise_from_glue(L, enforcing, error);
}

bool is_plain_relative(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

const std::vector<std::string_view>& policy_hook_names() {
  static const std::vector<std::string_view> names{
      "conclusion",         "plan",           "dropout_after",    "retention",
      "dropout_multiplier", "job_multiplier", "after_major_event"};
  return names;
}

void install_policy_table(lua_State* L) {
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, kHooksKey);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, kSitesKey);
  lua_newtable(L);  // the empty proxy the script sees
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, policy_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, policy_index);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");  // the script cannot take the guard off
  lua_setmetatable(L, -2);
  lua_setglobal(L, "policy");
}

void push_policy_hook(lua_State* L, std::string_view name) {
  lua_getfield(L, LUA_REGISTRYINDEX, kHooksKey);
  lua_pushlstring(L, name.data(), name.size());
  lua_rawget(L, -2);
  lua_remove(L, -2);
}

std::string policy_hook_site(lua_State* L, std::string_view name) {
  lua_getfield(L, LUA_REGISTRYINDEX, kSitesKey);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    return "";
  }
  lua_pushlstring(L, name.data(), name.size());
  lua_rawget(L, -2);
  std::string site = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
  lua_pop(L, 2);
  return site;
}

std::vector<std::string> defined_policy_hooks(lua_State* L) {
  std::vector<std::string> defined;
  for (std::string_view name : policy_hook_names()) {
    push_policy_hook(L, name);
    if (lua_isfunction(L, -1)) defined.emplace_back(name);
    lua_pop(L, 1);
  }
  return defined;
}

void install_strict_globals(lua_State* L) {
  lua_pushglobaltable(L);
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, strict_index);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
}

std::string read_scenario_file(const ScenarioSource& source, const std::string& relative) {
  if (!is_plain_relative(relative)) {
    throw io::InputError(source.name,
                         "only files inside the scenario's folder can be read "
                         "(a relative path without '..'), got '" +
                             relative + "'");
  }
  if (source.embedded) {
    const std::string* text = find_embedded_file(relative);
    if (text == nullptr)
      throw io::InputError(relative, "no such file embedded with " + source.name);
    return *text;
  }
  // The lexical check above is not enough: a symbolic link inside the folder may lead
  // anywhere. The real path, links resolved, must stay inside the folder's real path, and
  // that real path is what is opened.
  const std::filesystem::path shown = source.directory / relative;
  std::error_code error;
  const std::filesystem::path folder = std::filesystem::weakly_canonical(
      source.directory.empty() ? std::filesystem::path(".") : source.directory, error);
  std::filesystem::path real;
  if (!error) real = std::filesystem::weakly_canonical(shown, error);
  if (error) throw io::InputError(shown.string(), "cannot resolve the path: " + error.message());
  const auto [folder_end, real_end] =
      std::mismatch(folder.begin(), folder.end(), real.begin(), real.end());
  if (folder_end != folder.end() || real_end == real.end()) {
    throw io::InputError(source.name, "'" + relative +
                                          "' leads outside the scenario's folder (through a "
                                          "symbolic link); only files inside it can be read");
  }
  return io::read_file(real, kMaxScenarioFileBytes, shown.string());
}

void push_csv_rows(lua_State* L, const io::CsvTable& table) {
  // Plain references only: the Lua calls below may raise a memory error (a longjmp).
  const std::string& name = table.source();
  lua_createtable(L, static_cast<int>(table.size()), 0);
  for (std::size_t r = 0; r < table.size(); ++r) {
    lua_createtable(L, 0, static_cast<int>(table.header().size()));
    for (std::size_t c = 0; c < table.header().size(); ++c) {
      const std::string& field = table.text(r, c);
      double number = 0;
      const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), number);
      if (!field.empty() && ec == std::errc() && end == field.data() + field.size()) {
        lua_pushnumber(L, number);
      } else {
        lua_pushlstring(L, field.data(), field.size());
      }
      lua_setfield(L, -2, table.header()[c].c_str());
    }
    // Where the row came from, for messages about its values (names starting "__" are ours).
    lua_pushlstring(L, name.data(), name.size());
    lua_setfield(L, -2, "__file");
    lua_pushinteger(L, static_cast<lua_Integer>(table.row(r).line));
    lua_setfield(L, -2, "__line");
    lua_rawseti(L, -2, static_cast<lua_Integer>(r) + 1);
  }
}

}  // namespace parcours::policy
