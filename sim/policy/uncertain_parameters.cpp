#include "policy/uncertain_parameters.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "policy/parameter_values.hpp"

namespace parcours::policy {

namespace {

constexpr const char* kMarker = "parcours.uncertain";
// Deeper tables are data (rows of a CSV), never a hand-written parameter.
constexpr int kMaxDepth = 6;

int uncertain_function(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  luaL_setmetatable(L, kMarker);
  return 1;
}

bool is_uncertain(lua_State* L, int index) {
  if (!lua_istable(L, index) || lua_getmetatable(L, index) == 0) return false;
  luaL_getmetatable(L, kMarker);
  const bool marked = lua_rawequal(L, -1, -2) != 0;
  lua_pop(L, 2);
  return marked;
}

// FNV-1a, 64 bits: a stable stream entity for a parameter's name.
std::uint64_t name_hash(const std::string& name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string range_of(const ParamSpec& spec) {
  std::ostringstream out;
  out << "[" << spec.min << ", " << spec.max << "]";
  return out.str();
}

void record(std::vector<UncertainDraw>& drawn, UncertainDraw draw) {
  const auto same = std::find_if(drawn.begin(), drawn.end(), [&](const UncertainDraw& d) {
    return d.parameter == draw.parameter;
  });
  if (same != drawn.end()) {
    *same = std::move(draw);
  } else {
    drawn.push_back(std::move(draw));
  }
}

// The uncertain table at `index` as a number (see resolve_uncertain).
std::string resolve_one(lua_State* L, int index, const ParamSpec* top, const std::string& name,
                        const UncertainSettings& settings, double& value,
                        std::vector<UncertainDraw>& drawn) {
  ParamSpec as_distribution{};
  as_distribution.key = name;
  as_distribution.type = ParamType::kDistribution;
  as_distribution.min = -std::numeric_limits<double>::infinity();
  as_distribution.max = std::numeric_limits<double>::infinity();
  ParamValue read;
  if (std::string err = read_param(L, index, as_distribution, read); !err.empty()) {
    return "uncertain " + err;
  }
  const core::Distribution& d = std::get<core::Distribution>(read);
  const bool integer = top != nullptr && top->type == ParamType::kInteger;
  if (top != nullptr && (d.lowest() < top->min || d.highest() > top->max)) {
    return name + ": uncertain values must stay within " + range_of(*top) + ", but " +
           d.describe() + " reaches beyond";
  }
  if (settings.key) {
    core::RandomStream rng(*settings.key, name_hash(name), kUncertainPurpose);
    value = d.sample(rng);
  } else {
    value = d.mean();
  }
  if (integer) value = std::round(value);
  record(drawn, {name, d.describe(), value});
  return "";
}

// Walks the table at `index` (absolute), replacing uncertain fields by numbers.
std::string resolve_nested(lua_State* L, int index, const std::string& name,
                           const UncertainSettings& settings, std::vector<UncertainDraw>& drawn,
                           int depth) {
  if (depth > kMaxDepth) return "";
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {  // key -2, value -1
    if (!lua_istable(L, -1) || (lua_type(L, -2) != LUA_TSTRING && lua_type(L, -2) != LUA_TNUMBER)) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushvalue(L, -2);  // tostring on a copy: lua_next needs the key untouched
    const std::string field = name + "." + lua_tostring(L, -1);
    lua_pop(L, 1);
    std::string err;
    if (is_uncertain(L, -1)) {
      double value = 0.0;
      err = resolve_one(L, lua_absindex(L, -1), nullptr, field, settings, value, drawn);
      lua_pop(L, 1);
      if (err.empty()) {  // assigning an existing field keeps lua_next valid
        lua_pushvalue(L, -1);
        lua_pushnumber(L, value);
        lua_rawset(L, index);
      }
    } else {
      err = resolve_nested(L, lua_absindex(L, -1), field, settings, drawn, depth + 1);
      lua_pop(L, 1);
    }
    if (!err.empty()) {
      lua_pop(L, 1);
      return err;
    }
  }
  return "";
}

}  // namespace

void install_uncertain(lua_State* L) {
  luaL_newmetatable(L, kMarker);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");  // the script cannot add metamethods to the marker
  lua_pop(L, 1);
  lua_pushcfunction(L, uncertain_function);
  lua_setglobal(L, "uncertain");
}

std::string resolve_uncertain(lua_State* L, int table, const ParamSpec& spec,
                              const std::string& name, const UncertainSettings& settings,
                              std::vector<UncertainDraw>& drawn) {
  table = lua_absindex(L, table);
  const std::string key(spec.key);
  lua_getfield(L, table, key.c_str());
  std::string err;
  if (is_uncertain(L, -1)) {
    const bool numeric = spec.type == ParamType::kNumber || spec.type == ParamType::kInteger;
    double value = 0.0;
    err = numeric ? resolve_one(L, lua_absindex(L, -1), &spec, name, settings, value, drawn)
                  : name + " is " + std::string(type_name(spec.type)) +
                        ": only a number can be uncertain";
    lua_pop(L, 1);
    if (err.empty()) {
      lua_pushnumber(L, value);
      lua_setfield(L, table, key.c_str());
    }
    return err;
  }
  if (lua_istable(L, -1)) err = resolve_nested(L, lua_absindex(L, -1), name, settings, drawn, 1);
  lua_pop(L, 1);
  return err;
}

}  // namespace parcours::policy
