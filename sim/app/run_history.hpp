#pragma once
// The run history as the commands see it: where the database is, and registering a finished
// run (one call at the end of `parcours run`).

#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "io/manifest.hpp"

namespace parcours::app {

struct RegistryOptions {
  std::string path;       // --registry; empty = $PARCOURS_REGISTRY, else results/runs.sqlite
  bool disabled = false;  // --no-registry
};

/// --registry, on `run` (which records) and `runs` (which reads).
void add_registry_options(CLI::App& command, RegistryOptions& options);

/// The database to use: --registry, else the environment variable PARCOURS_REGISTRY, else
/// results/runs.sqlite (relative to the working directory); nullopt when disabled.
[[nodiscard]] std::optional<std::filesystem::path> registry_path(const RegistryOptions& options);

/// Before a run: an existing history that is not a regular file or is damaged (SQLite's
/// quick_check) is an InputError saying what to do, so no run is made that cannot be recorded
/// silently. A missing history is fine (the run creates it); nothing is written here.
void check_run_history(const RegistryOptions& options);

/// Records a complete result folder (its manifest, resolved parameters and
/// summary_yearly.csv) in the run history. The results are already safe on disk, so a failure
/// here is a warning on stderr, not an error: returns false after printing it.
bool register_run(const RegistryOptions& options, const std::filesystem::path& folder,
                  const io::Manifest& manifest);

}  // namespace parcours::app
