// The CSV reader under every data table: errors name the file, the line and the column, and no
// input makes it crash or read a value from the wrong place.
#include "models/data/csv_table.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kfsim::data {
namespace {

DataError parse_error(const std::string& text, const std::vector<std::string>& required = {}) {
  try {
    CsvTable::parse(text, "t.csv", required);
  } catch (const DataError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted: " << text;
  return DataError("", 0, "", "");
}

TEST(CsvTable, ReadsCommentsHeaderAndRows) {
  const auto table = CsvTable::parse("# source\ncode, name\r\n3101,Halden\n\n3103,Moss\n", "t.csv",
                                     {"code", "name"});
  ASSERT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.text(1, "name"), "Moss");
  EXPECT_EQ(table.line_of(1), 5);
  EXPECT_EQ(table.integer(0, "code", 0, 9999), 3101);
}

TEST(CsvTable, ByteOrderMarkOfSpreadsheetsIsSkipped) {
  const auto table = CsvTable::parse(
      "\xEF\xBB\xBF"
      "code,name\n3101,Halden\n",
      "t.csv", {"code"});
  EXPECT_EQ(table.integer(0, "code", 0, 9999), 3101);
}

TEST(CsvTable, ColumnNamedTwiceInTheHeaderIsRefused) {
  const auto error = parse_error("# source\ncode,share,share\nA,0.5,0.7\n");
  EXPECT_EQ(error.line(), 2);
  EXPECT_EQ(error.column(), "share");
  EXPECT_STREQ(error.what(),
               "t.csv:2: column 'share': column named twice in the header; expected each column "
               "once");
}

TEST(CsvTable, EmptyAndBinaryInputsAreRefused) {
  EXPECT_STREQ(parse_error("").what(), "t.csv: no header row; expected a CSV table");
  EXPECT_STREQ(parse_error("# only comments\n\n").what(),
               "t.csv: no header row; expected a CSV table");
  EXPECT_STREQ(parse_error(std::string("a,b\n\0\1", 6)).what(),
               "t.csv: file contains NUL bytes; expected a UTF-8 CSV text table");
  EXPECT_STREQ(parse_error("a,b\n").what(), "t.csv: table has a header but no data rows");
}

TEST(CsvTable, NumbersOutOfRangeOrNotNumbersNameLineAndColumn) {
  const auto table = CsvTable::parse("rate,count\n0.5,3\nnan,x\n1e400,-1\n", "t.csv", {});
  EXPECT_EQ(table.real(0, "rate", 0, 1), 0.5);
  auto message = [&](auto read) {
    try {
      read();
    } catch (const DataError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message([&] { table.real(1, "rate", 0, 1); }),
            "t.csv:3: column 'rate': 'nan' is not a finite number");
  EXPECT_EQ(message([&] { table.integer(1, "count", 0, 9); }),
            "t.csv:3: column 'count': 'x' is not an integer");
  EXPECT_EQ(message([&] { table.real(2, "rate", 0, 1); }),
            "t.csv:4: column 'rate': '1e400' is not a finite number");
  EXPECT_EQ(message([&] { table.integer(2, "count", 0, 9); }),
            "t.csv:4: column 'count': -1 is out of range; expected an integer in [0, 9]");
}

TEST(CsvTable, RowWithTooFewFieldsNamesItsLine) {
  EXPECT_STREQ(parse_error("a,b\n1,2\n3\n").what(),
               "t.csv:3: row has 1 fields; expected 2 as in the header");
}

TEST(CsvTable, QuotedFieldsFollowRfc4180) {
  // Quotes are dropped, commas and line breaks inside them kept, doubled quotes are one; the
  // line of a row after a quoted line break is counted.
  const auto table = CsvTable::parse(
      "code,name,note\n"
      "3101,\"Halden\",plain\n"
      "3103, \"Moss, town\" ,\"said \"\"yes\"\"\"\n"
      "3105,\"two\nlines\",\"\"\n"
      "3107,Sarpsborg,last",
      "t.csv", {"code"});
  ASSERT_EQ(table.rows(), 4u);
  EXPECT_EQ(table.text(0, "name"), "Halden");
  EXPECT_EQ(table.text(1, "name"), "Moss, town");
  EXPECT_EQ(table.text(1, "note"), "said \"yes\"");
  EXPECT_EQ(table.text(2, "name"), "two\nlines");
  EXPECT_EQ(table.text(2, "note"), "");
  EXPECT_EQ(table.line_of(3), 6);
  EXPECT_EQ(table.text(3, "note"), "last");
}

TEST(CsvTable, BadQuotingNamesItsLine) {
  auto error = parse_error("code,name\n3101,Hal\"den\n");
  EXPECT_EQ(error.line(), 2);
  EXPECT_NE(std::string(error.what()).find("double quote inside an unquoted field"),
            std::string::npos);
  error = parse_error("code,name\n3101,\"Halden\"x\n");
  EXPECT_EQ(error.line(), 2);
  EXPECT_NE(std::string(error.what()).find("'x' after a closing double quote"), std::string::npos);
  error = parse_error("code,name\n3101,Halden\n3103,\"Moss\n3105,Fredrikstad\n");
  EXPECT_EQ(error.line(), 3);
  EXPECT_NE(std::string(error.what()).find("not closed by the end of the file"), std::string::npos);
}

TEST(CsvTable, TextThatIsNotUtf8NamesItsLineAndByte) {
  // "Råde" in Latin-1 on line 3; overlong forms and surrogates are not UTF-8 either.
  auto error = parse_error(
      "code,name\n3101,Halden\n3107,R\xE5"
      "de\n");
  EXPECT_EQ(error.line(), 3);
  EXPECT_NE(std::string(error.what()).find("byte 0xE5 is not valid UTF-8"), std::string::npos);
  EXPECT_EQ(parse_error("code,name\n1,\xC0\xAF\n").line(), 2);
  EXPECT_EQ(parse_error("code,name\n1,\xED\xA0\x80\n").line(), 2);
  EXPECT_EQ(parse_error("code,name\n1,\xF4\x90\x80\x80\n").line(), 2);
  EXPECT_EQ(parse_error("code,name\n1,\xE2\x82").line(), 2);
  // Real UTF-8, of two, three and four bytes, is read as it is.
  const auto table = CsvTable::parse(
      "code,name\n1,R\xC3\xA5"
      "de \xE2\x82\xAC \xF0\x9F\x98\x80\n",
      "t.csv", {});
  EXPECT_EQ(table.text(0, "name"),
            "R\xC3\xA5"
            "de \xE2\x82\xAC \xF0\x9F\x98\x80");
}

TEST(CsvTable, CarriageReturnLineEndsAreNamed) {
  auto error = parse_error("# source\rcode,name\r3101,Halden\r");
  EXPECT_EQ(error.line(), 1);
  EXPECT_NE(std::string(error.what()).find("carriage return without a line feed"),
            std::string::npos);
  // One such line in a file of line feeds: named by its number.
  EXPECT_EQ(parse_error("code,name\n3101,Halden\n3103,Moss\r3105,Fredrikstad\n").line(), 3);
}

}  // namespace
}  // namespace kfsim::data
