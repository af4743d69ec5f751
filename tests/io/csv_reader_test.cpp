#include "io/csv_reader.hpp"

#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace {

using parcours::io::CsvTable;
using parcours::io::InputError;
using parcours::io::parse_csv;
using parcours::io::read_csv_file;
using parcours::testing::TempDir;

// Runs `f`, which must throw InputError, and returns it.
InputError input_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError thrown";
  return {"", ""};
}

InputError parse_error(const std::string& text) {
  return input_error([&] { static_cast<void>(parse_csv(text, "file.csv")); });
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

TEST(CsvReader, ReadsHeaderAndRows) {
  const CsvTable t = parse_csv("a,b,c\n1,2,3\nx,y,z\n", "t.csv");
  EXPECT_EQ(t.source(), "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(t.size(), 2U);
  EXPECT_EQ(t.row(0).line, 2U);
  EXPECT_EQ(t.row(1).line, 3U);
  EXPECT_EQ(t.text(1, 2), "z");
  EXPECT_EQ(t.column("b"), 1U);
  EXPECT_TRUE(t.has_column("c"));
  EXPECT_FALSE(t.has_column("d"));
}

TEST(CsvReader, ANulByteIsAnErrorAtItsLine) {
  // Inside a field, in a quoted field, at the start of a line: always refused, never read as
  // the text before it.
  for (const std::string& text :
       {std::string("a,b\n1,2\n3,0.5\0"
                    "9\n",
                    16),
        std::string("a,b\n1,2\r\n\"x\0\",4\n", 16), std::string("a,b\n1,2\n\0,4\n", 12)}) {
    const InputError e = input_error([&] { (void)parse_csv(text, "t.csv"); });
    EXPECT_EQ(e.file(), "t.csv");
    EXPECT_EQ(e.line(), 3U) << e.what();
    EXPECT_NE(e.message().find("NUL byte"), std::string::npos) << e.what();
  }
}

TEST(CsvReader, LastLineWithoutNewline) {
  const CsvTable t = parse_csv("a,b\n1,2", "t.csv");
  ASSERT_EQ(t.size(), 1U);
  EXPECT_EQ(t.text(0, 1), "2");
  EXPECT_EQ(t.row(0).line, 2U);
}

TEST(CsvReader, HeaderOnlyIsAnEmptyTable) {
  const CsvTable t = parse_csv("a,b\n", "t.csv");
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.header().size(), 2U);
}

TEST(CsvReader, QuotedFields) {
  const CsvTable t = parse_csv(
      "name,note,n\n"
      "\"Smith, J.\",\"said \"\"hi\"\"\",1\n"
      "\"multi\nline\",\"\",2\n"
      "after,x,3\n",
      "t.csv");
  ASSERT_EQ(t.size(), 3U);
  EXPECT_EQ(t.text(0, 0), "Smith, J.");
  EXPECT_EQ(t.text(0, 1), "said \"hi\"");
  EXPECT_EQ(t.text(1, 0), "multi\nline");
  EXPECT_EQ(t.text(1, 1), "");
  EXPECT_EQ(t.row(1).line, 3U);
  // The embedded line break counts: the next row starts on physical line 5.
  EXPECT_EQ(t.row(2).line, 5U);
  EXPECT_EQ(t.text(2, 0), "after");
}

TEST(CsvReader, ErrorAfterMultiLineFieldHasThePhysicalLine) {
  const InputError e = parse_error("a,b\n\"x\n\ny\",1\n1,2,3\n");
  EXPECT_EQ(e.line(), 5U);
  EXPECT_EQ(std::string(e.what()).rfind("file.csv:5:3: ", 0), 0U) << e.what();
}

TEST(CsvReader, BlankLinesAreIgnored) {
  const CsvTable t = parse_csv("\n  \na,b\n\n1,2\n   \n\t\n3,4\n\n", "t.csv");
  EXPECT_EQ(t.header_line(), 3U);
  ASSERT_EQ(t.size(), 2U);
  EXPECT_EQ(t.row(0).line, 5U);
  EXPECT_EQ(t.row(1).line, 8U);
}

TEST(CsvReader, SpacesAroundUnquotedFieldsAreTrimmed) {
  const CsvTable t = parse_csv("a , b\n 1 ,\" 2 \"\n", "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.text(0, 0), "1");
  EXPECT_EQ(t.text(0, 1), " 2 ");
}

TEST(CsvReader, CrLfAndBom) {
  const CsvTable t = parse_csv(
      "\xEF\xBB\xBF"
      "a,b\r\n1,\"x\r\ny\"\r\n\r\n3,4\r\n",
      "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t.size(), 2U);
  EXPECT_EQ(t.text(0, 1), "x\r\ny");  // quoted content is kept verbatim
  EXPECT_EQ(t.row(1).line, 5U);
  EXPECT_EQ(t.text(1, 1), "4");
}

TEST(CsvReader, MissingFileNamesThePath) {
  const TempDir dir;
  const auto path = dir / "nope.csv";
  const InputError e = input_error([&] { static_cast<void>(read_csv_file(path)); });
  EXPECT_EQ(e.file(), path.string());
  EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("No such file"), std::string::npos) << e.what();
}

TEST(CsvReader, DirectoryIsAnError) {
  const TempDir dir;
  const InputError e = input_error([&] { static_cast<void>(read_csv_file(dir.path())); });
  EXPECT_NE(std::string(e.what()).find("directory"), std::string::npos) << e.what();
}

TEST(CsvReader, ReadsAFile) {
  const TempDir dir;
  const auto path = dir / "rates.csv";
  write_file(path, "region,rate\nMontreal,0.25\n");
  const CsvTable t = read_csv_file(path);
  EXPECT_EQ(t.source(), path.string());
  EXPECT_DOUBLE_EQ(t.number(0, t.column("rate")), 0.25);
}

TEST(CsvReader, EmptyFile) {
  for (const std::string text : {"", "\n\n", "\xEF\xBB\xBF", "  \r\n"}) {
    const InputError e = parse_error(text);
    EXPECT_EQ(std::string(e.what()), "file.csv: empty file (expected a header row)");
  }
}

TEST(CsvReader, RaggedRows) {
  const InputError longer = parse_error("a,b,c\n1,2,3\n\n4,5,6,7\n");
  EXPECT_EQ(std::string(longer.what()), "file.csv:4:4: expected 3 fields (a, b, c), found 4");
  const InputError shorter = parse_error("a,b,c\n1,2\n");
  EXPECT_EQ(std::string(shorter.what()), "file.csv:2:3: expected 3 fields (a, b, c), found 2");
  const InputError single = parse_error("only\n1,2\n");
  EXPECT_EQ(std::string(single.what()), "file.csv:2:2: expected 1 field (only), found 2");
}

TEST(CsvReader, HeaderProblems) {
  EXPECT_EQ(std::string(parse_error("a,b,a\n").what()),
            "file.csv:1:3: duplicate column name 'a' (also column 1)");
  EXPECT_EQ(std::string(parse_error("a,,c\n").what()),
            "file.csv:1:2: empty column name in the header");
}

TEST(CsvReader, MalformedQuoting) {
  const InputError stray = parse_error("a,b\n1,2\nx,y\"z\n");
  EXPECT_EQ(stray.line(), 3U);
  EXPECT_EQ(stray.column(), 2U);
  EXPECT_NE(std::string(stray.what()).find("unexpected quote"), std::string::npos);

  const InputError after = parse_error("a,b\n\"x\"y,2\n");
  EXPECT_EQ(std::string(after.what()), "file.csv:2:1: unexpected text after a closing quote");

  const InputError open = parse_error("a,b\n1,2\n3,\"never closed\n4,5\n");
  EXPECT_EQ(open.line(), 3U);
  EXPECT_EQ(open.column(), 2U);
  EXPECT_NE(std::string(open.what()).find("unterminated quoted field"), std::string::npos);
}

TEST(CsvReader, Numbers) {
  const CsvTable t = parse_csv("p,n\n0.1,42\n-2.5e-3,-7\ninf,0\n", "t.csv");
  EXPECT_EQ(t.number(0, 0), 0.1);
  EXPECT_EQ(t.number(1, 0), -2.5e-3);
  EXPECT_EQ(t.number(2, 0), std::numeric_limits<double>::infinity());
  EXPECT_EQ(t.number(0, 1), 42.0);
  EXPECT_EQ(t.integer(0, 1), 42);
  EXPECT_EQ(t.integer(1, 1), -7);
}

TEST(CsvReader, BadNumberNamesLineColumnAndName) {
  const CsvTable t = parse_csv("id,p\n1,0.5\n2,abc\n3,1.5x\n4,\n5,nan\n6,1e999\n", "in.csv");
  const auto number_error = [&](std::size_t row) {
    return std::string(input_error([&] { static_cast<void>(t.number(row, 1)); }).what());
  };
  EXPECT_EQ(number_error(1), "in.csv:3:2: column 'p': expected a number, got 'abc'");
  EXPECT_EQ(number_error(2), "in.csv:4:2: column 'p': expected a number, got '1.5x'");
  EXPECT_EQ(number_error(3), "in.csv:5:2: column 'p': expected a number, got ''");
  EXPECT_EQ(number_error(4), "in.csv:6:2: column 'p': expected a number, got 'nan'");
  EXPECT_EQ(number_error(5), "in.csv:7:2: column 'p': number '1e999' is out of range");
}

TEST(CsvReader, BadIntegerNamesLineColumnAndName) {
  const CsvTable t = parse_csv("n\n3.0\n99999999999999999999\n", "in.csv");
  const InputError fraction = input_error([&] { static_cast<void>(t.integer(0, 0)); });
  EXPECT_EQ(std::string(fraction.what()), "in.csv:2:1: column 'n': expected an integer, got '3.0'");
  const InputError big = input_error([&] { static_cast<void>(t.integer(1, 0)); });
  EXPECT_EQ(std::string(big.what()),
            "in.csv:3:1: column 'n': integer '99999999999999999999' is out of range");
}

TEST(CsvReader, MissingColumn) {
  const CsvTable t = parse_csv("a,b,c\n1,2,3\n", "in.csv");
  EXPECT_EQ(std::string(input_error([&] { static_cast<void>(t.column("x")); }).what()),
            "in.csv:1: missing column 'x' (found: a, b, c)");
  EXPECT_NO_THROW(t.require_columns({"c", "a"}));
  EXPECT_EQ(std::string(input_error([&] {
                          t.require_columns({"a", "y", "z"});
                        }).what()),
            "in.csv:1: missing column 'y' (found: a, b, c)");
}

TEST(CsvReader, FieldErrorForCallerChecks) {
  const CsvTable t = parse_csv("a,rate\n1,2\n3,-1\n", "in.csv");
  const InputError e = t.field_error(1, 1, "must be positive");
  EXPECT_EQ(std::string(e.what()), "in.csv:3:2: column 'rate': must be positive");
}

TEST(CsvReader, OutOfRangeIndicesAreProgrammingErrors) {
  const CsvTable t = parse_csv("a\n1\n", "in.csv");
  EXPECT_THROW(static_cast<void>(t.text(1, 0)), std::out_of_range);
  EXPECT_THROW(static_cast<void>(t.text(0, 1)), std::out_of_range);
}

}  // namespace
