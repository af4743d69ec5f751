#pragma once
// Writes CSV tables that csv_reader, R and pandas read back exactly.
//
// Format: "\n" line endings; a field is quoted only when it has to be (it contains a comma,
// quote, CR or LF, starts or ends with a space or tab, or is the only, empty, field of a row,
// which would otherwise be a blank line), with quotes doubled. Numbers never depend on the
// locale: doubles use the shortest text that parses back to the same value (std::to_chars:
// "0.1", "3", "1e-300"), NaN is written "NA" and infinities "Inf" / "-Inf", which R and pandas
// read as missing and infinite.
//
// Misuse (a field before the header, a row with the wrong number of fields, duplicate header
// names) is a programming error and throws std::logic_error, in every build type.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace parcours::io {

/// Integer types CsvWriter writes in base 10: all but bool and the character types.
template <typename T>
concept CsvInteger = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                     !std::same_as<T, wchar_t> && !std::same_as<T, char8_t> &&
                     !std::same_as<T, char16_t> && !std::same_as<T, char32_t>;

class CsvWriter {
 public:
  /// The stream must outlive the writer; the writer does not flush or check it.
  explicit CsvWriter(std::ostream& out) : out_(&out) {}

  /// Writes the header row; must be called once, before any field.
  void header(std::initializer_list<std::string_view> names);
  void header(const std::vector<std::string>& names);

  CsvWriter& field(std::string_view text);
  CsvWriter& field(const char* text) { return field(std::string_view(text)); }
  CsvWriter& field(double value);
  template <CsvInteger T>
  CsvWriter& field(T value) {
    if constexpr (std::is_signed_v<T>) {
      return signed_field(static_cast<std::int64_t>(value));
    } else {
      return unsigned_field(static_cast<std::uint64_t>(value));
    }
  }
  // Deleted so that a bool is never silently written as 1 or 0: write "true"/"false" or 1/0
  // explicitly. (The const char* overload keeps string literals from converting to bool.)
  CsvWriter& field(bool) = delete;

  /// Ends the current row; it must have exactly as many fields as the header.
  void end_row();

  /// Data rows completed so far (the header is not counted).
  [[nodiscard]] std::size_t rows_written() const { return rows_; }
  [[nodiscard]] std::size_t columns() const { return columns_; }

 private:
  CsvWriter& signed_field(std::int64_t value);
  CsvWriter& unsigned_field(std::uint64_t value);
  // Writes one field's text, quoted if needed, after its separator.
  CsvWriter& put(std::string_view text);

  std::ostream* out_;
  bool has_header_ = false;
  std::size_t columns_ = 0;
  std::size_t fields_in_row_ = 0;
  std::size_t rows_ = 0;
};

/// The text CsvWriter writes for a double (without quoting): shortest round-trip form, "NA",
/// "Inf" or "-Inf".
std::string format_csv_number(double value);

/// `text` as a CSV field: unchanged, or quoted with inner quotes doubled when needed.
std::string quote_csv_field(std::string_view text);

}  // namespace parcours::io
