#include "io/csv_writer.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "io/csv_reader.hpp"

namespace {

using parcours::io::CsvWriter;
using parcours::io::format_csv_number;
using parcours::io::parse_csv;
using parcours::io::quote_csv_field;

template <typename T>
concept Writable = requires(CsvWriter& w, T value) {
  w.field(value);
};
static_assert(Writable<const char*> && Writable<std::string> && Writable<float>);
static_assert(Writable<unsigned char> && Writable<long long> && Writable<std::uint64_t>);
static_assert(!Writable<bool> && !Writable<char>);

TEST(CsvWriter, WritesHeaderAndRows) {
  std::ostringstream out;
  CsvWriter w(out);
  w.header({"name", "count", "share"});
  w.field("north").field(3).field(0.5);
  w.end_row();
  w.field(std::string("south")).field(std::int64_t{-4}).field(std::size_t{7});
  w.end_row();
  w.field(std::string_view("max")).field(std::uint64_t{18446744073709551615ULL}).field(0.25F);
  w.end_row();
  EXPECT_EQ(out.str(),
            "name,count,share\nnorth,3,0.5\nsouth,-4,7\nmax,18446744073709551615,0.25\n");
  EXPECT_EQ(w.rows_written(), 3U);
  EXPECT_EQ(w.columns(), 3U);
}

TEST(CsvWriter, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(quote_csv_field("plain text"), "plain text");
  EXPECT_EQ(quote_csv_field(""), "");
  EXPECT_EQ(quote_csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(quote_csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(quote_csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(quote_csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(quote_csv_field(" lead"), "\" lead\"");
  EXPECT_EQ(quote_csv_field("trail\t"), "\"trail\t\"");
  EXPECT_EQ(quote_csv_field("Québec"), "Québec");
}

TEST(CsvWriter, SingleEmptyFieldIsQuotedSoTheRowIsNotBlank) {
  std::ostringstream out;
  CsvWriter w(out);
  w.header({"note"});
  w.field("").end_row();
  w.field("x").end_row();
  EXPECT_EQ(out.str(), "note\n\"\"\nx\n");
  const auto t = parse_csv(out.str(), "t.csv");
  ASSERT_EQ(t.size(), 2U);
  EXPECT_EQ(t.text(0, 0), "");
}

TEST(CsvWriter, NumberFormatting) {
  EXPECT_EQ(format_csv_number(3.0), "3");
  EXPECT_EQ(format_csv_number(-0.0), "-0");
  EXPECT_EQ(format_csv_number(0.1), "0.1");
  EXPECT_EQ(format_csv_number(1e-300), "1e-300");
  EXPECT_EQ(format_csv_number(123456789.125), "123456789.125");
  EXPECT_EQ(format_csv_number(std::numeric_limits<double>::quiet_NaN()), "NA");
  EXPECT_EQ(format_csv_number(std::numeric_limits<double>::infinity()), "Inf");
  EXPECT_EQ(format_csv_number(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(CsvWriter, RoundTripsThroughTheReaderExactly) {
  const std::vector<double> values = {0.1,
                                      1e-300,
                                      123456789.125,
                                      1.0 / 3.0,
                                      -2.5e17,
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::denorm_min(),
                                      std::numeric_limits<double>::infinity()};
  const std::vector<std::string> texts = {"a,b", "\"q\"", "line\nbreak", " pad ", "", "plain"};
  std::ostringstream out;
  CsvWriter w(out);
  w.header({"x", "label", "n"});
  for (std::size_t i = 0; i < values.size(); ++i) {
    w.field(values[i]).field(texts[i % texts.size()]).field(std::int64_t{-9'000'000'000} + 1);
    w.end_row();
  }
  const auto t = parse_csv(out.str(), "roundtrip.csv");
  ASSERT_EQ(t.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(t.number(i, 0), values[i]) << "row " << i;
    EXPECT_EQ(t.text(i, 1), texts[i % texts.size()]) << "row " << i;
    EXPECT_EQ(t.integer(i, 2), -8'999'999'999);
  }
}

TEST(CsvWriter, MisuseIsALogicError) {
  std::ostringstream out;
  CsvWriter w(out);
  EXPECT_THROW(w.field("x"), std::logic_error);
  EXPECT_THROW(w.end_row(), std::logic_error);
  EXPECT_THROW(w.header({"a", "a"}), std::logic_error);
  w.header({"a", "b"});
  EXPECT_THROW(w.header({"c"}), std::logic_error);
  w.field(1);
  EXPECT_THROW(w.end_row(), std::logic_error);
  w.field(2);
  EXPECT_THROW(w.field(3), std::logic_error);
  w.end_row();
  EXPECT_EQ(out.str(), "a,b\n1,2\n");
}

}  // namespace
