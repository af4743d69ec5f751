#pragma once
// The manifest.json written into every result folder: what was run, on which inputs (with
// their SHA-256), with which seed and settings, and how long it took, so that any result can
// be traced back and reproduced.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace parcours::io {

struct Manifest {
  std::string program;
  std::string version;
  /// ISO 8601 UTC time of the run ("2025-04-01T12:00:00Z"); left out of the JSON if empty, so
  /// that tests and reproducibility checks can compare manifests byte for byte.
  std::string created_utc;
  std::string scenario_name;
  /// (path as given, lower-case hex SHA-256 of its bytes), in the order the scenario read them.
  std::vector<std::pair<std::string, std::string>> scenario_files;
  std::uint64_t seed = 0;
  int replications = 0;
  int threads = 0;
  /// Effective model and policy parameters after defaults and overrides.
  nlohmann::json parameters = nlohmann::json::object();
  /// Uncertain parameters: { name: { distribution, values: [one per replication] } }; left out
  /// of the JSON when empty.
  nlohmann::json uncertain = nlohmann::json::object();
  double wall_seconds = 0.0;
  /// Events executed, summed over replications.
  std::uint64_t events = 0;
  /// Of those, events that change a client's situation (the benchmark's "model events").
  std::uint64_t model_events = 0;
  /// Lua decision hooks called, summed over replications.
  std::uint64_t hook_calls = 0;
  /// Peak resident memory of the process, MiB (like wall_seconds, varies run to run).
  double peak_memory_mib = 0.0;
};

/// The manifest as JSON with a fixed key order:
///   program, version, created_utc (if set),
///   scenario {name, files [{path, sha256}...]},
///   seed, replications, threads, parameters, uncertain_parameters (if any), wall_seconds, events,
///   model_events, hook_calls, peak_memory_mib
/// The seed is also a JSON number; readers that keep only doubles (R's jsonlite, JavaScript)
/// should read it as a 64-bit integer, since seeds above 2^53 would be rounded.
[[nodiscard]] nlohmann::ordered_json manifest_to_json(const Manifest& manifest);

/// Pretty-printed text: 2-space indent, trailing newline. Objects inside `parameters` keep
/// nlohmann::json's key order (sorted), so the text is deterministic.
[[nodiscard]] std::string manifest_json(const Manifest& manifest);

/// Writes manifest_json() to `path`, replacing it. Throws std::filesystem::filesystem_error
/// naming the path if the file cannot be written.
void write_manifest(const Manifest& manifest, const std::filesystem::path& path);

}  // namespace parcours::io
