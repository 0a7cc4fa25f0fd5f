// [sweep] tables: how points are expanded and what makes a sweep invalid.
#include <gtest/gtest.h>

#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::error_of;
using test_support::expect_site;
using test_support::kHeader;
using test_support::parse_error;
using test_support::TempDir;
using test_support::test_schema;

// kHeader takes lines 1-2; [sweep] is line 3, its first key line 4.
std::string sweep(const std::string& body) { return std::string(kHeader) + "[sweep]\n" + body; }

TEST(ScenarioSweep, NoSweepIsOnePoint) {
  const Scenario s = parse_scenario(kHeader, "s.toml", test_schema());
  EXPECT_TRUE(s.sweep().empty());
  EXPECT_EQ(s.sweep().points(), 1u);
  EXPECT_EQ(s.at_sweep_point(0), s);
}

TEST(ScenarioSweep, GridVariesTheLastKeyFastestInWrittenOrder) {
  // Written out of alphabetical order: the file's order is kept.
  const Scenario s = parse_scenario(sweep("labour.retirement_age = [67, 70]\n"
                                          "demography.fertility_scale = [1.0, 1.1, 1.2]\n"),
                                    "s.toml", test_schema());
  const Sweep& sw = s.sweep();
  ASSERT_EQ(sw.axes.size(), 2u);
  EXPECT_EQ(sw.axes[0].key, "labour.retirement_age");
  EXPECT_EQ(sw.mode, Sweep::Mode::Grid);
  ASSERT_EQ(sw.points(), 6u);
  EXPECT_EQ(sw.describe_point(0), "labour.retirement_age = 67, demography.fertility_scale = 1.0");
  EXPECT_EQ(sw.describe_point(4), "labour.retirement_age = 70, demography.fertility_scale = 1.1");
  const Scenario point = s.at_sweep_point(5);
  EXPECT_EQ(point.integer("labour.retirement_age"), 70);
  EXPECT_DOUBLE_EQ(point.real("demography.fertility_scale"), 1.2);
  EXPECT_EQ(point.origin("labour.retirement_age"), "sweep point 5");
  EXPECT_TRUE(point.sweep().empty());
  EXPECT_THROW(sw.point(6), std::out_of_range);
}

TEST(ScenarioSweep, ListTakesValuesTogether) {
  const Scenario s = parse_scenario(sweep("mode = \"list\"\n"
                                          "demography.fertility_scale = [1.0, 1.5]\n"
                                          "labour.matching = [\"random\", \"wage\"]\n"),
                                    "s.toml", test_schema());
  ASSERT_EQ(s.sweep().points(), 2u);
  const Scenario second = s.at_sweep_point(1);
  EXPECT_DOUBLE_EQ(second.real("demography.fertility_scale"), 1.5);
  EXPECT_EQ(second.string("labour.matching"), "wage");
}

TEST(ScenarioSweep, NestedTablesNameKeysToo) {
  const Scenario s =
      parse_scenario(std::string(kHeader) + "[sweep.demography]\nfertility_scale = [0.9, 1.1]\n",
                     "s.toml", test_schema());
  ASSERT_EQ(s.sweep().axes.size(), 1u);
  EXPECT_EQ(s.sweep().axes[0].key, "demography.fertility_scale");
}

TEST(ScenarioSweep, IntegersBecomeRealsForRealKeys) {
  const Scenario s =
      parse_scenario(sweep("demography.fertility_scale = [1, 2]\n"), "s.toml", test_schema());
  EXPECT_DOUBLE_EQ(s.at_sweep_point(1).real("demography.fertility_scale"), 2.0);
}

TEST(ScenarioSweep, ValuesAreCheckedLikeTheKey) {
  expect_site(parse_error(sweep("demography.fertility_scale = [1.0, 7.0]\n")), "s.toml", 4, 36,
              "sweep.demography.fertility_scale[1]", "real number in [0, 3]");
  expect_site(parse_error(sweep("labour.matching = [\"random\", \"best\"]\n")), "s.toml", 4, 30,
              "sweep.labour.matching[1]", "one of");
}

TEST(ScenarioSweep, RefusesWhatCannotBeSwept) {
  // toml++ places a dotted key at its last part.
  expect_site(parse_error(sweep("demography.fertilty_scale = [1.0]\n")), "s.toml", 4, 12,
              "sweep.demography.fertilty_scale", "a scenario key");
  EXPECT_NE(std::string(parse_error(sweep("demography.fertilty_scale = [1.0]\n")).what())
                .find("did you mean 'demography.fertility_scale'"),
            std::string::npos);
  expect_site(parse_error(sweep("name = [\"a\", \"b\"]\n")), "s.toml", 4, 1, "sweep.name",
              "other than schema_version and name");
  expect_site(parse_error(sweep("demography.fertility_scale = 1.0\n")), "s.toml", 4, 30,
              "sweep.demography.fertility_scale", "a non-empty array");
  expect_site(parse_error(sweep("demography.fertility_scale = []\n")), "s.toml", 4, 30,
              "sweep.demography.fertility_scale", "a non-empty array");
  expect_site(parse_error(sweep("mode = \"random\"\n")), "s.toml", 4, 8, "sweep.mode", "\"grid\"");
  expect_site(parse_error(std::string(kHeader) + "sweep = 3\n"), "s.toml", 3, 1, "sweep",
              "a [sweep] table");
  expect_site(parse_error(std::string(kHeader) + "[sweep]\nmode = \"grid\"\n"), "s.toml", 3, 2,
              "sweep", "a [sweep] table");
}

TEST(ScenarioSweep, ListNeedsEqualLengths) {
  expect_site(parse_error(sweep("mode = \"list\"\n"
                                "demography.fertility_scale = [1.0, 1.5]\n"
                                "labour.retirement_age = [67]\n")),
              "s.toml", 3, 2, "sweep.labour.retirement_age", "the same number of values");
}

TEST(ScenarioSweep, RefusesTooManyPoints) {
  // 101 x 100 = 10100 points.
  const auto values = [](int count, double first, double step) {
    std::string text = "[";
    for (int i = 0; i < count; ++i) {
      text += (i ? ", " : "") + std::to_string(first + i * step);
    }
    return text + "]";
  };
  const ScenarioError error =
      parse_error(sweep("demography.fertility_scale = " + values(101, 1.0, 0.01) + "\n" +
                        "demography.mortality_improvement = " + values(100, 0.0, 0.001) + "\n"));
  EXPECT_EQ(error.key(), "sweep");
  EXPECT_NE(error.expected().find("at most 10000 sweep points"), std::string::npos);
}

TEST(ScenarioSweep, OnlyInTheFileThatIsRun) {
  TempDir dir;
  dir.write("base.toml", sweep("demography.fertility_scale = [1.0, 1.1]\n"));
  const auto child =
      dir.write("child.toml", "schema_version = 1\nname = \"child\"\nextends = \"base.toml\"\n");
  const ScenarioError error = error_of([&] { load_scenario(child, test_schema()); });
  EXPECT_EQ(error.key(), "sweep");
  EXPECT_NE(error.file().find("base.toml"), std::string::npos);
  EXPECT_NE(error.expected().find("only in the scenario file that is run"), std::string::npos);
}

TEST(ScenarioSweep, PointThatBreaksTheScenarioIsReported) {
  // A swept end before the start makes that point, and only that point, invalid.
  const Scenario s = parse_scenario(std::string(kHeader) +
                                        "start = \"2024-01\"\n[sweep]\nend = [\"2030-12\", "
                                        "\"2020-12\"]\n",
                                    "s.toml", test_schema());
  EXPECT_NO_THROW(s.at_sweep_point(0));
  const ScenarioError error = error_of([&] { s.at_sweep_point(1); });
  EXPECT_NE(std::string(error.what()).find("end"), std::string::npos) << error.what();
}

}  // namespace
}  // namespace kfsim::scenario
