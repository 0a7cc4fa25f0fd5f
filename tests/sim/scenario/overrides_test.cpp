// --set KEY=VALUE overrides and Scenario::set.
#include <gtest/gtest.h>

#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::data_schema;
using test_support::error_of;
using test_support::expect_site;
using test_support::kHeader;
using test_support::parse_error;
using test_support::TempDir;
using test_support::test_schema;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Scenario with(const std::vector<std::string>& overrides) {
  return parse_scenario(std::string(kHeader) + "seed = 4\n", "s.toml", test_schema(), overrides);
}

TEST(ScenarioOverrides, ValuesInTomlSyntax) {
  const Scenario s = with({"demography.fertility_scale=1.2", "seed=42", "labour.commuting=false",
                           "name=\"quoted-name\"", "labour.wages.growth = -0.03",
                           "demography.mortality_improvement=0"});
  EXPECT_EQ(s.real("demography.fertility_scale"), 1.2);
  EXPECT_EQ(s.integer("seed"), 42);
  EXPECT_FALSE(s.boolean("labour.commuting"));
  EXPECT_EQ(s.string("name"), "quoted-name");
  EXPECT_EQ(s.real("labour.wages.growth"), -0.03);
  EXPECT_EQ(s.real("demography.mortality_improvement"), 0.0);
  EXPECT_EQ(s.origin("seed"), "command line (--set)");
  EXPECT_EQ(s.origin("name"), "command line (--set)");
  EXPECT_EQ(s.origin("replicates"), "default");
}

TEST(ScenarioOverrides, BareWordsForStringsMonthsAndPaths) {
  TempDir dir;
  const auto population = dir.write("pop.csv", "x");
  const Scenario s =
      parse_scenario(kHeader, "s.toml", data_schema(),
                     {"name=test", "labour.matching=wage", "end=2040-06", "description=Two words",
                      "data.population=" + population.string(), "labour.reform_month='2031-02'"});
  EXPECT_EQ(s.string("name"), "test");
  EXPECT_EQ(s.string("labour.matching"), "wage");
  EXPECT_EQ(s.month("end"), kfsim::Month::of(2040, 6));
  EXPECT_EQ(s.string("description"), "Two words");
  EXPECT_EQ(s.file("data.population"), population);
  EXPECT_EQ(s.month("labour.reform_month"), kfsim::Month::of(2031, 2));
}

TEST(ScenarioOverrides, LaterOverridesWin) {
  EXPECT_EQ(with({"seed=1", "seed=2"}).integer("seed"), 2);
}

TEST(ScenarioOverrides, UnknownKey) {
  const auto error = parse_error(kHeader, "s.toml", {"seed=1", "demografy.fertility_scale=1"});
  expect_site(error, "command line", 2, 1, "demografy.fertility_scale", "kfsim schema");
  EXPECT_EQ(error.problem(), "unknown key (did you mean 'demography.fertility_scale'?)");
}

TEST(ScenarioOverrides, BadValueNamesTheArgument) {
  const auto type = parse_error(kHeader, "s.toml", {"seed=abc"});
  expect_site(type, "command line", 1, 6, "seed", "integer >= 0");
  EXPECT_TRUE(contains(type.problem(), "cannot read \"abc\" as a TOML value")) << type.what();

  const auto range = parse_error(kHeader, "s.toml", {"replicates=0"});
  expect_site(range, "command line", 1, 12, "replicates", "integer in [1, 10000] (unit: runs)");
  EXPECT_EQ(range.problem(), "value 0 is out of range");

  const auto real = parse_error(kHeader, "s.toml", {"seed=2.5"});
  EXPECT_EQ(real.problem(), "got real number 2.5");

  const auto month = parse_error(kHeader, "s.toml", {"start=2024-13"});
  expect_site(month, "command line", 1, 7, "start", "month (\"YYYY-MM\")");

  const auto choice = parse_error(kHeader, "s.toml", {"labour.matching=best"});
  EXPECT_EQ(choice.expected(), "one of \"random\", \"nearest\", \"wage\"");

  const auto version = parse_error(kHeader, "s.toml", {"schema_version=2"});
  expect_site(version, "command line", 1, 16, "schema_version", "integer equal to 1");

  const auto empty = parse_error(kHeader, "s.toml", {"seed="});
  EXPECT_EQ(empty.problem(), "no value after '='");
}

TEST(ScenarioOverrides, MalformedArguments) {
  const auto no_equals = parse_error(kHeader, "s.toml", {"seed"});
  expect_site(no_equals, "command line", 1, 1, "seed", "KEY=VALUE");
  const auto no_key = parse_error(kHeader, "s.toml", {"=3"});
  expect_site(no_key, "command line", 1, 1, "", "KEY=VALUE");
  // One argument sets one key, whatever it holds.
  const auto smuggled = parse_error(kHeader, "s.toml", {"seed=1\nreplicates = 5"});
  EXPECT_EQ(smuggled.key(), "seed");
  EXPECT_TRUE(contains(smuggled.problem(), "not a single TOML value")) << smuggled.what();
  const auto table = parse_error(kHeader, "s.toml", {"seed={a=1}"});
  EXPECT_EQ(table.problem(), "got table");
}

TEST(ScenarioOverrides, FileFormatKeysCannotBeSet) {
  const auto extends = parse_error(kHeader, "s.toml", {"extends=other.toml"});
  EXPECT_EQ(extends.key(), "extends");
  EXPECT_EQ(extends.problem(), "cannot be set with --set");
  EXPECT_EQ(parse_error(kHeader, "s.toml", {"policies[0].value=1"}).problem(),
            "cannot be set with --set");
}

TEST(ScenarioOverrides, InvalidUtf8BareWord) {
  const auto error = parse_error(kHeader, "s.toml", {"description=caf\xe9"});
  EXPECT_EQ(error.key(), "description");
  EXPECT_TRUE(contains(error.problem(), "not valid UTF-8")) << error.what();
}

TEST(ScenarioOverrides, MissingDataFileRelativeToWorkingDirectory) {
  const auto error = error_of([] {
    parse_scenario(kHeader, "s.toml", data_schema(), {"data.population=no/such/file.csv"});
  });
  expect_site(error, "command line", 1, 17, "data.population", "path to an existing file");
  EXPECT_EQ(error.problem(),
            "file not found: " + (std::filesystem::current_path() / "no/such/file.csv").string());
}

TEST(ScenarioSet, ReplacesAndValidates) {
  Scenario s = with({});
  s.set("seed", std::int64_t{77});
  EXPECT_EQ(s.integer("seed"), 77);
  EXPECT_EQ(s.origin("seed"), "command line");
  s.set("replicates", std::int64_t{8}, "--replicates");
  EXPECT_EQ(s.origin("replicates"), "--replicates");
  s.set("demography.fertility_scale", std::int64_t{2});  // integer for a real key
  EXPECT_EQ(s.value("demography.fertility_scale"), Value(2.0));
  s.set("end", std::string("2040-01"));  // months as text too
  EXPECT_EQ(s.month("end"), kfsim::Month::of(2040, 1));

  const auto range = error_of([&] { s.set("seed", std::int64_t{-1}); });
  expect_site(range, "command line", 0, 0, "seed", "integer >= 0");
  EXPECT_EQ(s.integer("seed"), 77);  // unchanged
  const auto type = error_of([&] { s.set("seed", std::string("x")); });
  EXPECT_EQ(type.problem(), "got string \"x\"");
  const auto unknown = error_of([&] { s.set("sed", std::int64_t{1}); });
  EXPECT_EQ(unknown.problem(), "unknown key (did you mean 'seed'?)");
}

TEST(ScenarioSet, KeepsTheScenarioConsistent) {
  Scenario s = parse_scenario(std::string(kHeader) +
                                  "[[policies]]\nstart = \"2030-01\"\n"
                                  "key = \"labour.retirement_age\"\nvalue = 70\n",
                              "s.toml", test_schema());
  const auto before_start = error_of([&] { s.set("end", kfsim::Month::of(2020, 1)); });
  EXPECT_EQ(before_start.key(), "end");
  EXPECT_EQ(s.month("end"), kfsim::Month::of(2050, 12));  // unchanged
  EXPECT_EQ(s.origin("end"), "default");
  const auto outside = error_of([&] { s.set("start", kfsim::Month::of(2031, 1)); });
  EXPECT_EQ(outside.key(), "policies[0].start");
  EXPECT_EQ(s.month("start"), kfsim::Month::of(2024, 1));
}

}  // namespace
}  // namespace kfsim::scenario
