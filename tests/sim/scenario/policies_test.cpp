// Dated policies: [[policies]] tables and what makes one invalid.
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

// kHeader takes lines 1-2; the policy table starts on line 3.
std::string policy(const std::string& body) {
  return std::string(kHeader) + "[[policies]]\n" + body;
}

TEST(ScenarioPolicies, ReadsAllFields) {
  const Scenario s = parse_scenario(policy("name = \"later retirement\"\n"
                                           "start = \"2030-01\"\n"
                                           "end = \"2034-12\"\n"
                                           "key = \"labour.retirement_age\"\n"
                                           "value = 69\n") +
                                        "\n[[policies]]\n"
                                        "start = \"2024-01\"\n"
                                        "key = \"labour.matching\"\n"
                                        "value = \"wage\"\n",
                                    "p.toml", test_schema());
  ASSERT_EQ(s.policies().size(), 2u);
  const Policy& first = s.policies()[0];
  EXPECT_EQ(first.name, "later retirement");
  EXPECT_EQ(first.start, kfsim::Month::of(2030, 1));
  EXPECT_EQ(first.end, kfsim::Month::of(2034, 12));
  EXPECT_EQ(first.key, "labour.retirement_age");
  EXPECT_EQ(first.value, Value(std::int64_t{69}));
  EXPECT_EQ(first.origin, "p.toml:3");
  const Policy& second = s.policies()[1];
  EXPECT_EQ(second.name, "");
  EXPECT_FALSE(second.end.has_value());
  EXPECT_EQ(second.value, Value(std::string("wage")));
  EXPECT_EQ(second.origin, "p.toml:10");
  // The policy's value does not change the scenario's own.
  EXPECT_EQ(s.integer("labour.retirement_age"), 67);
}

TEST(ScenarioPolicies, IntegerValueForRealKeyBecomesReal) {
  const Scenario s = parse_scenario(
      policy("start = \"2030-01\"\nkey = \"demography.fertility_scale\"\nvalue = 2\n"), "p.toml",
      test_schema());
  EXPECT_EQ(s.policies()[0].value, Value(2.0));
}

TEST(ScenarioPolicies, InlineArrayOfTables) {
  const Scenario s = parse_scenario(
      std::string(kHeader) +
          "policies = [ { start = \"2030-01\", key = \"labour.commuting\", value = false } ]\n",
      "p.toml", test_schema());
  ASSERT_EQ(s.policies().size(), 1u);
  EXPECT_EQ(s.policies()[0].value, Value(false));
}

TEST(ScenarioPolicies, UnknownKeySuggestsNearest) {
  const auto error = parse_error(
      policy("start = \"2030-01\"\nkey = \"demography.fertilty_scale\"\nvalue = 1.2\n"));
  expect_site(error, "s.toml", 5, 7, "policies[0].key", "a key that policies may set");
  EXPECT_EQ(error.problem(),
            "unknown key 'demography.fertilty_scale' (did you mean 'demography.fertility_scale'?)");
}

// A key fixed for the whole run is no help to a policy, however close its spelling.
TEST(ScenarioPolicies, UnknownKeyIsNotMatchedToAKeyFixedForTheRun) {
  const auto error = parse_error(
      policy("start = \"2030-01\"\nkey = \"labour.reform_mont\"\nvalue = \"2031-01\"\n"));
  expect_site(error, "s.toml", 5, 7, "policies[0].key", "a key that policies may set");
  EXPECT_EQ(error.problem(), "unknown key 'labour.reform_mont'");
}

TEST(ScenarioPolicies, KeyNotPolicySettable) {
  const auto error = parse_error(policy("start = \"2030-01\"\nkey = \"seed\"\nvalue = 2\n"));
  expect_site(error, "s.toml", 5, 7, "policies[0].key", "a key that policies may set");
  EXPECT_EQ(error.problem(), "'seed' is fixed for the whole run");
  EXPECT_EQ(parse_error(policy("start = \"2030-01\"\nkey = \"labour.reform_month\"\n"
                               "value = \"2031-01\"\n"))
                .problem(),
            "'labour.reform_month' is fixed for the whole run");
}

TEST(ScenarioPolicies, StartBeforeTheRun) {
  const auto error =
      parse_error(policy("start = \"2023-12\"\nkey = \"labour.retirement_age\"\nvalue = 70\n"));
  expect_site(error, "s.toml", 4, 9, "policies[0].start", "within [2024-01, 2050-12]");
  EXPECT_TRUE(contains(error.problem(), "outside the run 2024-01 to 2050-12")) << error.what();
}

TEST(ScenarioPolicies, StartAfterTheRun) {
  const auto error = parse_error(
      "schema_version = 1\nname = \"x\"\nend = \"2030-12\"\n"
      "[[policies]]\nstart = \"2031-01\"\nkey = \"labour.retirement_age\"\nvalue = 70\n");
  expect_site(error, "s.toml", 5, 9, "policies[0].start", "within [2024-01, 2030-12]");
}

TEST(ScenarioPolicies, StartMovedOutsideTheRunByAnOverride) {
  const auto error =
      parse_error(policy("start = \"2030-01\"\nkey = \"labour.retirement_age\"\nvalue = 70\n"),
                  "s.toml", {"start=2031-01"});
  expect_site(error, "s.toml", 4, 9, "policies[0].start", "within [2031-01, 2050-12]");
}

TEST(ScenarioPolicies, EndBeforeStart) {
  const auto error = parse_error(policy(
      "start = \"2030-01\"\nend = \"2029-06\"\nkey = \"labour.retirement_age\"\nvalue = 70\n"));
  expect_site(error, "s.toml", 5, 7, "policies[0].end", "no earlier than the policy's start");
  EXPECT_EQ(error.problem(), "end 2029-06 is before start 2030-01");
}

TEST(ScenarioPolicies, MalformedMonths) {
  const auto error =
      parse_error(policy("start = \"2030-1\"\nkey = \"labour.retirement_age\"\nvalue = 70\n"));
  expect_site(error, "s.toml", 4, 9, "policies[0].start", "month (\"YYYY-MM\")");
  const auto end = parse_error(
      policy("start = \"2030-01\"\nend = 2031\nkey = \"labour.retirement_age\"\nvalue = 70\n"));
  expect_site(end, "s.toml", 5, 7, "policies[0].end", "month (\"YYYY-MM\")");
  EXPECT_EQ(end.problem(), "got integer 2031");
}

TEST(ScenarioPolicies, BadValue) {
  const auto type = parse_error(
      policy("start = \"2030-01\"\nkey = \"demography.fertility_scale\"\nvalue = \"high\"\n"));
  expect_site(type, "s.toml", 6, 9, "policies[0].value", "real number in [0, 3]");
  EXPECT_EQ(type.problem(), "got string \"high\" for 'demography.fertility_scale'");

  const auto range =
      parse_error(policy("start = \"2030-01\"\nkey = \"labour.retirement_age\"\nvalue = 59\n"));
  expect_site(range, "s.toml", 6, 9, "policies[0].value", "integer in [60, 75] (unit: years)");

  const auto choice =
      parse_error(policy("start = \"2030-01\"\nkey = \"labour.matching\"\nvalue = \"best\"\n"));
  expect_site(choice, "s.toml", 6, 9, "policies[0].value", "one of \"random\"");

  const auto array =
      parse_error(policy("start = \"2030-01\"\nkey = \"labour.matching\"\nvalue = [\"wage\"]\n"));
  EXPECT_EQ(array.problem(), "got array for 'labour.matching'");
}

TEST(ScenarioPolicies, MissingFields) {
  const auto no_start = parse_error(policy("key = \"labour.retirement_age\"\nvalue = 70\n"));
  expect_site(no_start, "s.toml", 3, 1, "policies[0].start", "month (\"YYYY-MM\")");
  EXPECT_EQ(no_start.problem(), "missing in this policy");
  const auto no_key = parse_error(policy("start = \"2030-01\"\nvalue = 70\n"));
  expect_site(no_key, "s.toml", 3, 1, "policies[0].key", "a key that policies may set");
  const auto no_value =
      parse_error(policy("start = \"2030-01\"\nkey = \"labour.retirement_age\"\n"));
  expect_site(no_value, "s.toml", 3, 1, "policies[0].value", "integer in [60, 75]");
}

TEST(ScenarioPolicies, UnknownField) {
  const auto error = parse_error(policy(
      "start = \"2030-01\"\nkey = \"labour.retirement_age\"\nvalue = 70\nstrat = \"2031-01\"\n"));
  expect_site(error, "s.toml", 7, 1, "policies[0].strat", "one of name, start, end, key, value");
  EXPECT_EQ(error.problem(), "unknown policy field (did you mean 'start'?)");
}

TEST(ScenarioPolicies, SecondPolicyIsNamedByIndex) {
  const auto error =
      parse_error(policy("start = \"2030-01\"\nkey = \"labour.retirement_age\"\nvalue = 70\n") +
                  "[[policies]]\nstart = \"2030-01\"\nkey = \"seed\"\nvalue = 1\n");
  expect_site(error, "s.toml", 9, 7, "policies[1].key", "a key that policies may set");
}

TEST(ScenarioPolicies, PoliciesOfTheWrongShape) {
  const auto scalar = parse_error(std::string(kHeader) + "policies = 3\n");
  expect_site(scalar, "s.toml", 3, 1, "policies", "[[policies]] tables");
  EXPECT_EQ(scalar.problem(), "got integer 3");
  const auto table = parse_error(std::string(kHeader) + "[policies]\nstart = \"2030-01\"\n");
  EXPECT_EQ(table.key(), "policies");
  EXPECT_EQ(table.problem(), "got table");
  const auto element = parse_error(std::string(kHeader) + "policies = [1]\n");
  expect_site(element, "s.toml", 3, 13, "policies[0]", "[[policies]] tables");
}

TEST(ScenarioPolicies, FileValueResolvesAgainstTheDeclaringFile) {
  TempDir dir;
  dir.write("data/pop.csv", "x");
  dir.write("scenarios/alt.csv", "y");
  const auto file = dir.write("scenarios/s.toml",
                              std::string(kHeader) +
                                  "data.population = \"../data/pop.csv\"\n"
                                  "[[policies]]\nstart = \"2030-01\"\nkey = \"data.schedule\"\n"
                                  "value = \"alt.csv\"\n");
  const Scenario s = load_scenario(file, data_schema());
  ASSERT_EQ(s.policies().size(), 1u);
  EXPECT_EQ(s.policies()[0].value, Value((dir.path() / "scenarios/alt.csv").string()));
}

}  // namespace
}  // namespace kfsim::scenario
