// libFuzzer target: any bytes as one `--set` value (section.key=value), parsed and applied to
// the baseline built into the program. An override is applied or refused with io::InputError;
// anything else is a finding.

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/input_error.hpp"
#include "policy/lua_sandbox.hpp"
#include "policy/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parcours::policy::ScenarioSource baseline =
      parcours::policy::scenario_from_embedded("baseline.lua");
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const parcours::policy::Override override = parcours::policy::parse_override(text);
    parcours::policy::LuaSandbox sandbox;
    sandbox.set_print_enabled(false);
    (void)parcours::policy::load_scenario(sandbox, baseline, {override});
  } catch (const parcours::io::InputError&) {
  }
  return 0;
}
