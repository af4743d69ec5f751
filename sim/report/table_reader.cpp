#include "report/table_reader.hpp"

#include <algorithm>
#include <cmath>

namespace parcours::report {

TableReader::TableReader(const std::filesystem::path& path,
                         std::initializer_list<std::string_view> required)
    : table_(io::read_csv_file(path)) {
  table_.require_columns(required);
}

std::string TableReader::text(std::size_t row, std::string_view column) const {
  if (!table_.has_column(column)) return "";
  return table_.text(row, table_.column(column));
}

std::optional<double> TableReader::number(std::size_t row, std::string_view column) const {
  if (!table_.has_column(column)) return std::nullopt;
  const std::size_t c = table_.column(column);
  const std::string& field = table_.text(row, c);
  if (field.empty() || field == "NA") return std::nullopt;
  const double value = table_.number(row, c);
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

void FirstSeen::add(const std::string& value) {
  if (index(value) == values_.size()) values_.push_back(value);
}

std::size_t FirstSeen::index(const std::string& value) const {
  return static_cast<std::size_t>(std::find(values_.begin(), values_.end(), value) -
                                  values_.begin());
}

}  // namespace parcours::report
