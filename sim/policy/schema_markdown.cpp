#include "policy/schema_markdown.hpp"

#include "policy/parameter_schema.hpp"

namespace parcours::policy {

namespace {

std::string_view short_type(ParamType type) {
  switch (type) {
    case ParamType::kNumber:
      return "number";
    case ParamType::kInteger:
      return "integer";
    case ParamType::kBoolean:
      return "boolean";
    case ParamType::kString:
      return "string";
    case ParamType::kDate:
      return "date";
    case ParamType::kDistribution:
      return "distribution";
    case ParamType::kNumberList:
      return "list of numbers";
    case ParamType::kStringList:
      return "list of strings";
    case ParamType::kShares:
      return "shares";
    case ParamType::kHazard:
      return "hazard";
    case ParamType::kEffects:
      return "table by name";
    case ParamType::kRows:
      return "rows";
  }
  return "?";
}

}  // namespace

std::string schema_markdown() {
  std::string out;
  for (const SectionSpec& section : scenario_schema()) {
    out += "### `" + std::string(section.name) + "`" +
           (section.repeated ? " (once per item)" : "") + "\n\n" + std::string(section.doc) +
           "\n\n| Key | Type, unit | Default | Rule | Meaning |\n|---|---|---|---|---|\n";
    for (const ParamSpec& p : section.params) {
      std::string type(short_type(p.type));
      if (!p.unit.empty()) type += ", " + std::string(p.unit);
      const std::string fallback = p.required           ? "required"
                                   : p.fallback.empty() ? "—"
                                                        : "`" + std::string(p.fallback) + "`";
      out += "| `" + std::string(p.key) + "` | " + type + " | " + fallback + " | " +
             std::string(p.rule) + " | " + std::string(p.doc) + " |\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace parcours::policy
