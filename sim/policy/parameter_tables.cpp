// The tables a distribution or a hazard is given as: { dist = "uniform", min = 1, max = 2 },
// { family = "weibull", shape = 1.2, scale_weeks = 6 }; keys that belong to no parameter of
// the family are refused (a typo would else be ignored).

#include <lauxlib.h>
#include <lua.h>

#include <algorithm>
#include <string>
#include <vector>

#include "policy/lua_param_reading.hpp"

namespace parcours::policy {

namespace {

using Family = core::Distribution::Family;

// The first key of the table at `index` that is not in `allowed` ("" if none): a typo in a
// distribution or hazard table would otherwise be silently ignored.
std::string unknown_key(lua_State* L, int index, const std::vector<std::string_view>& allowed) {
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    std::string k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
    lua_pop(L, 1);
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      lua_pop(L, 1);
      return k;
    }
  }
  return "";
}

// The string field `field` of the table at `index`, or "".
std::string text_field(lua_State* L, int index, const char* field) {
  lua_getfield(L, index, field);
  std::string text = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
  lua_pop(L, 1);
  return text;
}

}  // namespace

std::string read_distribution(lua_State* L, int index, const ParamSpec& spec,
                              core::Distribution& out) {
  const std::string key(spec.key);
  if (lua_type(L, index) == LUA_TNUMBER) {
    double v = 0;
    std::string err = check_number(L, index, spec, key, v);
    out = core::Distribution::fixed(v);
    return err;
  }
  if (!lua_istable(L, index)) {
    return key + " must be " + std::string(type_name(spec.type)) + ", got " +
           describe_lua_value(L, index);
  }
  index = lua_absindex(L, index);
  const std::string family = text_field(L, index, "dist");
  struct Form {
    const char* name;
    Family family;
    std::vector<const char*> params;
  };
  static const std::vector<Form> forms = {
      {"fixed", Family::kFixed, {"value"}},
      {"exponential", Family::kExponential, {"mean"}},
      {"uniform", Family::kUniform, {"min", "max"}},
      {"lognormal", Family::kLognormal, {"mean", "sd"}},
      {"weibull", Family::kWeibull, {"shape", "scale"}},
      {"triangular", Family::kTriangular, {"min", "mode", "max"}},
  };
  const Form* form = nullptr;
  std::vector<std::string_view> names;
  for (const Form& f : forms) {
    names.emplace_back(f.name);
    if (family == f.name) form = &f;
  }
  if (form == nullptr) {
    return key +
           ": dist must be one of fixed, exponential, uniform, lognormal, weibull, "
           "triangular, got '" +
           family + "'" + suggestion(family, names);
  }
  // Refuse keys that belong to no parameter of this family (typos would else be ignored).
  std::vector<std::string_view> allowed{"dist"};
  for (const char* p : form->params) allowed.emplace_back(p);
  if (const std::string k = unknown_key(L, index, allowed); !k.empty()) {
    return key + ": unknown key '" + k + "' for a " + form->name + " distribution" +
           suggestion(k, allowed);
  }
  double v[3] = {0, 0, 0};
  for (std::size_t i = 0; i < form->params.size(); ++i) {
    lua_getfield(L, index, form->params[i]);
    ParamSpec element = spec;
    if (form->family == Family::kWeibull && i == 0) element.max = 100;  // shape: unitless
    std::string err = lua_isnil(L, -1)
                          ? key + "." + form->params[i] + " is missing"
                          : check_number(L, -1, element, key + "." + form->params[i], v[i]);
    lua_pop(L, 1);
    if (!err.empty()) return err;
  }
  out = core::Distribution{form->family, v[0], v[1], v[2]};
  if (form->family == Family::kUniform && !(v[0] <= v[1])) return key + ": needs min <= max";
  if (form->family == Family::kTriangular && !(v[0] <= v[1] && v[1] <= v[2] && v[0] < v[2])) {
    return key + ": needs min <= mode <= max and min < max";
  }
  if ((form->family == Family::kWeibull || form->family == Family::kLognormal) && v[0] <= 0) {
    return key + ": " + form->params[0] + " must be positive";
  }
  return "";
}

// Hazard tables: { family = "...", <its parameters, in weeks> }, converted to days.
std::string read_hazard(lua_State* L, int index, const ParamSpec& spec, model::Hazard& out) {
  const std::string key(spec.key);
  if (!lua_istable(L, index)) {
    return key + " must be " + std::string(type_name(spec.type)) + ", got " +
           describe_lua_value(L, index);
  }
  index = lua_absindex(L, index);
  const std::string family = text_field(L, index, "family");
  const std::vector<std::string_view> families{"none", "constant", "weibull", "piecewise"};
  if (std::find(families.begin(), families.end(), family) == families.end()) {
    return key + ": family must be one of none, constant, weibull, piecewise, got '" + family +
           "'" + suggestion(family, families);
  }
  std::vector<std::string_view> allowed{"family"};
  if (family == "constant") allowed.emplace_back("rate_per_week");
  if (family == "weibull") allowed.insert(allowed.end(), {"shape", "scale_weeks"});
  if (family == "piecewise") allowed.insert(allowed.end(), {"rates_per_week", "step_weeks"});
  if (const std::string k = unknown_key(L, index, allowed); !k.empty()) {
    return key + ": unknown key '" + k + "' for a " + family + " hazard" + suggestion(k, allowed);
  }
  auto number = [&](const char* name, double& v) -> std::string {
    lua_getfield(L, index, name);
    std::string err;
    if (lua_type(L, -1) != LUA_TNUMBER) {
      err = key + "." + name + " must be a number, got " + describe_lua_value(L, -1);
    } else {
      v = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return err;
  };
  constexpr double kDaysPerWeek = 7.0;
  std::string err;
  if (family == "none") {
    out = model::Hazard::none();
  } else if (family == "constant") {
    double rate = 0;
    err = number("rate_per_week", rate);
    if (err.empty() && !(rate >= 0)) err = key + ".rate_per_week must be >= 0";
    out = model::Hazard::constant(rate / kDaysPerWeek);
  } else if (family == "weibull") {
    double shape = 0;
    double scale = 0;
    err = number("shape", shape);
    if (err.empty()) err = number("scale_weeks", scale);
    if (err.empty() && !(shape > 0 && scale > 0)) {
      err = key + ": shape and scale_weeks must be positive";
    }
    out = model::Hazard::weibull(shape, scale * kDaysPerWeek);
  } else {
    double step = 1;
    lua_getfield(L, index, "step_weeks");
    const bool has_step = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (has_step) err = number("step_weeks", step);
    std::vector<double> rates;
    lua_getfield(L, index, "rates_per_week");
    if (!lua_istable(L, -1)) {
      err = key + ".rates_per_week must be a list of numbers";
    } else {
      const auto n = static_cast<lua_Integer>(luaL_len(L, -1));
      for (lua_Integer i = 1; i <= n && err.empty(); ++i) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) != LUA_TNUMBER) {
          err = key + ".rates_per_week[" + std::to_string(i) + "] must be a number";
        } else if (!(lua_tonumber(L, -1) >= 0)) {
          err = key + ".rates_per_week[" + std::to_string(i) + "] must be >= 0";
        } else {
          rates.push_back(lua_tonumber(L, -1) / kDaysPerWeek);
        }
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
    out = model::Hazard::piecewise_constant(std::move(rates), step * kDaysPerWeek);
  }
  if (!err.empty()) return err;
  const std::string invalid = out.validate();
  return invalid.empty() ? "" : key + ": " + invalid;
}

}  // namespace parcours::policy
