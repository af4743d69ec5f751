// Running a scenario script: each section function (scenario, arrivals, ...) checks its
// table against the schema at the moment it is called, so errors point at the line of the
// call; --set overrides are merged in before the check, and the resolved table is returned
// to the script so later lines can build on it.

#include <lauxlib.h>
#include <lua.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "io/csv_reader.hpp"
#include "io/input_error.hpp"
#include "io/sha256.hpp"
#include "policy/load_context.hpp"
#include "policy/lua_globals.hpp"
#include "policy/scenario.hpp"
#include "policy/scenario_overrides.hpp"
#include "policy/uncertain_parameters.hpp"

namespace parcours::policy {

namespace {

using detail::dead_loader;
using detail::kGenerationKey;
using detail::kLiveKey;
using detail::kMessageSize;
using detail::live_context;
using detail::LoadContext;
using detail::push_expression;
using detail::push_override;

// Nested tables a section argument may have (distributions, rows: two or three levels).
constexpr int kMaxTableDepth = 16;

// Whether the table at `index`, or one inside it, has a metatable. Sections read their
// argument with plain table access from C++ code, which must not run the script's
// metamethods (they could raise through C++ frames); `visited` is a set of tables seen.
bool has_metatable(lua_State* L, int index, int visited, int depth) {
  if (lua_getmetatable(L, index) != 0) {
    // uncertain { } marks its table with our own metatable, which has no metamethods.
    luaL_getmetatable(L, "parcours.uncertain");
    const bool ours = lua_rawequal(L, -1, -2) != 0;
    lua_pop(L, 2);
    if (!ours) return true;
  }
  if (depth == kMaxTableDepth) return false;
  if (lua_checkstack(L, 4) == 0) return true;  // (returns instead of raising, unlike luaL_)
  lua_pushvalue(L, index);
  if (lua_rawget(L, visited) != LUA_TNIL) {
    lua_pop(L, 1);
    return false;
  }
  lua_pop(L, 1);
  lua_pushvalue(L, index);
  lua_pushboolean(L, 1);
  lua_rawset(L, visited);
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    const int top = lua_gettop(L);
    if ((lua_istable(L, top) && has_metatable(L, top, visited, depth + 1)) ||
        (lua_istable(L, top - 1) && has_metatable(L, top - 1, visited, depth + 1))) {
      lua_pop(L, 2);
      return true;
    }
    lua_pop(L, 1);
  }
  return false;
}

std::string section_key_list(const SectionSpec& spec) {
  std::string list;
  for (const ParamSpec& p : spec.params) {
    if (!list.empty()) list += ", ";
    list += p.key;
  }
  return list;
}

enum class Verdict { kOk, kErrorAtCall, kErrorInOverride };

// Checks the table at index 1 against `spec` and records it. Fills `error` instead of
// raising, so no C++ object is alive when the caller raises the Lua error.
Verdict resolve_section(lua_State* L, const SectionSpec& spec, const Origin& origin,
                        LoadContext& ctx, char* error) {
  auto fail = [&](const std::string& message) {
    std::snprintf(error, kMessageSize, "%s", message.c_str());
    return Verdict::kErrorAtCall;
  };
  const std::string section(spec.name);
  if (!lua_istable(L, 1)) {
    return fail(section + " expects a table: " + section + " { key = value, ... }");
  }
  std::string item;
  if (spec.repeated) {
    lua_getfield(L, 1, "name");
    if (lua_type(L, -1) == LUA_TSTRING) item = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  // The same section (or activity of the same name) again: an overlay of the base scenario
  // takes the base's values for the keys it leaves out; anything else is a mistake.
  std::optional<std::size_t> previous;
  for (std::size_t i = 0; i < ctx.sections.size(); ++i) {
    const SectionValues& s = ctx.sections[i];
    if (s.spec == &spec && (!spec.repeated || (s.has("name") && s.text("name") == item))) {
      previous = i;
    }
  }
  if (previous) {
    const SectionValues& s = ctx.sections[*previous];
    if (!ctx.from_base[*previous] || ctx.in_base) {
      return fail(section + (spec.repeated ? " '" + item + "' is defined" : " is set") +
                  " twice (first at " + s.origin.file + ":" + std::to_string(s.origin.line) + ")");
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, ctx.tables[*previous]);
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {  // base table at -3, key -2, value -1
      lua_pushvalue(L, -2);
      lua_rawget(L, 1);
      const bool missing = lua_isnil(L, -1);
      lua_pop(L, 1);
      if (missing) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, 1);  // pops key copy and value; the key stays for lua_next
      } else {
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  std::vector<const Override*> applied;
  for (const Override& o : *ctx.overrides) {
    if (o.section == section && o.item == item) {
      push_override(L, o, *spec.find(o.key));
      lua_setfield(L, 1, o.key.c_str());
      applied.push_back(&o);
    }
  }
  std::vector<std::string_view> keys;
  for (const ParamSpec& p : spec.params) keys.push_back(p.key);
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) {
      lua_pop(L, 1);
      return fail(section + ": keys must be names (" + section_key_list(spec) + ")");
    }
    const std::string key = lua_tostring(L, -1);
    if (spec.find(key) == nullptr) {
      lua_pop(L, 1);
      return fail(section + ": unknown key '" + key + "'" + suggestion(key, keys) +
                  "; known keys: " + section_key_list(spec));
    }
  }
  for (const ParamSpec& p : spec.params) {  // uncertain { ... } becomes a number first
    const std::string name = section + (item.empty() ? "" : "." + item) + "." + std::string(p.key);
    if (std::string err = resolve_uncertain(L, 1, p, name, *ctx.uncertain, ctx.drawn);
        !err.empty()) {
      return fail(err);
    }
  }
  SectionValues values{&spec, origin, {}};
  for (const ParamSpec& p : spec.params) {
    lua_getfield(L, 1, std::string(p.key).c_str());
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      if (p.required) {
        return fail(section + ": '" + std::string(p.key) + "' is required (" +
                    std::string(type_name(p.type)) +
                    (p.unit.empty() ? "" : ", in " + std::string(p.unit)) +
                    (p.rule.empty() ? "" : ", rule " + std::string(p.rule)) + ")");
      }
      if (p.fallback.empty()) continue;
      push_expression(L, std::string(p.fallback));
      lua_pushvalue(L, -1);
      lua_setfield(L, 1, std::string(p.key).c_str());  // the returned table shows the default
    }
    ParamValue value;
    std::string err = read_param(L, -1, p, value);
    lua_pop(L, 1);
    if (!err.empty()) {
      for (const Override* o : applied) {
        if (o->key == p.key) {
          fail("--set " + o->target() + "=" + o->expression + ": " + section + "." + err);
          return Verdict::kErrorInOverride;
        }
      }
      return fail(section + "." + err);
    }
    values.values.emplace(std::string(p.key), std::move(value));
  }
  lua_pushvalue(L, 1);
  const int table = luaL_ref(L, LUA_REGISTRYINDEX);
  if (previous) {  // the overlay replaces the base's section where it stood
    luaL_unref(L, LUA_REGISTRYINDEX, ctx.tables[*previous]);
    ctx.sections[*previous] = std::move(values);
    ctx.tables[*previous] = table;
    ctx.from_base[*previous] = false;
  } else {
    ctx.sections.push_back(std::move(values));
    ctx.tables.push_back(table);
    ctx.from_base.push_back(ctx.in_base);
  }
  return Verdict::kOk;
}

int section_function(lua_State* L) {
  const bool enforcing = sandbox_of(L).glue();
  const auto* spec = static_cast<const SectionSpec*>(lua_touserdata(L, lua_upvalueindex(2)));
  LoadContext* live = live_context(L, 3);
  if (live == nullptr) return dead_loader(L, enforcing, spec->name);
  LoadContext& ctx = *live;
  lua_settop(L, 1);
  if (lua_istable(L, 1)) {
    lua_newtable(L);
    const bool guarded = has_metatable(L, 1, 2, 0);
    lua_settop(L, 1);
    if (guarded) {
      char error[kMessageSize];
      std::snprintf(error, kMessageSize, "%.*s: its table (or one inside it) has a metatable",
                    static_cast<int>(spec->name.size()), spec->name.data());
      return raise_from_glue(L, enforcing, error);
    }
  }
  char error[kMessageSize] = {0};
  Verdict verdict = Verdict::kOk;
  {
    Origin origin{ctx.source->name, 0};
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) != 0 && lua_getinfo(L, "Sl", &ar) != 0) {
      if (ar.currentline > 0) origin.line = static_cast<std::size_t>(ar.currentline);
      if (ar.source != nullptr && ar.source[0] == '@') origin.file = ar.source + 1;  // a base
    }
    verdict = resolve_section(L, *spec, origin, ctx, error);
  }
  if (verdict == Verdict::kErrorAtCall) return raise_from_glue(L, enforcing, error);
  if (verdict == Verdict::kErrorInOverride) {  // the command line is at fault, not this line
    lua_pushstring(L, error);
    sandbox_of(L).resume(enforcing);
    return lua_error(L);
  }
  sandbox_of(L).resume(enforcing);
  return 1;  // the resolved table
}

// What sections and csv become once the scenario has loaded: hooks run during the
// simulation, when there is nothing left to configure.
int load_only(lua_State* L) {
  const bool enforcing = sandbox_of(L).glue();
  return dead_loader(L, enforcing, lua_tostring(L, lua_upvalueindex(1)));
}

void close_load_functions(lua_State* L) {
  std::vector<std::string> names{"csv", "base", "uncertain"};
  for (const SectionSpec& spec : scenario_schema()) names.emplace_back(spec.name);
  for (const std::string& name : names) {
    lua_pushstring(L, name.c_str());
    lua_pushcclosure(L, load_only, 1);
    lua_setglobal(L, name.c_str());
  }
}

}  // namespace

LoadedScenario load_scenario(LuaSandbox& sandbox, const ScenarioSource& source,
                             const std::vector<Override>& overrides,
                             const UncertainSettings& uncertain) {
  lua_State* L = sandbox.state();
  LoadContext ctx;
  ctx.source = &source;
  ctx.overrides = &overrides;
  ctx.uncertain = &uncertain;

  // This load is live until the function returns or throws.
  lua_getfield(L, LUA_REGISTRYINDEX, kGenerationKey);
  const lua_Integer generation = lua_tointeger(L, -1) + 1;
  lua_pop(L, 1);
  lua_pushinteger(L, generation);
  lua_setfield(L, LUA_REGISTRYINDEX, kGenerationKey);
  lua_pushlightuserdata(L, &ctx);
  lua_setfield(L, LUA_REGISTRYINDEX, kLiveKey);
  struct EndOfLoad {
    lua_State* L;
    explicit EndOfLoad(lua_State* state) : L(state) {}
    EndOfLoad(const EndOfLoad&) = delete;
    EndOfLoad& operator=(const EndOfLoad&) = delete;
    ~EndOfLoad() {
      lua_pushnil(L);
      lua_setfield(L, LUA_REGISTRYINDEX, kLiveKey);
    }
  } end_of_load{L};

  for (const SectionSpec& spec : scenario_schema()) {
    lua_pushlightuserdata(L, &ctx);
    lua_pushlightuserdata(L, const_cast<SectionSpec*>(&spec));
    lua_pushinteger(L, generation);
    lua_pushcclosure(L, section_function, 3);
    lua_setglobal(L, std::string(spec.name).c_str());
  }
  lua_pushlightuserdata(L, &ctx);
  lua_pushinteger(L, generation);
  lua_pushcclosure(L, detail::csv_function, 2);
  lua_setglobal(L, "csv");
  lua_pushlightuserdata(L, &ctx);
  lua_pushinteger(L, generation);
  lua_pushcclosure(L, detail::base_function, 2);
  lua_setglobal(L, "base");
  install_uncertain(L);
  install_policy_table(L);
  install_strict_globals(L);

  sandbox.run_chunk(source.text, source.name);

  // Sections the script never called still get their defaults and overrides, and must not
  // lack a required key.
  for (const SectionSpec& spec : scenario_schema()) {
    if (spec.repeated) continue;
    const bool called = std::any_of(ctx.sections.begin(), ctx.sections.end(),
                                    [&](const SectionValues& s) { return s.spec == &spec; });
    if (called) continue;
    // Raw: the globals' strict __index would raise here, outside any protected call.
    lua_pushglobaltable(L);
    lua_pushlstring(L, spec.name.data(), spec.name.size());
    lua_rawget(L, -2);
    lua_remove(L, -2);
    lua_newtable(L);
    try {
      sandbox.call(1, 0, spec.name);
    } catch (const io::InputError& e) {
      throw io::InputError(source.name, e.message() + "; the scenario never calls " +
                                            std::string(spec.name) + " { ... }");
    }
  }
  for (const Override& o : overrides) {
    if (o.item.empty()) continue;
    const bool found =
        std::any_of(ctx.sections.begin(), ctx.sections.end(), [&](const SectionValues& s) {
          return s.spec->name == o.section && s.has("name") && s.text("name") == o.item;
        });
    if (!found)
      throw io::InputError("--set", "--set " + o.target() + ": no " + o.section + " named '" +
                                        o.item + "' in " + source.name);
  }

  close_load_functions(L);  // their context dies with this function
  for (const int table : ctx.tables) luaL_unref(L, LUA_REGISTRYINDEX, table);

  LoadedScenario loaded;
  loaded.params = build_parameters(ctx.sections, source.name);
  loaded.sections = std::move(ctx.sections);
  loaded.uncertain = std::move(ctx.drawn);
  loaded.files.emplace_back(source.name, io::sha256_hex(source.text));
  for (auto& f : ctx.files) loaded.files.push_back(std::move(f));
  loaded.hooks = defined_policy_hooks(L);
  const bool retention_hook =
      std::find(loaded.hooks.begin(), loaded.hooks.end(), "retention") != loaded.hooks.end();
  if (retention_hook && loaded.params.retention.hours.mean() <= 0 &&
      loaded.params.retention.me_activity < 0 && loaded.params.retention.contacts == 0) {
    throw io::InputError(source.name,
                         "policy.retention is set but retention { hours = 0 } and no me_service: "
                         "nobody would get retention support; set hours (rule M2)");
  }
  return loaded;
}

nlohmann::ordered_json LoadedScenario::resolved() const {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const SectionValues& s : sections) {
    nlohmann::ordered_json section = nlohmann::ordered_json::object();
    for (const ParamSpec& p : s.spec->params) {
      const auto it = s.values.find(p.key);
      if (it != s.values.end()) section[std::string(p.key)] = to_json(it->second);
    }
    const std::string name(s.spec->name);
    if (s.spec->repeated) {
      out[name == "activity" ? "activities" : name + "s"].push_back(section);
    } else {
      out[name] = section;
    }
  }
  out["policy_hooks"] = hooks;
  return out;
}

}  // namespace parcours::policy
