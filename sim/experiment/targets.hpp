#pragma once
// Published figures a run is held against: one row of a targets file each. `parcours validate
// --targets` compares them with the simulated values, and `parcours calibrate --targets` reuses
// this reader (joint calibration), so both read one format:
//
//   id,indicator,period,dimension,group,value,source,tolerance
//   clients_end,clients_in_system_end,2027-2028,all,all,58000,"MTESS, March 2019",10%
//   concl_a_ei,conclusion_a/interviews,yearly,income_support,ei,0.40,"RSSMO 2014-15",0.05
//
// - indicator: a name of the indicator tables, or the ratio of two "a/b" (each summed over the
//   period before dividing). A name found only in the agreement tables ("cost") is summed over
//   every agreement's fiscal-year rows, all levels (all clients, fiscal years only).
// - period: a fiscal year "2025-2026" (or its first year "2025"), a quarter "2025-2026 Q3", or
//   "yearly": the mean over every fiscal year of the run (a ratio: sum over them / sum).
// - dimension, group: one group of the tables ("income_support", "ei"); "all", "all" (or both
//   empty) for every client.
// - value: the published figure, in the indicator's units (a ratio as a fraction, 0.386).
// - source: where the figure comes from (required: a target without a source is no target).
// - tolerance: how far the simulated mean may be from the value and still agree with it:
//   "10%" is relative (10 % of the value), a plain number "0.05" is absolute, in the
//   indicator's units (for a share, 0.05 is 5 points).
//
// Every problem is an io::InputError at file:line:column, as for every input table.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "experiment/replication.hpp"
#include "io/csv_reader.hpp"

namespace parcours::experiment {

struct TargetPeriod {
  enum class Kind { kFiscalYear, kQuarter, kYearly };
  Kind kind = Kind::kYearly;
  int year = 0;     // first year of the fiscal year (2025 for 2025-2026); unused for kYearly
  int quarter = 0;  // 1-4 for kQuarter

  /// "2025-2026", "2025-2026 Q3" or "yearly", as written back in tables.
  [[nodiscard]] std::string label() const;
};

struct Tolerance {
  double amount = 0.0;  // a fraction of the value when relative, in its units otherwise
  bool relative = false;

  /// The largest |simulated - published| that agrees with `published`.
  [[nodiscard]] double absolute(double published) const;
  /// "10%" or "0.05", as written back in tables.
  [[nodiscard]] std::string label() const;
};

struct Target {
  std::string id;
  std::string numerator;
  std::string denominator;  // empty = no ratio
  TargetPeriod period;
  std::string dimension = "all";
  std::string group = "all";
  double value = 0.0;
  std::string source;
  Tolerance tolerance;
  std::string file;  // where the row is, for errors found when it is evaluated
  std::size_t line = 0;

  /// "a" or "a/b".
  [[nodiscard]] std::string indicator() const;
  /// The target's value in one replication. Throws io::InputError at the row's file:line for an
  /// indicator, group or period the run does not have.
  [[nodiscard]] double of(const ReplicationResult& result) const;
  /// Whether `simulated` agrees with the published value within the tolerance.
  [[nodiscard]] bool within(double simulated) const;
};

/// Reads a targets file. Throws io::InputError for a missing column, a bad field, a duplicate
/// id or an empty file.
std::vector<Target> read_targets(const std::filesystem::path& path);
/// The same from a parsed table (named by table.source() in errors).
std::vector<Target> parse_targets(const io::CsvTable& table);

}  // namespace parcours::experiment
