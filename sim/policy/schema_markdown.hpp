#pragma once
// The schema as Markdown: one table per section (key, type and unit, default, rule,
// meaning), from the same rows the loader checks. `parcours check --parameters --markdown`
// prints it, and docs/lua_api.md's "Keys by section" is that text (a test compares them).

#include <string>

namespace parcours::policy {

[[nodiscard]] std::string schema_markdown();

}  // namespace parcours::policy
