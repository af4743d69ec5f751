#pragma once
// Reads comma-separated tables with a header row (RFC 4180 style, parsed by libcsv in strict
// mode). Every problem is reported as an InputError pointing at file:line:column, where the
// line is the physical line on which the row starts and the column is the 1-based field index.
//
// Conventions: blank lines are skipped; a UTF-8 byte-order mark and CRLF line endings are
// accepted; spaces and tabs around unquoted fields are trimmed (quote a field to keep them);
// quoted fields may contain commas, doubled quotes and line breaks, which are kept verbatim.
// Header names must be non-empty and unique, and every row must have as many fields as the
// header. A NUL byte anywhere is an error at its line.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "io/input_error.hpp"

namespace parcours::io {

struct CsvRow {
  /// Physical line (1-based) on which the row starts.
  std::size_t line = 0;
  std::vector<std::string> fields;
};

class CsvTable {
 public:
  /// The file name as given, used as the prefix of every error.
  [[nodiscard]] const std::string& source() const { return source_; }
  [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
  /// Physical line of the header row (1 unless blank lines precede it).
  [[nodiscard]] std::size_t header_line() const { return header_line_; }

  /// Number of data rows (the header is not counted).
  [[nodiscard]] std::size_t size() const { return rows_.size(); }
  [[nodiscard]] bool empty() const { return rows_.empty(); }
  [[nodiscard]] const CsvRow& row(std::size_t i) const { return rows_.at(i); }
  [[nodiscard]] const std::vector<CsvRow>& rows() const { return rows_; }

  [[nodiscard]] bool has_column(std::string_view name) const;
  /// Index of the named column. Throws InputError "source:1: missing column 'x' (found: a, b)".
  [[nodiscard]] std::size_t column(std::string_view name) const;
  /// Throws the same error as column() for the first name that is not in the header.
  void require_columns(std::initializer_list<std::string_view> names) const;

  /// Raw field text. Indices out of range are programming errors (std::out_of_range).
  [[nodiscard]] const std::string& text(std::size_t row, std::size_t column) const;
  /// The whole field parsed as a decimal floating-point number ("1.5", "-2e-3", "inf"; no
  /// leading '+', no surrounding text, no NaN). Throws InputError at the field's location:
  /// "column 'p': expected a number, got 'abc'".
  [[nodiscard]] double number(std::size_t row, std::size_t column) const;
  /// The whole field parsed as a base-10 integer; same error conventions as number().
  [[nodiscard]] std::int64_t integer(std::size_t row, std::size_t column) const;

  /// An InputError located at a field of this table, for checks made by the caller (e.g. "must
  /// be positive"); the message is prefixed with "column '<name>': ".
  [[nodiscard]] InputError field_error(std::size_t row, std::size_t column,
                                       const std::string& message) const;

 private:
  friend CsvTable parse_csv(std::string_view text, std::string source);
  CsvTable() = default;

  std::string source_;
  std::size_t header_line_ = 0;
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

/// Reads and parses a file; source() is path.string(). Throws InputError if the file cannot
/// be read or is not a valid table.
CsvTable read_csv_file(const std::filesystem::path& path);

/// Parses CSV text held in memory; `source` names it in errors (e.g. "<embedded>/rates.csv").
CsvTable parse_csv(std::string_view text, std::string source);

}  // namespace parcours::io
