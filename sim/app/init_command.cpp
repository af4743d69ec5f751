// parcours init NAME: a new scenario that overlays the baseline, ready to edit.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>

#include "app/commands.hpp"
#include "app/scenario_template.hpp"
#include "io/input_error.hpp"

namespace parcours::app {

namespace fs = std::filesystem;

namespace {

// A name that is also a plain file name and reads well in results/NAME/.
bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 100 || name.front() == '-' || name.front() == '.') return false;
  return std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

}  // namespace

int init_command(const InitCommandOptions& options) {
  std::string name = options.name;
  if (name.size() > 4 && name.ends_with(".lua")) name.resize(name.size() - 4);
  if (!valid_name(name)) {
    throw io::InputError("init", "'" + options.name +
                                     "' is not a usable scenario name: use letters, digits, '_' "
                                     "and '-' (e.g. more_agents)");
  }
  const fs::path dir = options.dir;
  const fs::path file = dir / (name + ".lua");
  if (fs::exists(file)) {
    throw io::InputError(file.string(),
                         "already exists; init never overwrites a scenario "
                         "(choose another name or remove the file)");
  }
  if (!fs::exists(dir / "baseline.lua")) {
    throw io::InputError(dir.string(),
                         "has no baseline.lua, which the new scenario reads with base "
                         "\"baseline.lua\": use --dir scenarios (the default), or copy "
                         "scenarios/baseline.lua and scenarios/data/ into it first");
  }
  {
    // "x": fail rather than replace a file created meanwhile.
    std::FILE* out = std::fopen(file.c_str(), "wx");
    if (out == nullptr) throw io::InputError(file.string(), "cannot create the file");
    const std::string text = scenario_template(name);
    const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if (std::fclose(out) != 0 || !ok) throw io::InputError(file.string(), "cannot write the file");
  }
  std::printf(
      "wrote %s\nnext:\n  parcours check %s\n  parcours run %s -r 20 --out results/%s\n"
      "  parcours report results/%s\n",
      file.c_str(), file.c_str(), file.c_str(), name.c_str(), name.c_str());
  return 0;
}

RegisteredCommand register_init_command(CLI::App& app) {
  auto options = std::make_shared<InitCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "init", "Write a new scenario NAME.lua that changes the baseline (never overwrites)");
  command->add_option("name", options->name, "Scenario name, e.g. more_agents")->required();
  command->add_option("--dir", options->dir, "Folder to write into, next to baseline.lua")
      ->capture_default_str();
  return {command, [options](const Execution&) { return init_command(*options); }};
}

}  // namespace parcours::app
