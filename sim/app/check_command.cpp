// parcours check: load a scenario exactly as a run would, report what it defines, and stop.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "app/scenario_options.hpp"
#include "policy/lua_sandbox.hpp"
#include "policy/parameter_schema.hpp"
#include "policy/schema_markdown.hpp"

namespace parcours::app {

namespace {

void print_parameters() {
  for (const policy::SectionSpec& section : policy::scenario_schema()) {
    std::printf("%.*s%s -- %.*s\n", static_cast<int>(section.name.size()), section.name.data(),
                section.repeated ? " (repeated)" : "", static_cast<int>(section.doc.size()),
                section.doc.data());
    for (const policy::ParamSpec& p : section.params) {
      const std::string type(policy::type_name(p.type));
      std::printf("  %-28.*s %-34s %-8s %.*s%s\n", static_cast<int>(p.key.size()), p.key.data(),
                  (type + (p.unit.empty() ? "" : ", " + std::string(p.unit))).c_str(),
                  p.rule.empty() ? "" : ("rule " + std::string(p.rule)).c_str(),
                  static_cast<int>(p.doc.size()), p.doc.data(), p.required ? " [required]" : "");
    }
  }
}

// Bytes a replication holds per client it simulates, rounded up from the measured peak of a
// 1 M-client run (42.2 MiB, docs/performance.md) so the estimate errs on the high side.
constexpr double kBytesPerClient = 48;
// What a replication holds whatever its size: the program, the queue's base, the tables.
constexpr double kBaseBytes = 8.0 * (1 << 20);

double physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0;
}

std::string human_bytes(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  int u = 0;
  while (bytes >= 1024 && u < 5) {
    bytes /= 1024;
    ++u;
  }
  char text[64];
  std::snprintf(text, sizeof text, "%.3g %s", bytes, units[u]);
  return text;
}

// A run's memory: each replication running at once holds its clients and its Lua state.
void print_memory_estimate(const model::ModelParameters& p, std::size_t lua_bytes, int at_once) {
  const double clients = p.arrivals.count > 0 ? static_cast<double>(p.arrivals.count)
                                              : p.arrivals.per_year * p.horizon.years;
  const double per_replication =
      kBaseBytes + clients * kBytesPerClient + static_cast<double>(lua_bytes);
  const double total = per_replication * at_once;
  std::printf("  memory       about %s (%.0f clients a replication, %d at once)\n",
              human_bytes(total).c_str(), clients, at_once);
  const double physical = physical_memory_bytes();
  if (physical > 0 && total > physical / 2) {
    std::fprintf(stderr,
                 "parcours: warning: a run would need about %s, more than half of this "
                 "machine's %s; lower arrivals.per_year, scenario.years or the threads\n",
                 human_bytes(total).c_str(), human_bytes(physical).c_str());
  }
}

}  // namespace

int check_command(const ScenarioOptions& options, bool list_parameters) {
  if (list_parameters) {
    print_parameters();
    return 0;
  }
  const experiment::RunSettings settings = settings_from(options);
  policy::LuaSandbox sandbox;
  const policy::LoadedScenario scenario =
      policy::load_scenario(sandbox, settings.source, settings.overrides);
  const model::ModelParameters& p = scenario.params;
  std::string hooks;
  for (const std::string& h : scenario.hooks)
    hooks += (hooks.empty() ? "" : ", ") + ("policy." + h);
  std::printf("%s: ok\n", settings.source.name.c_str());
  std::printf("  scenario     %s, from %s for %g years, seed %llu\n", p.horizon.name.c_str(),
              core::format_date(p.horizon.start).c_str(), p.horizon.years,
              static_cast<unsigned long long>(p.horizon.seed));
  std::printf("  activities   %zu, default plan of %zu\n", p.activities.size(),
              p.parcours.default_plan.size());
  std::printf("  hooks        %s\n", hooks.empty() ? "none (parametric rules)" : hooks.c_str());
  std::printf("  files read   %zu\n", scenario.files.size());
  print_memory_estimate(p, sandbox.memory_in_use(),
                        std::max(1, std::min(settings.threads, settings.replications)));
  return 0;
}

RegisteredCommand register_check_command(CLI::App& app) {
  struct Options {
    ScenarioOptions scenario;
    bool list_parameters = false;
    bool markdown = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "check", "Validate a scenario without running it (file:line for each problem)");
  add_scenario_options(*command, options->scenario);
  command->add_flag("--parameters", options->list_parameters,
                    "List every parameter a scenario can set");
  command->add_flag("--markdown", options->markdown,
                    "With --parameters: as Markdown tables (docs/lua_api.md's keys by section)");
  return {command, [options](const Execution&) {
            if (options->list_parameters && options->markdown) {
              std::fputs(policy::schema_markdown().c_str(), stdout);
              return 0;
            }
            return check_command(options->scenario, options->list_parameters);
          }};
}

}  // namespace parcours::app
