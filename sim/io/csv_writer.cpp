#include "io/csv_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace parcours::io {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// libcsv trims unquoted spaces and tabs at both ends, so those must be quoted to survive.
bool needs_quotes(std::string_view text) {
  if (text.empty()) return false;
  return text.find_first_of(",\"\r\n") != std::string_view::npos || is_space(text.front()) ||
         is_space(text.back());
}

template <typename T>
std::string integer_text(T value) {
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

}  // namespace

std::string quote_csv_field(std::string_view text) {
  if (!needs_quotes(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string format_csv_number(double value) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  // The overload without a format or precision gives the shortest exact round-trip form,
  // independent of the locale.
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

void CsvWriter::header(std::initializer_list<std::string_view> names) {
  header(std::vector<std::string>(names.begin(), names.end()));
}

void CsvWriter::header(const std::vector<std::string>& names) {
  if (has_header_) throw std::logic_error("CsvWriter: header written twice");
  if (names.empty()) throw std::logic_error("CsvWriter: header has no columns");
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) throw std::logic_error("CsvWriter: empty column name");
    for (std::size_t j = 0; j < i; ++j) {
      if (names[j] == names[i]) {
        throw std::logic_error(fmt::format("CsvWriter: duplicate column name '{}'", names[i]));
      }
    }
  }
  has_header_ = true;
  columns_ = names.size();
  for (const std::string& name : names) put(name);
  *out_ << '\n';
  fields_in_row_ = 0;
}

CsvWriter& CsvWriter::put(std::string_view text) {
  if (fields_in_row_ > 0) *out_ << ',';
  if (text.empty() && columns_ == 1) {
    *out_ << "\"\"";  // an unquoted empty single field would be a blank line, which is skipped
  } else if (needs_quotes(text)) {
    *out_ << quote_csv_field(text);
  } else {
    *out_ << text;
  }
  ++fields_in_row_;
  return *this;
}

CsvWriter& CsvWriter::field(std::string_view text) {
  if (!has_header_) throw std::logic_error("CsvWriter: field written before the header");
  if (fields_in_row_ >= columns_) {
    throw std::logic_error(
        fmt::format("CsvWriter: row {} has more fields than the {} columns of the header",
                    rows_ + 1, columns_));
  }
  return put(text);
}

CsvWriter& CsvWriter::field(double value) { return field(format_csv_number(value)); }

CsvWriter& CsvWriter::signed_field(std::int64_t value) { return field(integer_text(value)); }

CsvWriter& CsvWriter::unsigned_field(std::uint64_t value) { return field(integer_text(value)); }

void CsvWriter::end_row() {
  if (!has_header_) throw std::logic_error("CsvWriter: row ended before the header");
  if (fields_in_row_ != columns_) {
    throw std::logic_error(fmt::format("CsvWriter: row {} has {} fields, the header has {}",
                                       rows_ + 1, fields_in_row_, columns_));
  }
  *out_ << '\n';
  fields_in_row_ = 0;
  ++rows_;
}

}  // namespace parcours::io
