#include "policy/parameter_values.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "core/calendar.hpp"

namespace parcours::policy {

namespace {

using Family = core::Distribution::Family;

std::string describe_lua_value(lua_State* L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TSTRING:
      return std::string("the string \"") + lua_tostring(L, index) + "\"";
    case LUA_TNUMBER: {
      std::ostringstream out;
      out << "the number " << lua_tonumber(L, index);
      return out.str();
    }
    default:
      return std::string("a ") + luaL_typename(L, index);
  }
}

std::string range_text(const ParamSpec& spec) {
  std::ostringstream out;
  out << "between " << spec.min << " and " << spec.max;
  if (!spec.unit.empty()) out << " (" << spec.unit << ")";
  return out.str();
}

std::string check_number(lua_State* L, int index, const ParamSpec& spec, std::string_view what,
                         double& out) {
  if (lua_type(L, index) != LUA_TNUMBER) {
    return std::string(what) + " must be a number, got " + describe_lua_value(L, index);
  }
  out = lua_tonumber(L, index);
  if (!(out >= spec.min && out <= spec.max)) {  // also refuses NaN
    std::ostringstream msg;
    msg << what << " must be " << range_text(spec) << ", got " << out;
    return msg.str();
  }
  return "";
}

// The first key of the table at `index` that is not in `allowed` ("" if none): a typo in a
// distribution or hazard table would otherwise be silently ignored.
std::string unknown_key(lua_State* L, int index, const std::vector<std::string_view>& allowed) {
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    const std::string k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
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

// Distribution tables: { dist = "family", <its parameters> }.
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

}  // namespace

std::string read_param(lua_State* L, int index, const ParamSpec& spec, ParamValue& out) {
  const std::string key(spec.key);
  const std::string expected = key + " must be " + std::string(type_name(spec.type)) + ", got ";
  index = lua_absindex(L, index);
  switch (spec.type) {
    case ParamType::kNumber: {
      double v = 0;
      std::string err = check_number(L, index, spec, key, v);
      out = v;
      return err;
    }
    case ParamType::kInteger: {
      double v = 0;
      std::string err = check_number(L, index, spec, key, v);
      if (err.empty() && v != std::floor(v))
        err = key + " must be a whole number, got " + std::to_string(v);
      out = v;
      return err;
    }
    case ParamType::kBoolean:
      if (!lua_isboolean(L, index)) return expected + describe_lua_value(L, index);
      out = static_cast<bool>(lua_toboolean(L, index));
      return "";
    case ParamType::kString:
      if (lua_type(L, index) != LUA_TSTRING) return expected + describe_lua_value(L, index);
      out = std::string(lua_tostring(L, index));
      return "";
    case ParamType::kDate: {
      if (lua_type(L, index) != LUA_TSTRING) return expected + describe_lua_value(L, index);
      std::string text = lua_tostring(L, index);
      if (!core::parse_date(text))
        return key + " must be a real date \"YYYY-MM-DD\", got \"" + text + "\"";
      out = text;
      return "";
    }
    case ParamType::kDistribution: {
      core::Distribution d;
      std::string err = read_distribution(L, index, spec, d);
      out = d;
      return err;
    }
    case ParamType::kRows: {
      if (!lua_istable(L, index)) return expected + describe_lua_value(L, index);
      Rows rows;
      const auto n = static_cast<lua_Integer>(luaL_len(L, index));
      for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, index, i);
        if (!lua_istable(L, -1)) {
          lua_pop(L, 1);
          return key + "[" + std::to_string(i) + "] must be a row table";
        }
        std::map<std::string, std::string> row;
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
          if (lua_type(L, -2) == LUA_TSTRING &&
              (lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER)) {
            lua_pushvalue(L, -1);  // tostring on a copy: lua_next needs the key untouched
            row[lua_tostring(L, -3)] = lua_tostring(L, -1);
            lua_pop(L, 1);
          }
          lua_pop(L, 1);
        }
        lua_pop(L, 1);
        rows.push_back(std::move(row));
      }
      out = std::move(rows);
      return "";
    }
    case ParamType::kHazard: {
      model::Hazard h;
      std::string err = read_hazard(L, index, spec, h);
      out = std::move(h);
      return err;
    }
    case ParamType::kNumberList:
    case ParamType::kStringList: {
      if (!lua_istable(L, index)) return expected + describe_lua_value(L, index);
      const auto n = static_cast<lua_Integer>(luaL_len(L, index));
      std::vector<double> numbers;
      std::vector<std::string> texts;
      for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, index, i);
        std::string err;
        const std::string what = key + "[" + std::to_string(i) + "]";
        if (spec.type == ParamType::kNumberList) {
          double v = 0;
          err = check_number(L, -1, spec, what, v);
          numbers.push_back(v);
        } else if (lua_type(L, -1) != LUA_TSTRING) {
          err = what + " must be a string, got " + describe_lua_value(L, -1);
        } else {
          texts.emplace_back(lua_tostring(L, -1));
        }
        lua_pop(L, 1);
        if (!err.empty()) return err;
      }
      if (spec.type == ParamType::kNumberList) {
        out = std::move(numbers);
      } else {
        out = std::move(texts);
      }
      return "";
    }
    case ParamType::kShares:
    case ParamType::kEffects: {
      if (!lua_istable(L, index)) return expected + describe_lua_value(L, index);
      Shares shares;
      double total = 0.0;
      lua_pushnil(L);
      while (lua_next(L, index) != 0) {
        std::string err;
        if (lua_type(L, -2) != LUA_TSTRING) {
          err = key + ": keys must be names";
        } else {
          const std::string name = lua_tostring(L, -2);
          double v = 0;
          err = check_number(L, -1, spec, key + "." + name, v);
          shares[name] = v;
          total += v;
        }
        lua_pop(L, 1);
        if (!err.empty()) {
          lua_pop(L, 1);
          return err;
        }
      }
      if (spec.type == ParamType::kShares && std::abs(total - 1.0) > 1e-9) {
        std::ostringstream msg;
        msg << key << ": shares must add up to 1, they add up to " << total;
        return msg.str();
      }
      out = std::move(shares);
      return "";
    }
  }
  return "unknown type";
}

std::string describe_hazard(const model::Hazard& h) {
  std::ostringstream out;
  switch (h.family) {
    case model::Hazard::Family::kNone:
      return "none";
    case model::Hazard::Family::kConstant:
      out << "constant(rate_per_day=" << h.rate << ")";
      break;
    case model::Hazard::Family::kWeibull:
      out << "weibull(shape=" << h.shape << ", scale_days=" << h.scale << ")";
      break;
    case model::Hazard::Family::kPiecewise:
      out << "piecewise(step_days=" << h.step << ", rates_per_day=";
      for (std::size_t i = 0; i < h.piecewise.size(); ++i) out << (i ? "/" : "") << h.piecewise[i];
      out << ")";
      break;
  }
  return out.str();
}

nlohmann::ordered_json to_json(const ParamValue& value) {
  return std::visit(
      [](const auto& v) -> nlohmann::ordered_json {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, core::Distribution>) {
          return v.describe();
        } else if constexpr (std::is_same_v<V, double>) {
          // Counts and seeds read back as integers (14, not 14.0).
          if (v == std::floor(v) && std::abs(v) < 9.0e15) return static_cast<std::int64_t>(v);
          return v;
        } else if constexpr (std::is_same_v<V, Rows>) {
          return std::to_string(v.size()) + " rows";
        } else if constexpr (std::is_same_v<V, model::Hazard>) {
          return describe_hazard(v);
        } else if constexpr (std::is_same_v<V, Shares>) {
          nlohmann::ordered_json out = nlohmann::ordered_json::object();
          for (const auto& [name, share] : v) out[name] = share;
          return out;
        } else {
          return v;
        }
      },
      value);
}

template <typename T>
const T& SectionValues::get(std::string_view key, std::string_view type) const {
  const std::string name = std::string(spec != nullptr ? spec->name : "?") + "." + std::string(key);
  const auto it = values.find(key);
  if (it == values.end()) throw std::logic_error("parameter " + name + " has no value");
  const T* value = std::get_if<T>(&it->second);
  if (value == nullptr) {
    throw std::logic_error("parameter " + name + " read as " + std::string(type) +
                           " but holds alternative " + std::to_string(it->second.index()));
  }
  return *value;
}

bool SectionValues::flag(std::string_view key) const { return get<bool>(key, "a boolean"); }
double SectionValues::number(std::string_view key) const { return get<double>(key, "a number"); }
const std::string& SectionValues::text(std::string_view key) const {
  return get<std::string>(key, "text");
}
const core::Distribution& SectionValues::distribution(std::string_view key) const {
  return get<core::Distribution>(key, "a distribution");
}
const std::vector<double>& SectionValues::numbers(std::string_view key) const {
  return get<std::vector<double>>(key, "a list of numbers");
}
const std::vector<std::string>& SectionValues::texts(std::string_view key) const {
  return get<std::vector<std::string>>(key, "a list of texts");
}
const Shares& SectionValues::shares(std::string_view key) const {
  return get<Shares>(key, "shares");
}
const Rows& SectionValues::rows(std::string_view key) const { return get<Rows>(key, "rows"); }
const model::Hazard& SectionValues::hazard(std::string_view key) const {
  return get<model::Hazard>(key, "a hazard");
}

}  // namespace parcours::policy
