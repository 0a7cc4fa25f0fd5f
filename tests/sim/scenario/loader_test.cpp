// Loading valid scenarios: values, defaults, origins and the typed accessors.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::data_schema;
using test_support::kHeader;
using test_support::TempDir;
using test_support::test_schema;

TEST(ScenarioLoader, AppliesDefaults) {
  const Scenario s = parse_scenario(kHeader, "s.toml", test_schema());
  EXPECT_EQ(s.integer("schema_version"), 1);
  EXPECT_EQ(s.string("name"), "base");
  EXPECT_EQ(s.string("description"), "");
  EXPECT_EQ(s.month("start"), kfsim::Month::of(2024, 1));
  EXPECT_EQ(s.month("end"), kfsim::Month::of(2050, 12));
  EXPECT_EQ(s.integer("seed"), 1);
  EXPECT_EQ(s.integer("replicates"), 1);
  EXPECT_EQ(s.real("demography.fertility_scale"), 1.0);
  EXPECT_EQ(s.integer("labour.retirement_age"), 67);
  EXPECT_EQ(s.string("labour.matching"), "random");
  EXPECT_TRUE(s.boolean("labour.commuting"));
  EXPECT_EQ(s.real("labour.wages.growth"), 0.02);
  EXPECT_EQ(s.origin("seed"), "default");
  EXPECT_EQ(s.origin("demography.fertility_scale"), "default");
  EXPECT_TRUE(s.policies().empty());
  EXPECT_EQ(s.path(), "s.toml");
  EXPECT_EQ(s.chain(), std::vector<std::filesystem::path>{"s.toml"});
}

TEST(ScenarioLoader, ReadsEveryTypeAndRecordsOrigins) {
  const Scenario s = parse_scenario(
      "schema_version = 1\n"
      "name = \"high-fertility_2\"\n"
      "description = \"Fertility 20 % above today\"\n"
      "start = \"2025-03\"\n"
      "end = \"2040-12\"\n"
      "seed = 9007199254740993\n"
      "replicates = 25\n"
      "\n"
      "[demography]\n"
      "fertility_scale = 1.2\n"
      "mortality_improvement = 0  # an integer where a real is expected\n"
      "\n"
      "[labour]\n"
      "retirement_age = 70\n"
      "matching = \"wage\"\n"
      "commuting = false\n"
      "wages.growth = -0.01\n",
      "dir/high.toml", test_schema());
  EXPECT_EQ(s.string("name"), "high-fertility_2");
  EXPECT_EQ(s.string("description"), "Fertility 20 % above today");
  EXPECT_EQ(s.month("start"), kfsim::Month::of(2025, 3));
  EXPECT_EQ(s.month("end"), kfsim::Month::of(2040, 12));
  EXPECT_EQ(s.integer("seed"), 9007199254740993);  // not squeezed through a double
  EXPECT_EQ(s.integer("replicates"), 25);
  EXPECT_EQ(s.real("demography.fertility_scale"), 1.2);
  EXPECT_EQ(s.real("demography.mortality_improvement"), 0.0);
  EXPECT_TRUE(std::holds_alternative<double>(s.value("demography.mortality_improvement")));
  EXPECT_EQ(s.integer("labour.retirement_age"), 70);
  EXPECT_EQ(s.string("labour.matching"), "wage");
  EXPECT_FALSE(s.boolean("labour.commuting"));
  EXPECT_EQ(s.real("labour.wages.growth"), -0.01);
  EXPECT_EQ(s.origin("name"), "dir/high.toml:2:1");
  EXPECT_EQ(s.origin("demography.fertility_scale"), "dir/high.toml:10:1");
  EXPECT_EQ(s.origin("labour.wages.growth"), "dir/high.toml:17:7");
  EXPECT_EQ(s.origin("labour.reform_month"), "default");
}

TEST(ScenarioLoader, AcceptsDottedKeysAndInlineTables) {
  const Scenario s = parse_scenario(
      "schema_version = 1\nname = \"x\"\n"
      "demography.fertility_scale = 0.5\n"
      "labour = { retirement_age = 62, wages = { growth = 0.1 } }\n",
      "s.toml", test_schema());
  EXPECT_EQ(s.real("demography.fertility_scale"), 0.5);
  EXPECT_EQ(s.integer("labour.retirement_age"), 62);
  EXPECT_EQ(s.real("labour.wages.growth"), 0.1);
}

TEST(ScenarioLoader, TypedAccessorsRejectMisuse) {
  const Scenario s = parse_scenario(kHeader, "s.toml", test_schema());
  EXPECT_THROW(s.integer("nonexistent"), std::logic_error);
  EXPECT_THROW(s.integer("demography.fertility_scale"), std::logic_error);
  EXPECT_THROW(s.string("seed"), std::logic_error);
  EXPECT_THROW(s.boolean("name"), std::logic_error);
  EXPECT_THROW(s.month("name"), std::logic_error);
  EXPECT_THROW(s.file("name"), std::logic_error);
  EXPECT_THROW(s.value("demography"), std::logic_error);
  EXPECT_THROW(s.origin("demography"), std::logic_error);
  // An integer key may be read as a real.
  EXPECT_EQ(s.real("labour.retirement_age"), 67.0);
}

TEST(ScenarioLoader, LoadsFromFileAndResolvesDataRelativeToIt) {
  TempDir dir;
  dir.write("data/population.csv", "municipality,persons\n3101,100\n");
  const auto file =
      dir.write("scenarios/../s.toml",
                std::string(kHeader) + "[data]\npopulation = \"data/population.csv\"\n");
  const Scenario s = load_scenario(file, data_schema());
  EXPECT_EQ(s.path(), file);
  EXPECT_EQ(s.file("data.population"), dir.path() / "data" / "population.csv");
  EXPECT_TRUE(s.file("data.population").is_absolute());
  // A default File path is used as declared.
  EXPECT_EQ(s.file("data.schedule"), std::filesystem::path(KFSIM_SOURCE_DIR "/CMakeLists.txt"));
}

TEST(ScenarioLoader, FilePathsAreLexicallyNormal) {
  TempDir dir;
  dir.write("data/population.csv", "x\n");
  dir.write("other/keep", "");
  const auto file = dir.write(
      "s.toml", std::string(kHeader) + "data.population = \"./other/../data/./population.csv\"\n");
  const Scenario s = load_scenario(file, data_schema());
  EXPECT_EQ(s.file("data.population"), dir.path() / "data" / "population.csv");
}

TEST(ScenarioLoader, ValueAtFollowsPolicies) {
  const Scenario s = parse_scenario(std::string(kHeader) +
                                        "[[policies]]\n"
                                        "start = \"2030-01\"\nend = \"2031-12\"\n"
                                        "key = \"demography.fertility_scale\"\nvalue = 1.5\n"
                                        "[[policies]]\n"
                                        "start = \"2031-01\"\n"
                                        "key = \"demography.fertility_scale\"\nvalue = 2\n",
                                    "s.toml", test_schema());
  const auto at = [&](int year, int month) {
    return std::get<double>(
        s.value_at("demography.fertility_scale", kfsim::Month::of(year, month)));
  };
  EXPECT_EQ(at(2029, 12), 1.0);
  EXPECT_EQ(at(2030, 1), 1.5);
  EXPECT_EQ(at(2030, 12), 1.5);
  EXPECT_EQ(at(2031, 1), 2.0);  // the later policy wins where both apply
  EXPECT_EQ(at(2045, 6), 2.0);  // open-ended
  EXPECT_EQ(std::get<std::int64_t>(s.value_at("seed", kfsim::Month::of(2030, 1))), 1);
}

}  // namespace
}  // namespace kfsim::scenario
