#include "app/run_manifest.hpp"

#include <sys/resource.h>

#ifndef PARCOURS_VERSION
#define PARCOURS_VERSION "unknown"
#endif

namespace parcours::app {

double peak_memory_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

io::Manifest run_manifest(const policy::LoadedScenario& scenario,
                          const experiment::RunSettings& settings,
                          const std::vector<experiment::ReplicationResult>& results,
                          double seconds) {
  io::Manifest manifest;
  manifest.program = "parcours";
  manifest.version = PARCOURS_VERSION;
  manifest.scenario_name = scenario.params.horizon.name;
  manifest.scenario_files = scenario.files;
  manifest.seed = scenario.params.horizon.seed;
  manifest.replications = settings.replications;
  manifest.threads = settings.threads;
  manifest.parameters = nlohmann::json::parse(scenario.resolved().dump());
  for (const policy::UncertainDraw& d : scenario.uncertain) {
    manifest.uncertain[d.parameter]["distribution"] = d.distribution;
    manifest.uncertain[d.parameter]["values"] = nlohmann::json::array();
  }
  for (const auto& r : results) {
    for (const auto& [parameter, value] : r.parameters) {
      manifest.uncertain[parameter]["values"].push_back(value);
    }
  }
  manifest.wall_seconds = seconds;
  for (const auto& r : results) {
    manifest.events += r.events;
    manifest.model_events += r.model_events;
    manifest.hook_calls += r.hook_calls;
  }
  manifest.peak_memory_mib = peak_memory_mib();
  return manifest;
}

}  // namespace parcours::app
