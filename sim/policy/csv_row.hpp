#pragma once
// A row of a scenario's CSV table (csv "file"): its fields by column, and errors at the file
// and line it came from (csv adds __file and __line), else at the section's line.

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>

#include "core/calendar.hpp"
#include "io/input_error.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

class CsvRow {
 public:
  CsvRow(const SectionValues& s, std::string table, const std::map<std::string, std::string>& r)
      : section_(s), table_(std::move(table)), row_(r) {}

  [[noreturn]] void fail(const std::string& message) const {
    const auto file = row_.find("__file");
    const auto line = row_.find("__line");
    if (file == row_.end() || line == row_.end())
      throw io::InputError(section_.origin.file, section_.origin.line,
                           std::string(section_.spec->name) + ": " + table_ + ": " + message);
    throw io::InputError(file->second, static_cast<std::size_t>(std::stoul(line->second)), message);
  }
  [[nodiscard]] bool has(const std::string& column) const { return row_.contains(column); }
  [[nodiscard]] const std::string& text(const std::string& column) const {
    const auto it = row_.find(column);
    if (it == row_.end()) fail("missing column '" + column + "'");
    return it->second;
  }
  [[nodiscard]] double number(const std::string& column, double min, double max) const {
    const std::string& t = text(column);
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(v)) {
      fail("column '" + column + "': expected a number, got '" + t + "'");
    }
    if (v < min || v > max) {
      fail("column '" + column + "': " + t + " is out of range [" + fmt(min) + ", " + fmt(max) +
           "]");
    }
    return v;
  }
  [[nodiscard]] core::Date date(const std::string& column) const {
    const auto d = core::parse_date(text(column));
    if (!d) fail("column '" + column + "': expected a date YYYY-MM-DD, got '" + text(column) + "'");
    return *d;
  }

 private:
  static std::string fmt(double v) {
    std::string t = std::to_string(v);
    while (t.find('.') != std::string::npos && (t.back() == '0' || t.back() == '.')) t.pop_back();
    return t;
  }
  const SectionValues& section_;
  std::string table_;
  const std::map<std::string, std::string>& row_;
};

}  // namespace parcours::policy
