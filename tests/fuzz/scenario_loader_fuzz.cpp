// libFuzzer target: any bytes as a scenario script, loaded in the sandbox with small limits
// so that one input takes milliseconds. A scenario is loaded or refused with io::InputError
// (file:line); a crash, a hang past libFuzzer's -timeout, a sanitizer report or any other
// exception is a finding. `csv "..."` reads from an empty folder: only refusals there.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "io/input_error.hpp"
#include "policy/lua_sandbox.hpp"
#include "policy/scenario.hpp"

namespace {

const std::filesystem::path& empty_folder() {
  static const std::filesystem::path folder = [] {
    const auto path = std::filesystem::temp_directory_path() /
                      ("parcours-fuzz-scenario-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parcours::policy::ScenarioSource source;
  source.name = "fuzz.lua";
  source.text.assign(reinterpret_cast<const char*>(data), size);
  source.directory = empty_folder();
  parcours::policy::SandboxLimits limits;
  limits.memory_bytes = std::size_t{64} << 20;
  limits.load_instructions = 5'000'000;
  try {
    parcours::policy::LuaSandbox sandbox(limits);
    sandbox.set_print_enabled(false);
    (void)parcours::policy::load_scenario(sandbox, source, {});
  } catch (const parcours::io::InputError&) {
  }
  return 0;
}
