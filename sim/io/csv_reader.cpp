#include "io/csv_reader.hpp"

#include <csv.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <new>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "io/read_file.hpp"

namespace parcours::io {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// libcsv's callbacks run inside C code, where an exception must not pass, so they only collect
// fields and finished rows; the C++ side validates the rows after each chunk.
struct Collector {
  std::vector<std::string> fields;  // of the row in progress
  std::vector<std::vector<std::string>> finished;
  std::exception_ptr failure;
};

void on_field(void* data, std::size_t size, void* self) {
  auto& collector = *static_cast<Collector*>(self);
  if (collector.failure) return;
  try {
    // libcsv may pass a null pointer for an empty field.
    collector.fields.emplace_back(size == 0 ? std::string()
                                            : std::string(static_cast<const char*>(data), size));
  } catch (...) {
    collector.failure = std::current_exception();
  }
}

void on_row_end(int /*terminator*/, void* self) {
  auto& collector = *static_cast<Collector*>(self);
  if (collector.failure) return;
  try {
    collector.finished.push_back(std::move(collector.fields));
    collector.fields.clear();
  } catch (...) {
    collector.failure = std::current_exception();
  }
}

class LibCsvParser {
 public:
  LibCsvParser() {
    // Strict: a stray quote is an error instead of being taken literally. Strict fini: an
    // unterminated quoted field at the end of the input is an error instead of a silent row.
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  }
  ~LibCsvParser() { csv_free(&parser_); }
  LibCsvParser(const LibCsvParser&) = delete;
  LibCsvParser& operator=(const LibCsvParser&) = delete;

  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_{};
};

// One past the end of the physical line starting at `pos`: after "\n", "\r\n" or a lone "\r"
// (which libcsv also treats as a row end), or the end of the text.
std::size_t line_end(std::string_view text, std::size_t pos) {
  const std::size_t stop = text.find_first_of("\r\n", pos);
  if (stop == std::string_view::npos) return text.size();
  if (text[stop] == '\r' && stop + 1 < text.size() && text[stop + 1] == '\n') return stop + 2;
  return stop + 1;
}

// True for lines libcsv skips when no row is in progress (it trims spaces and tabs).
bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string plural_fields(std::size_t n) {
  return n == 1 ? "1 field" : fmt::format("{} fields", n);
}

struct TableParts {
  std::size_t header_line = 0;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
};

// Builds the table row by row, checking each row as soon as it is complete so that the error
// reported is always the first one in the file.
class TableBuilder {
 public:
  explicit TableBuilder(std::string source) : source_(std::move(source)) {}

  [[nodiscard]] const std::string& source() const { return source_; }

  void add(std::size_t line, std::vector<std::string> fields) {
    if (!has_header_) {
      check_header(line, fields);
      parts_.header_line = line;
      parts_.header = std::move(fields);
      has_header_ = true;
      return;
    }
    const std::vector<std::string>& header = parts_.header;
    if (fields.size() != header.size()) {
      const std::size_t column = std::min(fields.size(), header.size()) + 1;
      throw InputError(source_, line, column,
                       fmt::format("expected {} ({}), found {}", plural_fields(header.size()),
                                   join(header), fields.size()));
    }
    parts_.rows.push_back(CsvRow{line, std::move(fields)});
  }

  [[nodiscard]] bool has_header() const { return has_header_; }
  TableParts take() { return std::move(parts_); }

 private:
  void check_header(std::size_t line, const std::vector<std::string>& names) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i].empty()) {
        throw InputError(source_, line, i + 1, "empty column name in the header");
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (names[j] == names[i]) {
          throw InputError(
              source_, line, i + 1,
              fmt::format("duplicate column name '{}' (also column {})", names[i], j + 1));
        }
      }
    }
  }

  std::string source_;
  bool has_header_ = false;
  TableParts parts_;
};

InputError malformed_quote(const std::string& source, std::size_t line, std::size_t column,
                           char offending) {
  if (offending == '"') {
    return {source, line, column,
            "unexpected quote in an unquoted field (quote the whole field and write a quote "
            "inside it as \"\")"};
  }
  return {source, line, column, "unexpected text after a closing quote"};
}

}  // namespace

CsvTable parse_csv(std::string_view text, std::string source) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  // A NUL byte is no text: libcsv would keep it inside a field, where C functions reading
  // the field stop at it ("0.5\0junk" would read as 0.5).
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const std::string_view before = text.substr(0, nul);
    std::size_t line = 1;
    for (std::size_t pos = 0; (pos = before.find_first_of("\r\n", pos)) != std::string_view::npos;
         ++line) {
      pos += before.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
    }
    throw InputError(source, line, "a NUL byte (is this a binary file?)");
  }

  TableBuilder builder(std::move(source));
  LibCsvParser parser;
  Collector collector;

  // Fed one physical line at a time, libcsv ends at most one row per call, so the line being
  // fed when a row ends is known, and a row starts on the first line fed while none is open.
  std::size_t line = 1;
  std::size_t row_start = 1;
  bool in_row = false;
  const auto take_finished = [&] {
    if (collector.failure) std::rethrow_exception(collector.failure);
    const bool ended = !collector.finished.empty();
    for (std::vector<std::string>& fields : collector.finished) {
      builder.add(row_start, std::move(fields));
    }
    collector.finished.clear();
    return ended;
  };

  for (std::size_t pos = 0; pos < text.size(); ++line) {
    const std::size_t end = line_end(text, pos);
    const std::string_view chunk = text.substr(pos, end - pos);
    pos = end;
    if (!in_row) row_start = line;
    const std::size_t used =
        csv_parse(parser.get(), chunk.data(), chunk.size(), on_field, on_row_end, &collector);
    if (used < chunk.size()) {
      take_finished();
      throw malformed_quote(builder.source(), line, collector.fields.size() + 1, chunk[used]);
    }
    const bool ended = take_finished();
    in_row = !ended && (in_row || !is_blank(chunk));
  }

  if (csv_fini(parser.get(), on_field, on_row_end, &collector) != 0) {
    throw InputError(builder.source(), row_start, collector.fields.size() + 1,
                     "unterminated quoted field (the closing quote is missing)");
  }
  take_finished();
  if (!builder.has_header()) {
    throw InputError(builder.source(), "empty file (expected a header row)");
  }

  TableParts parts = builder.take();
  CsvTable table;
  table.source_ = builder.source();
  table.header_line_ = parts.header_line;
  table.header_ = std::move(parts.header);
  table.rows_ = std::move(parts.rows);
  return table;
}

CsvTable read_csv_file(const std::filesystem::path& path) {
  return parse_csv(read_file(path), path.string());
}

bool CsvTable::has_column(std::string_view name) const {
  return std::ranges::find(header_, name) != header_.end();
}

std::size_t CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  throw InputError(source_, header_line_,
                   fmt::format("missing column '{}' (found: {})", name, join(header_)));
}

void CsvTable::require_columns(std::initializer_list<std::string_view> names) const {
  for (const std::string_view name : names) {
    static_cast<void>(column(name));
  }
}

const std::string& CsvTable::text(std::size_t row, std::size_t column) const {
  return rows_.at(row).fields.at(column);
}

InputError CsvTable::field_error(std::size_t row, std::size_t column,
                                 const std::string& message) const {
  return {source_, rows_.at(row).line, column + 1,
          fmt::format("column '{}': {}", header_.at(column), message)};
}

double CsvTable::number(std::size_t row, std::size_t column) const {
  const std::string& s = text(row, column);
  const char* const end = s.data() + s.size();
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (ec == std::errc::result_out_of_range && ptr == end) {
    throw field_error(row, column, fmt::format("number '{}' is out of range", s));
  }
  if (ec != std::errc{} || ptr != end || std::isnan(value)) {
    throw field_error(row, column, fmt::format("expected a number, got '{}'", s));
  }
  return value;
}

std::int64_t CsvTable::integer(std::size_t row, std::size_t column) const {
  const std::string& s = text(row, column);
  const char* const end = s.data() + s.size();
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (ec == std::errc::result_out_of_range && ptr == end) {
    throw field_error(row, column, fmt::format("integer '{}' is out of range", s));
  }
  if (ec != std::errc{} || ptr != end) {
    throw field_error(row, column, fmt::format("expected an integer, got '{}'", s));
  }
  return value;
}

}  // namespace parcours::io
