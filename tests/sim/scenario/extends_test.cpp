// Scenarios that build on others through `extends`.
#include <gtest/gtest.h>

#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::data_schema;
using test_support::error_of;
using test_support::expect_site;
using test_support::TempDir;
using test_support::test_schema;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

constexpr const char* kBaseline =
    "schema_version = 1\n"
    "name = \"baseline\"\n"
    "description = \"Today's rates\"\n"
    "seed = 11\n"
    "[demography]\n"
    "fertility_scale = 0.9\n"
    "mortality_improvement = 0.01\n"
    "[[policies]]\n"
    "name = \"parent policy\"\n"
    "start = \"2030-01\"\n"
    "key = \"demography.fertility_scale\"\n"
    "value = 1.1\n";

TEST(ScenarioExtends, ChildOverridesKeyByKeyAndAppendsPolicies) {
  TempDir dir;
  const auto parent = dir.write("baseline.toml", kBaseline);
  const auto child = dir.write("high.toml",
                               "schema_version = 1\n"
                               "extends = \"baseline.toml\"\n"
                               "name = \"high\"\n"
                               "[demography]\n"
                               "fertility_scale = 1.3\n"
                               "[[policies]]\n"
                               "start = \"2035-06\"\n"
                               "end = \"2036-05\"\n"
                               "key = \"labour.retirement_age\"\n"
                               "value = 70\n");
  const Scenario s = load_scenario(child, test_schema());
  EXPECT_EQ(s.string("name"), "high");
  EXPECT_EQ(s.real("demography.fertility_scale"), 1.3);         // the child's
  EXPECT_EQ(s.real("demography.mortality_improvement"), 0.01);  // the parent's
  EXPECT_EQ(s.integer("seed"), 11);                             // the parent's
  EXPECT_EQ(s.string("description"), "Today's rates");
  EXPECT_EQ(s.integer("labour.retirement_age"), 67);  // default
  EXPECT_EQ(s.origin("demography.fertility_scale"), child.string() + ":5:1");
  EXPECT_EQ(s.origin("seed"), parent.string() + ":4:1");
  EXPECT_EQ(s.origin("labour.retirement_age"), "default");

  ASSERT_EQ(s.policies().size(), 2u);
  EXPECT_EQ(s.policies()[0].name, "parent policy");
  EXPECT_EQ(s.policies()[0].origin, parent.string() + ":8");
  EXPECT_EQ(s.policies()[1].key, "labour.retirement_age");
  EXPECT_EQ(s.policies()[1].value, Value(std::int64_t{70}));
  EXPECT_EQ(s.policies()[1].end, kfsim::Month::of(2036, 5));
  EXPECT_EQ(s.policies()[1].origin, child.string() + ":6");

  EXPECT_EQ(s.path(), child);
  EXPECT_EQ(s.chain(), (std::vector<std::filesystem::path>{child, parent}));
}

TEST(ScenarioExtends, ThreeLevelsAndSubfolders) {
  TempDir dir;
  dir.write("base/root.toml", "schema_version = 1\nname = \"root\"\nseed = 5\nreplicates = 3\n");
  dir.write("mid/mid.toml",
            "schema_version = 1\nextends = \"../base/root.toml\"\nname = \"mid\"\nseed = 6\n");
  const auto top =
      dir.write("top.toml", "schema_version = 1\nextends = \"mid/mid.toml\"\nname = \"top\"\n");
  const Scenario s = load_scenario(top, test_schema());
  EXPECT_EQ(s.integer("seed"), 6);
  EXPECT_EQ(s.integer("replicates"), 3);
  EXPECT_EQ(s.chain(), (std::vector<std::filesystem::path>{top, dir.path() / "mid/mid.toml",
                                                           dir.path() / "base/root.toml"}));
}

TEST(ScenarioExtends, ChildMustSetItsOwnName) {
  TempDir dir;
  dir.write("baseline.toml", kBaseline);
  const auto child =
      dir.write("child.toml", "schema_version = 1\nextends = \"baseline.toml\"\nseed = 2\n");
  const auto error = error_of([&] { load_scenario(child, test_schema()); });
  expect_site(error, child.string(), 1, 1, "name", "non-empty string");
  EXPECT_TRUE(contains(error.problem(), "not set in this file, which extends")) << error.what();
  // A name given on the command line is the child's own.
  const Scenario s = load_scenario(child, test_schema(), {"name=child"});
  EXPECT_EQ(s.string("name"), "child");
}

TEST(ScenarioExtends, MissingTarget) {
  TempDir dir;
  const auto child = dir.write(
      "sub/child.toml", "schema_version = 1\nname = \"c\"\n  extends = \"../nowhere.toml\"\n");
  const auto error = error_of([&] { load_scenario(child, test_schema()); });
  expect_site(error, child.string(), 3, 13, "extends", "path to an existing scenario file");
  EXPECT_EQ(error.problem(), "file not found: " + (dir.path() / "nowhere.toml").string());
}

TEST(ScenarioExtends, TargetOfWrongType) {
  TempDir dir;
  const auto child = dir.write("c.toml", "schema_version = 1\nname = \"c\"\nextends = 3\n");
  const auto error = error_of([&] { load_scenario(child, test_schema()); });
  expect_site(error, child.string(), 3, 11, "extends", "path of the scenario file");
  EXPECT_EQ(error.problem(), "got integer 3");
}

TEST(ScenarioExtends, LoopShowsTheChain) {
  TempDir dir;
  const auto a = dir.write("a.toml", "schema_version = 1\nname = \"a\"\nextends = \"b.toml\"\n");
  const auto b = dir.write("b.toml", "schema_version = 1\nname = \"b\"\nextends = \"./a.toml\"\n");
  const auto error = error_of([&] { load_scenario(a, test_schema()); });
  expect_site(error, b.string(), 3, 11, "extends", "ends in a file without extends");
  EXPECT_EQ(error.problem(),
            "extends loop: " + a.string() + " -> " + b.string() + " -> " + a.string());
}

TEST(ScenarioExtends, SelfLoop) {
  TempDir dir;
  const auto a = dir.write("a.toml", "schema_version = 1\nname = \"a\"\nextends = \"a.toml\"\n");
  const auto error = error_of([&] { load_scenario(a, test_schema()); });
  EXPECT_EQ(error.key(), "extends");
  EXPECT_EQ(error.problem(), "extends loop: " + a.string() + " -> " + a.string());
}

TEST(ScenarioExtends, LoopThroughALinkIsStillALoop) {
  TempDir dir;
  const auto a = dir.write("a.toml", "schema_version = 1\nname = \"a\"\nextends = \"b.toml\"\n");
  dir.write("b.toml", "schema_version = 1\nname = \"b\"\nextends = \"link.toml\"\n");
  std::filesystem::create_symlink(a, dir.path() / "link.toml");
  const auto error = error_of([&] { load_scenario(a, test_schema()); });
  EXPECT_EQ(error.key(), "extends");
  EXPECT_TRUE(contains(error.problem(), "extends loop")) << error.what();
}

TEST(ScenarioExtends, DeepChainsAreCutOff) {
  TempDir dir;
  constexpr int kFiles = 40;
  for (int i = 0; i < kFiles; ++i) {
    std::string text = "schema_version = 1\nname = \"s" + std::to_string(i) + "\"\n";
    if (i + 1 < kFiles) text += "extends = \"s" + std::to_string(i + 1) + ".toml\"\n";
    dir.write("s" + std::to_string(i) + ".toml", text);
  }
  const auto error = error_of([&] { load_scenario(dir.path() / "s0.toml", test_schema()); });
  EXPECT_EQ(error.key(), "extends");
  EXPECT_TRUE(contains(error.problem(), "deeper than 32")) << error.what();
  EXPECT_EQ(error.file(), (dir.path() / "s31.toml").string());
  // Within the limit it loads.
  const Scenario s = load_scenario(dir.path() / "s9.toml", test_schema());
  EXPECT_EQ(s.chain().size(), 31u);
}

TEST(ScenarioExtends, ErrorsInTheParentNameTheParent) {
  TempDir dir;
  const auto parent = dir.write("p.toml", "schema_version = 1\nname = \"p\"\nsed = 1\n");
  const auto child =
      dir.write("c.toml", "schema_version = 1\nextends = \"p.toml\"\nname = \"c\"\n");
  const auto error = error_of([&] { load_scenario(child, test_schema()); });
  expect_site(error, parent.string(), 3, 1, "sed", "top-level key");
}

TEST(ScenarioExtends, EveryFileStatesItsSchemaVersion) {
  TempDir dir;
  const auto parent = dir.write("p.toml", "name = \"p\"\n");
  const auto child =
      dir.write("c.toml", "schema_version = 1\nextends = \"p.toml\"\nname = \"c\"\n");
  const auto error = error_of([&] { load_scenario(child, test_schema()); });
  expect_site(error, parent.string(), 1, 1, "schema_version", "schema_version = 1");
}

TEST(ScenarioExtends, FileKeysResolveAgainstTheDeclaringFile) {
  TempDir dir;
  dir.write("shared/pop.csv", "parent's\n");
  dir.write("scenarios/pop.csv", "child's\n");
  dir.write("scenarios/schedule.csv", "child's\n");
  dir.write("shared/base.toml",
            "schema_version = 1\nname = \"base\"\n[data]\npopulation = \"pop.csv\"\n");
  const auto child = dir.write("scenarios/child.toml",
                               "schema_version = 1\nextends = \"../shared/base.toml\"\n"
                               "name = \"child\"\n");
  const Scenario inherited = load_scenario(child, data_schema());
  EXPECT_EQ(inherited.file("data.population"), dir.path() / "shared/pop.csv");

  const auto overriding = dir.write("scenarios/override.toml",
                                    "schema_version = 1\nextends = \"../shared/base.toml\"\n"
                                    "name = \"o\"\n[data]\nschedule = \"schedule.csv\"\n"
                                    "population = \"./pop.csv\"\n");
  const Scenario s = load_scenario(overriding, data_schema());
  EXPECT_EQ(s.file("data.population"), dir.path() / "scenarios/pop.csv");
  EXPECT_EQ(s.file("data.schedule"), dir.path() / "scenarios/schedule.csv");
}

TEST(ScenarioExtends, ParseScenarioResolvesAgainstSourceName) {
  TempDir dir;
  dir.write("sub/baseline.toml", kBaseline);
  const Scenario s =
      parse_scenario("schema_version = 1\nextends = \"baseline.toml\"\nname = \"mem\"\n",
                     dir.path() / "sub/in-memory.toml", test_schema());
  EXPECT_EQ(s.integer("seed"), 11);
  EXPECT_EQ(s.path(), dir.path() / "sub/in-memory.toml");
}

}  // namespace
}  // namespace kfsim::scenario
