#pragma once
// Values of scenario parameters once read from Lua and checked against their spec.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "core/distribution.hpp"
#include "model/hazard.hpp"
#include "policy/parameter_schema.hpp"

struct lua_State;

namespace parcours::policy {

using Shares = std::map<std::string, double>;
/// Rows of a table (csv "file"), each field as text.
using Rows = std::vector<std::map<std::string, std::string>>;
using ParamValue = std::variant<double, bool, std::string, core::Distribution, std::vector<double>,
                                std::vector<std::string>, Shares, model::Hazard, Rows>;

/// Where a section was called: the scenario file and line.
struct Origin {
  std::string file;
  std::size_t line = 0;
};

/// A section's values. The typed accessors are the only way builders read them: a key the
/// section lacks, or one holding another type, throws std::logic_error naming section.key and
/// both types (a schema/builder mismatch is a bug, reported as an internal error, never UB).
struct SectionValues {
  const SectionSpec* spec = nullptr;
  Origin origin;  // the call `section { ... }`
  std::map<std::string, ParamValue, std::less<>> values;

  [[nodiscard]] bool has(std::string_view key) const { return values.find(key) != values.end(); }
  [[nodiscard]] bool flag(std::string_view key) const;
  [[nodiscard]] double number(std::string_view key) const;
  [[nodiscard]] const std::string& text(std::string_view key) const;
  [[nodiscard]] const core::Distribution& distribution(std::string_view key) const;
  [[nodiscard]] const std::vector<double>& numbers(std::string_view key) const;
  [[nodiscard]] const std::vector<std::string>& texts(std::string_view key) const;
  [[nodiscard]] const Shares& shares(std::string_view key) const;
  [[nodiscard]] const model::Hazard& hazard(std::string_view key) const;
  [[nodiscard]] const Rows& rows(std::string_view key) const;

 private:
  template <typename T>
  [[nodiscard]] const T& get(std::string_view key, std::string_view type) const;
};

/// Reads the Lua value at `index` as `spec` says. Returns an error message ("" when fine);
/// never raises a Lua error, so callers can release C++ state before reporting it.
std::string read_param(lua_State* L, int index, const ParamSpec& spec, ParamValue& out);
nlohmann::ordered_json to_json(const ParamValue& value);
std::string describe_hazard(const model::Hazard& hazard);

}  // namespace parcours::policy
