// Running a scenario script: each section function (scenario, arrivals, ...) checks its
// table against the schema at the moment it is called, so errors point at the line of the
// call; --set overrides are merged in before the check, and the resolved table is returned
// to the script so later lines can build on it.

#include <lauxlib.h>
#include <lua.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "io/input_error.hpp"
#include "io/sha256.hpp"
#include "policy/lua_globals.hpp"
#include "policy/scenario.hpp"
#include "policy/uncertain_parameters.hpp"

namespace parcours::policy {

namespace {

constexpr std::size_t kMessageSize = 1024;

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

LoadContext& context_of(lua_State* L) {
  return *static_cast<LoadContext*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// Pushes the value of a Lua expression; text that is no expression becomes a string.
void push_expression(lua_State* L, const std::string& expression) {
  const std::string chunk = "return " + expression;
  if (luaL_loadbufferx(L, chunk.data(), chunk.size(), "=--set", "t") == LUA_OK &&
      lua_pcall(L, 0, 1, 0) == LUA_OK && !lua_isnil(L, -1)) {
    return;
  }
  lua_pop(L, 1);
  lua_pushlstring(L, expression.data(), expression.size());
}

// The value of a --set: text for strings and dates (so 2026-04-01 stays a date and
// `name=arrivals` stays a name), a Lua expression for everything else.
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
  LoadContext& ctx = context_of(L);
  const auto* spec = static_cast<const SectionSpec*>(lua_touserdata(L, lua_upvalueindex(2)));
  lua_settop(L, 1);
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
  if (verdict == Verdict::kErrorAtCall) return luaL_error(L, "%s", error);
  if (verdict == Verdict::kErrorInOverride) {  // the command line is at fault, not this line
    lua_pushstring(L, error);
    return lua_error(L);
  }
  return 1;  // the resolved table
}

// What sections and csv become once the scenario has loaded: hooks run during the
// simulation, when there is nothing left to configure.
int load_only(lua_State* L) {
  return luaL_error(L, "%s can only be called while the scenario loads, not inside a policy hook",
                    lua_tostring(L, lua_upvalueindex(1)));
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

// base "baseline.lua": runs another scenario of the same folder first; later sections then
// overlay it, key by key (a variant states only what it changes).
int base_function(lua_State* L) {
  LoadContext& ctx = context_of(L);
  const char* relative = luaL_checkstring(L, 1);
  char error[kMessageSize] = {0};
  {
    std::string message;
    if (ctx.base_used || ctx.in_base) {
      message = "base can be used once, and not inside a base";
    } else if (!ctx.sections.empty()) {
      message = "base must come before any section";
    } else {
      try {
        const std::string text = read_scenario_file(*ctx.source, relative);
        ctx.files.emplace_back(relative, io::sha256_hex(text));
        const std::string chunk_name =
            "@" + (ctx.source->embedded ? std::string(relative)
                                        : (ctx.source->directory / relative).string());
        if (luaL_loadbufferx(L, text.data(), text.size(), chunk_name.c_str(), "t") != LUA_OK) {
          message = lua_tostring(L, -1);
          lua_pop(L, 1);
        }
      } catch (const std::exception& e) {
        message = e.what();
      }
    }
    if (!message.empty())
      std::snprintf(error, kMessageSize, "base \"%s\": %s", relative, message.c_str());
  }
  if (error[0] != '\0') return luaL_error(L, "%s", error);
  ctx.base_used = true;
  ctx.in_base = true;
  lua_call(L, 0, 0);  // errors carry the base's file and line
  ctx.in_base = false;
  return 0;
}

// csv "file.csv": the rows of a CSV file next to the scenario, as tables keyed by header;
// fields that read as numbers become numbers.
int csv_function(lua_State* L) {
  LoadContext& ctx = context_of(L);
  const char* relative = luaL_checkstring(L, 1);
  char error[kMessageSize] = {0};
  {
    try {
      const std::string text = read_scenario_file(*ctx.source, relative);
      ctx.files.emplace_back(relative, io::sha256_hex(text));
      push_csv_rows(L, text, relative);
    } catch (const std::exception& e) {
      std::snprintf(error, kMessageSize, "%s", e.what());
    }
  }
  if (error[0] != '\0') return luaL_error(L, "csv \"%s\": %s", relative, error);
  return 1;
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

  for (const SectionSpec& spec : scenario_schema()) {
    lua_pushlightuserdata(L, &ctx);
    lua_pushlightuserdata(L, const_cast<SectionSpec*>(&spec));
    lua_pushcclosure(L, section_function, 2);
    lua_setglobal(L, std::string(spec.name).c_str());
  }
  lua_pushlightuserdata(L, &ctx);
  lua_pushcclosure(L, csv_function, 1);
  lua_setglobal(L, "csv");
  lua_pushlightuserdata(L, &ctx);
  lua_pushcclosure(L, base_function, 1);
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
    lua_getglobal(L, std::string(spec.name).c_str());
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
