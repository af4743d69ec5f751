#include "policy/parameter_values.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "core/calendar.hpp"
#include "policy/lua_param_reading.hpp"

namespace parcours::policy {

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

namespace {

std::string range_text(const ParamSpec& spec) {
  std::ostringstream out;
  out << "between " << spec.min << " and " << spec.max;
  if (!spec.unit.empty()) out << " (" << spec.unit << ")";
  return out.str();
}

}  // namespace

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
