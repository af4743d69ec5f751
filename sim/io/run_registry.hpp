#pragma once
// The run history: an SQLite database (results/runs.sqlite by default) in which every
// `parcours run` records what it ran and its yearly summary, so that runs can be listed,
// shown and compared long after their folders were moved or replaced.
//
// Several runs may finish at the same moment: the database is in WAL mode, waits up to
// 30 s for a lock (busy timeout), and each run is written in one IMMEDIATE transaction, so a
// run is recorded whole or not at all. Problems throw InputError naming the database file.
//
// Only a regular file (or a link to one) is accepted: a device such as /dev/null would lose
// every run and make SQLite write "/dev/null-journal". A damaged file is found by SQLite's
// quick_check when opened for writing, and the message says what to do.
//
// Schema (docs/outputs.md#runssqlite):
//   runs(id, created_utc, folder, scenario, seed, replications, version, manifest)
//   run_parameters(run_id, key, value)
//   run_indicators(run_id, fiscal_year, dimension, group_name, indicator, replications, mean,
//                  sd, ci95_low, ci95_high)

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace parcours::io {

struct RunRecord {
  std::int64_t id = 0;      // given by the database
  std::string created_utc;  // "2026-11-23T14:30:00Z"
  std::string folder;       // the result folder as written (absolute)
  std::string scenario;     // scenario.name
  std::uint64_t seed = 0;
  int replications = 0;
  std::string version;
  std::string manifest;  // manifest.json's text
};

struct RecordedIndicator {
  std::string fiscal_year;
  std::string dimension;
  std::string group;
  std::string indicator;
  int replications = 0;
  std::optional<double> mean;  // nullopt for NA
  std::optional<double> sd;
  std::optional<double> ci95_low;
  std::optional<double> ci95_high;
};

using ParameterRows = std::vector<std::pair<std::string, std::string>>;

/// Resolved parameters as key/value rows: nested objects give dotted keys
/// ("evaluation.agents"), lists of objects with a "name" use it ("activities.groupe_d.
/// duration_weeks"), other lists and scalars are their JSON text (strings without quotes).
/// Sorted by key.
[[nodiscard]] ParameterRows flatten_parameters(const nlohmann::json& parameters);

class RunRegistry {
 public:
  /// Opens (creating it and its folder if needed) the database at `path` for recording, after
  /// checking it (check()).
  [[nodiscard]] static RunRegistry open(const std::filesystem::path& path);
  /// Opens an existing database for reading only: works on a read-only file or folder, and
  /// never changes the file.
  [[nodiscard]] static RunRegistry open_read_only(const std::filesystem::path& path);

  /// PRAGMA quick_check: throws InputError saying the history is damaged and how to set it
  /// aside if SQLite finds anything wrong.
  void check() const;
  RunRegistry(RunRegistry&& other) noexcept;
  RunRegistry& operator=(RunRegistry&&) = delete;
  RunRegistry(const RunRegistry&) = delete;
  RunRegistry& operator=(const RunRegistry&) = delete;
  ~RunRegistry();

  /// Records one run in one transaction; returns its id.
  std::int64_t add(const RunRecord& run, const ParameterRows& parameters,
                   const std::vector<RecordedIndicator>& indicators);

  /// Every run, oldest first.
  [[nodiscard]] std::vector<RunRecord> runs() const;
  /// One run; throws InputError "no run N in <path>" if there is none.
  [[nodiscard]] RunRecord run(std::int64_t id) const;
  [[nodiscard]] ParameterRows parameters(std::int64_t id) const;
  /// The run's indicators, in the order they were recorded; `dimension` empty = all.
  [[nodiscard]] std::vector<RecordedIndicator> indicators(std::int64_t id,
                                                          const std::string& dimension) const;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  RunRegistry(std::filesystem::path path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

}  // namespace parcours::io
