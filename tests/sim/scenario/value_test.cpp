#include "sim/scenario/value.hpp"

#include <gtest/gtest.h>

#include <toml++/toml.h>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

namespace kfsim::scenario {
namespace {

// Reads a TOML literal back the way a scenario file would be read.
toml::table reread(const std::string& literal) {
  return toml::parse("v = " + literal, std::string_view("literal"));
}

TEST(ScenarioValue, TypeNames) {
  EXPECT_EQ(type_name(Type::Integer), "integer");
  EXPECT_EQ(type_name(Type::Real), "real number");
  EXPECT_EQ(type_name(Type::Boolean), "boolean");
  EXPECT_EQ(type_name(Type::String), "string");
  EXPECT_EQ(type_name(Type::Month), "month (\"YYYY-MM\")");
  EXPECT_EQ(type_name(Type::File), "path to an existing file");
}

TEST(ScenarioValue, FormatsScalarsAsTomlLiterals) {
  EXPECT_EQ(format_value(std::int64_t{42}), "42");
  EXPECT_EQ(format_value(std::int64_t{-7}), "-7");
  EXPECT_EQ(format_value(1.0), "1.0");
  EXPECT_EQ(format_value(0.1), "0.1");
  EXPECT_EQ(format_value(-2.5), "-2.5");
  EXPECT_EQ(format_value(1e300), "1e+300");
  EXPECT_EQ(format_value(true), "true");
  EXPECT_EQ(format_value(false), "false");
  EXPECT_EQ(format_value(kfsim::Month::of(2031, 7)), "\"2031-07\"");
  EXPECT_EQ(format_value(std::string("plain")), "\"plain\"");
}

TEST(ScenarioValue, EscapesStrings) {
  EXPECT_EQ(format_value(std::string("a\"b\\c")), R"("a\"b\\c")");
  EXPECT_EQ(format_value(std::string("line\nnext\ttab")), R"("line\nnext\ttab")");
  EXPECT_EQ(format_value(std::string("\x01\x7f")), R"("\u0001\u007F")");
  EXPECT_EQ(format_value(std::string("Østfold")), "\"Østfold\"");
  // Malformed UTF-8 cannot appear in TOML; it is replaced rather than written raw.
  EXPECT_EQ(format_value(std::string("a\xff")), R"("a\uFFFD")");
}

TEST(ScenarioValue, StringsReadBackUnchanged) {
  for (const std::string& text :
       {std::string("Østfold \"quoted\" \\ back"), std::string("tab\tnew\nline\r"),
        std::string("nul \0 inside", 12), std::string("\x1b[31m"), std::string("")}) {
    const toml::table table = reread(format_value(text));
    ASSERT_TRUE(table["v"].is_string()) << format_value(text);
    EXPECT_EQ(table["v"].value<std::string>().value(), text);
  }
}

TEST(ScenarioValue, RealsReadBackBitForBitAndStayReals) {
  std::mt19937_64 random(7);
  std::vector<double> values = {0.0,         -0.0,      1.0,
                                0.1,         1.0 / 3.0, 1e-7,
                                123456789.0, 5e-324,    std::numeric_limits<double>::max(),
                                -1e22};
  for (int i = 0; i < 2000; ++i) {
    std::uint64_t bits = random();
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    if (std::isfinite(value)) values.push_back(value);
  }
  for (const double value : values) {
    const std::string literal = format_value(value);
    const toml::table table = reread(literal);
    ASSERT_TRUE(table["v"].is_floating_point()) << literal;
    const double back = table["v"].value<double>().value();
    EXPECT_EQ(std::memcmp(&back, &value, sizeof value), 0) << literal;
  }
}

TEST(ScenarioValue, NonFiniteRealsAreValidToml) {
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(format_value(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_TRUE(reread(format_value(std::nan(""))).get("v")->is_floating_point());
}

TEST(ScenarioValue, DescribesValuesForMessages) {
  EXPECT_EQ(describe_value(std::int64_t{3}), "integer 3");
  EXPECT_EQ(describe_value(1.5), "real number 1.5");
  EXPECT_EQ(describe_value(true), "boolean true");
  EXPECT_EQ(describe_value(std::string("abc")), "string \"abc\"");
  EXPECT_EQ(describe_value(kfsim::Month::of(2024, 2)), "month 2024-02");
  // A long string does not become a long message.
  EXPECT_LT(describe_value(std::string(100000, 'x')).size(), 100u);
}

TEST(ScenarioValue, FormatsNumbersAsPeopleWriteThem) {
  EXPECT_EQ(format_number(10.0), "10");
  EXPECT_EQ(format_number(-3.0), "-3");
  EXPECT_EQ(format_number(0.25), "0.25");
  EXPECT_EQ(format_number(1e20), "1e+20");
}

}  // namespace
}  // namespace kfsim::scenario
