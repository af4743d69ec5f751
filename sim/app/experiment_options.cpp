#include "app/experiment_options.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

namespace parcours::app {

void add_experiment_options(CLI::App& command, ExperimentOptions& options,
                            const std::string& what) {
  command.add_option("--out", options.out, "Result folder (default: results/" + what + ")");
  command
      .add_option("--replications,-r", options.replications,
                  "Replications of each scenario variant, on common random numbers")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command.add_option("--threads,-j", options.threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  command.add_flag("--quiet,-q", options.quiet, "No progress or summary on stderr");
}

int threads_for(const ExperimentOptions& options, int jobs) {
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  return std::max(1, std::min(options.threads > 0 ? options.threads : cores, jobs));
}

std::string out_folder(const ExperimentOptions& options, const std::string& command,
                       const std::string& scenario) {
  if (!options.out.empty()) return options.out;
  const std::string stem =
      scenario.empty() ? "baseline" : std::filesystem::path(scenario).stem().string();
  return "results/" + command + "_" + stem;
}

double seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace parcours::app
