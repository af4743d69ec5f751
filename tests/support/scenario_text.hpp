#pragma once
// Loading a scenario from its text (as the file "s.lua"), for the policy tests: the loaded
// scenario, or the message of the input error it raises ("" when it loads).

#include <string>
#include <vector>

#include "io/input_error.hpp"
#include "policy/lua_sandbox.hpp"
#include "policy/scenario.hpp"
#include "support/text.hpp"

namespace parcours::testing {

inline policy::ScenarioSource text_source(const std::string& text) {
  return policy::ScenarioSource{"s.lua", text, {}, false};
}

inline policy::LoadedScenario load_text(const std::string& text,
                                        const std::vector<policy::Override>& overrides = {}) {
  policy::LuaSandbox sandbox;
  return policy::load_scenario(sandbox, text_source(text), overrides);
}

/// The error loading `text` raises, with `sets` as --set overrides.
inline std::string load_error(const std::string& text, const std::vector<std::string>& sets = {}) {
  try {
    std::vector<policy::Override> overrides;
    overrides.reserve(sets.size());
    for (const std::string& s : sets) overrides.push_back(policy::parse_override(s));
    load_text(text, overrides);
  } catch (const io::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace parcours::testing
