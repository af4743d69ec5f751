#pragma once
// The result tables as the report reads them: by column name, so that columns added later (or
// in another order) do no harm, with "NA" and empty fields read as missing values.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_reader.hpp"

namespace parcours::report {

class TableReader {
 public:
  /// Reads `path` and checks that every name in `required` is a column. Throws io::InputError
  /// (file:line) for a table that cannot be read or lacks a column.
  TableReader(const std::filesystem::path& path, std::initializer_list<std::string_view> required);

  [[nodiscard]] std::size_t size() const { return table_.size(); }
  [[nodiscard]] bool has_column(std::string_view name) const { return table_.has_column(name); }
  /// The field's text; "" when the table has no such column.
  [[nodiscard]] std::string text(std::size_t row, std::string_view column) const;
  /// The field as a number; nullopt for "NA", an empty field, an infinity or a missing column.
  /// Other text throws io::InputError at the field.
  [[nodiscard]] std::optional<double> number(std::size_t row, std::string_view column) const;

 private:
  io::CsvTable table_;
};

/// Values in the order they first appear: periods, groups and agreements keep the order the
/// program wrote them in.
class FirstSeen {
 public:
  void add(const std::string& value);
  [[nodiscard]] const std::vector<std::string>& values() const { return values_; }
  [[nodiscard]] std::size_t index(const std::string& value) const;  // values().size() if absent

 private:
  std::vector<std::string> values_;
};

}  // namespace parcours::report
