// Every kind of mistake in a scenario file is reported with its file, line, column and key,
// and says what was expected.
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

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ScenarioErrors, TomlSyntax) {
  const auto error = parse_error("schema_version = 1\nname = \"x\"\nseed = = 3\n");
  expect_site(error, "s.toml", 3, 8, "", "valid TOML");
  EXPECT_TRUE(contains(error.problem(), "TOML syntax error")) << error.what();
  EXPECT_EQ(std::string(error.what()).rfind("s.toml:3:8: TOML syntax error", 0), 0u)
      << error.what();
}

TEST(ScenarioErrors, DuplicateKeyIsASyntaxError) {
  const auto error = parse_error("schema_version = 1\nname = \"x\"\nname = \"y\"\n");
  EXPECT_EQ(error.line(), 3) << error.what();
  EXPECT_TRUE(contains(error.expected(), "valid TOML"));
}

TEST(ScenarioErrors, UnknownTopLevelKeySuggestsNearest) {
  const auto error = parse_error(std::string(kHeader) + "\nsed = 4\n");
  expect_site(error, "s.toml", 4, 1, "sed", "a top-level key or table (schema_version, name");
  EXPECT_TRUE(contains(error.problem(), "unknown key (did you mean 'seed'?)")) << error.what();
}

TEST(ScenarioErrors, UnknownKeyInTableSuggestsNearestAndListsTheTable) {
  const auto error = parse_error(std::string(kHeader) + "[demography]\n  fertilty_scale = 1.1\n");
  expect_site(error, "s.toml", 4, 3, "demography.fertilty_scale",
              "a key of [demography] (fertility_scale, mortality_improvement)");
  EXPECT_TRUE(contains(error.problem(), "did you mean 'demography.fertility_scale'?"))
      << error.what();
}

TEST(ScenarioErrors, KeyInTheWrongTableFindsItsHome) {
  const auto error = parse_error(std::string(kHeader) + "fertility_scale = 1.1\n");
  expect_site(error, "s.toml", 3, 1, "fertility_scale", "top-level key");
  EXPECT_TRUE(contains(error.problem(), "did you mean 'demography.fertility_scale'?"));
}

TEST(ScenarioErrors, UnknownKeyWithoutSuggestion) {
  const auto error = parse_error(std::string(kHeader) + "[labour]\nunheard_of = 1\n");
  expect_site(error, "s.toml", 4, 1, "labour.unheard_of", "a key of [labour] (retirement_age");
  EXPECT_EQ(error.problem(), "unknown key");
}

TEST(ScenarioErrors, UnknownTable) {
  const auto error = parse_error(std::string(kHeader) + "\n[demografy]\nfertility_scale = 1\n");
  expect_site(error, "s.toml", 4, 2, "demografy", "a top-level key or table");
  EXPECT_TRUE(contains(error.problem(), "unknown table (did you mean 'demography'?)"))
      << error.what();
}

TEST(ScenarioErrors, UnknownSubTable) {
  const auto error = parse_error(std::string(kHeader) + "[labour.wage]\ngrowth = 0.1\n");
  EXPECT_EQ(error.key(), "labour.wage") << error.what();
  EXPECT_EQ(error.line(), 3);
  EXPECT_TRUE(contains(error.problem(), "did you mean 'labour.wages'?")) << error.what();
}

TEST(ScenarioErrors, ValueWhereATableBelongs) {
  const auto error = parse_error(std::string(kHeader) + "demography = 2\n");
  expect_site(error, "s.toml", 3, 14, "demography", "a table [demography] of keys");
  EXPECT_EQ(error.problem(), "got integer 2");
}

TEST(ScenarioErrors, FirstErrorInTheFileIsReported) {
  // toml++ keeps keys sorted; the report must still follow the file's order.
  const auto error = parse_error(std::string(kHeader) + "zzz_first = 1\naaa_second = 2\n");
  EXPECT_EQ(error.key(), "zzz_first") << error.what();
}

TEST(ScenarioErrors, WrongType) {
  const auto error =
      parse_error(std::string(kHeader) + "[demography]\nfertility_scale = \"abc\"\n");
  expect_site(error, "s.toml", 4, 19, "demography.fertility_scale", "real number in [0, 3]");
  EXPECT_EQ(error.problem(), "got string \"abc\"");
  EXPECT_TRUE(contains(error.what(), "got string \"abc\"; expected real number in [0, 3]"));
}

TEST(ScenarioErrors, RealWhereIntegerExpected) {
  const auto error = parse_error(std::string(kHeader) + "seed = 1.5\n");
  expect_site(error, "s.toml", 3, 8, "seed", "integer >= 0");
  EXPECT_EQ(error.problem(), "got real number 1.5");
}

TEST(ScenarioErrors, ArraysTablesAndDatesAreWrongTypes) {
  EXPECT_EQ(parse_error(std::string(kHeader) + "seed = [1, 2]\n").problem(), "got array");
  EXPECT_EQ(parse_error(std::string(kHeader) + "seed = { a = 1 }\n").problem(), "got table");
  const auto date = parse_error(std::string(kHeader) + "start = 2024-01-01\n");
  expect_site(date, "s.toml", 3, 9, "start", "month (\"YYYY-MM\"), e.g. \"2024-01\"");
  EXPECT_EQ(date.problem(), "got date 2024-01-01");
  EXPECT_EQ(parse_error(std::string(kHeader) + "labour.commuting = \"yes\"\n").expected(),
            "boolean");
}

TEST(ScenarioErrors, OutOfRangeSaysRangeAndUnit) {
  const auto high = parse_error(std::string(kHeader) + "[labour]\nretirement_age = 80\n");
  expect_site(high, "s.toml", 4, 18, "labour.retirement_age", "integer in [60, 75] (unit: years)");
  EXPECT_EQ(high.problem(), "value 80 is out of range");

  const auto low = parse_error(std::string(kHeader) + "demography.mortality_improvement = -0.5\n");
  expect_site(low, "s.toml", 3, 36, "demography.mortality_improvement",
              "real number in [0, 0.1] (unit: per year)");

  EXPECT_EQ(parse_error(std::string(kHeader) + "seed = -1\n").expected(), "integer >= 0");
  EXPECT_EQ(parse_error(std::string(kHeader) + "replicates = 0\n").expected(),
            "integer in [1, 10000] (unit: runs)");
  EXPECT_EQ(parse_error(std::string(kHeader) + "replicates = 10001\n").key(), "replicates");
}

TEST(ScenarioErrors, NonFiniteReals) {
  for (const char* literal : {"nan", "inf", "-inf"}) {
    const auto error =
        parse_error(std::string(kHeader) + "demography.fertility_scale = " + literal + "\n");
    EXPECT_EQ(error.key(), "demography.fertility_scale") << literal;
    EXPECT_TRUE(contains(error.problem(), "not finite")) << error.what();
  }
}

TEST(ScenarioErrors, StringNotAmongChoicesListsThem) {
  const auto error = parse_error(std::string(kHeader) + "[labour]\nmatching = \"best\"\n");
  expect_site(error, "s.toml", 4, 12, "labour.matching",
              "one of \"random\", \"nearest\", \"wage\"");
  EXPECT_EQ(error.problem(), "got string \"best\"");
}

TEST(ScenarioErrors, NameCharacters) {
  const auto error = parse_error("schema_version = 1\nname = \"two words\"\n");
  expect_site(error, "s.toml", 2, 8, "name", "non-empty string of the characters [A-Za-z0-9_-]");
  EXPECT_EQ(parse_error("schema_version = 1\nname = \"\"\n").key(), "name");
}

TEST(ScenarioErrors, MalformedMonth) {
  for (const char* month : {"2024-13", "2024-1", "24-01", "January", "2024-01-01", "3000-01"}) {
    const auto error = parse_error(std::string(kHeader) + "start = \"" + month + "\"\n");
    expect_site(error, "s.toml", 3, 9, "start", "month (\"YYYY-MM\")");
    EXPECT_TRUE(contains(error.problem(), "not a month")) << error.what();
  }
}

TEST(ScenarioErrors, EndBeforeStart) {
  const auto error = parse_error(std::string(kHeader) + "start = \"2030-01\"\nend = \"2029-12\"\n");
  expect_site(error, "s.toml", 4, 1, "end", "no earlier than start");
  EXPECT_TRUE(contains(error.problem(), "2029-12 is before start 2030-01 (s.toml:3:1)"))
      << error.what();
  // With end left at its default, the start the file set is the culprit.
  const auto late = parse_error(std::string(kHeader) + "start = \"2051-01\"\n");
  expect_site(late, "s.toml", 3, 1, "start", "no later than end");
  EXPECT_TRUE(contains(late.problem(), "after end 2050-12 (default)")) << late.what();
}

TEST(ScenarioErrors, RequiredKeyMissing) {
  const auto error = parse_error("schema_version = 1\n# no name\nseed = 2\n");
  expect_site(error, "s.toml", 1, 1, "name", "non-empty string");
  EXPECT_EQ(error.problem(), "required key is missing");
}

TEST(ScenarioErrors, RequiredDataFileMissing) {
  const auto error = error_of([] { parse_scenario(kHeader, "s.toml", data_schema()); });
  expect_site(error, "s.toml", 1, 1, "data.population", "path to an existing file");
}

TEST(ScenarioErrors, DataFileNotFoundNamesResolvedPath) {
  TempDir dir;
  const auto file =
      dir.write("scenarios/s.toml", std::string(kHeader) + "[data]\npopulation = \"../pop.csv\"\n");
  const auto error = error_of([&] { load_scenario(file, data_schema()); });
  expect_site(error, file.string(), 4, 14, "data.population", "path to an existing file");
  EXPECT_EQ(error.problem(), "file not found: " + (dir.path() / "pop.csv").string())
      << error.what();
}

TEST(ScenarioErrors, DataPathThatIsAFolder) {
  TempDir dir;
  dir.write("data/keep", "");
  const auto file = dir.write("s.toml", std::string(kHeader) + "data.population = \"data\"\n");
  const auto error = error_of([&] { load_scenario(file, data_schema()); });
  EXPECT_EQ(error.key(), "data.population");
  EXPECT_TRUE(contains(error.problem(), "is not a regular file")) << error.what();
}

TEST(ScenarioErrors, DataPathWithNulCharacter) {
  TempDir dir;
  dir.write("pop.csv", "x");
  const auto file =
      dir.write("s.toml", std::string(kHeader) + "data.population = \"pop.csv\\u0000x\"\n");
  const auto error = error_of([&] { load_scenario(file, data_schema()); });
  EXPECT_EQ(error.key(), "data.population");
  EXPECT_TRUE(contains(error.problem(), "NUL")) << error.what();
}

TEST(ScenarioErrors, SchemaVersionMissing) {
  const auto error = parse_error("name = \"x\"\nseed = 3\n");
  expect_site(error, "s.toml", 1, 1, "schema_version", "schema_version = 1");
  EXPECT_TRUE(contains(error.expected(), "reads scenario files of schema_version 1 only"));
  EXPECT_EQ(error.problem(), "missing");
}

TEST(ScenarioErrors, SchemaVersionWrong) {
  const auto two = parse_error("name = \"x\"\nschema_version = 2\n");
  expect_site(two, "s.toml", 2, 18, "schema_version", "schema_version 1 only");
  EXPECT_EQ(two.problem(), "got integer 2");
  // Reported before anything else in the file: other keys may mean other things.
  const auto text = parse_error("bogus = 1\nschema_version = \"1\"\n");
  EXPECT_EQ(text.key(), "schema_version");
  EXPECT_EQ(text.problem(), "got string \"1\"");
}

TEST(ScenarioErrors, MissingScenarioFile) {
  TempDir dir;
  const auto missing = dir.path() / "nope.toml";
  const auto error = error_of([&] { load_scenario(missing, data_schema()); });
  EXPECT_EQ(error.file(), missing.string());
  EXPECT_EQ(error.line(), 0);
  EXPECT_TRUE(contains(error.problem(), "file not found")) << error.what();
  EXPECT_EQ(std::string(error.what()).rfind(missing.string() + ": file not found", 0), 0u);

  const auto folder = error_of([&] { load_scenario(dir.path(), data_schema()); });
  EXPECT_TRUE(contains(folder.problem(), "is a folder")) << folder.what();
}

TEST(ScenarioErrors, MessageFormat) {
  const ScenarioError error("a.toml", 3, 7, "demography.x", "got string \"abc\"", "real number");
  EXPECT_STREQ(error.what(),
               "a.toml:3:7: key 'demography.x': got string \"abc\"; expected real number");
  const ScenarioError no_key("a.toml", 1, 2, "", "TOML syntax error: x", "valid TOML");
  EXPECT_STREQ(no_key.what(), "a.toml:1:2: TOML syntax error: x; expected valid TOML");
  // User text in a message stays on one line.
  const ScenarioError garbage("a.toml", 1, 1, "bad\nkey", "p", "e");
  EXPECT_STREQ(garbage.what(), "a.toml:1:1: key 'bad\\nkey': p; expected e");
}

}  // namespace
}  // namespace kfsim::scenario
