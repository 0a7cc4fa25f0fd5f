// The resolved scenario: complete, commented, and equal to the original when reloaded.
#include <gtest/gtest.h>

#include <toml++/toml.h>

#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::data_schema;
using test_support::kHeader;
using test_support::TempDir;
using test_support::test_schema;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Reloads the resolved text under another name: the result must equal the original.
void expect_round_trip(const Scenario& original, const Schema& schema) {
  const std::string text = original.resolved_toml();
  const Scenario reloaded = parse_scenario(text, "resolved.toml", schema);
  EXPECT_TRUE(reloaded == original) << text;
  // And resolving again gives the same values, now all from the resolved file.
  const Scenario again = parse_scenario(reloaded.resolved_toml(), "again.toml", schema);
  EXPECT_TRUE(again == original);
  for (const KeySpec& spec : schema.keys()) {
    EXPECT_EQ(reloaded.origin(spec.key).rfind("resolved.toml:", 0), 0u) << spec.key;
  }
}

TEST(ScenarioResolvedToml, DefaultsOnlyRoundTrips) {
  const Scenario s = parse_scenario(kHeader, "s.toml", test_schema());
  expect_round_trip(s, test_schema());
}

TEST(ScenarioResolvedToml, ListsEveryKeyWithItsOrigin) {
  const Scenario s = parse_scenario(std::string(kHeader) +
                                        "[demography]\nfertility_scale = 1.25\n"
                                        "[[policies]]\nname = \"p\"\nstart = \"2030-01\"\n"
                                        "end = \"2031-01\"\nkey = \"labour.commuting\"\n"
                                        "value = false\n",
                                    "dir/s.toml", test_schema(), {"seed=5"});
  const std::string text = s.resolved_toml();
  // Parses as TOML on its own, without extends.
  const toml::table table = toml::parse(text, std::string_view("resolved"));
  EXPECT_FALSE(table.contains("extends"));
  const Schema schema = test_schema();
  for (const KeySpec& spec : schema.keys()) {
    EXPECT_TRUE(table.at_path(spec.key)) << spec.key << "\n" << text;
  }
  EXPECT_TRUE(contains(text, "name = \"base\"")) << text;
  EXPECT_TRUE(contains(text, "# from dir/s.toml:2\n")) << text;
  EXPECT_TRUE(contains(text, "fertility_scale = 1.25")) << text;
  EXPECT_TRUE(contains(text, "# from dir/s.toml:4\n")) << text;
  EXPECT_TRUE(contains(text, "seed = 5")) << text;
  EXPECT_TRUE(contains(text, "# from command line (--set)\n")) << text;
  EXPECT_TRUE(contains(text, "replicates = 1")) << text;
  EXPECT_TRUE(contains(text, "# default\n")) << text;
  EXPECT_TRUE(contains(text, "start = \"2024-01\"")) << text;
  EXPECT_TRUE(contains(text, "[labour.wages]\ngrowth = 0.02")) << text;
  EXPECT_TRUE(contains(text,
                       "[[policies]]  # from dir/s.toml:5\nname = \"p\"\n"
                       "start = \"2030-01\"\nend = \"2031-01\"\n"
                       "key = \"labour.commuting\"\nvalue = false\n"))
      << text;
  // Every value line carries its comment.
  std::size_t values = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#' || line[0] == '[') continue;
    if (line.rfind("name = \"p\"", 0) == 0 || line.rfind("start = \"2030", 0) == 0 ||
        line.rfind("end = \"2031", 0) == 0 || line.rfind("key = ", 0) == 0 ||
        line.rfind("value = ", 0) == 0) {
      continue;  // policy fields
    }
    ++values;
    EXPECT_TRUE(contains(line, "  # default") || contains(line, "  # from ")) << line;
  }
  EXPECT_EQ(values, schema.keys().size());
  expect_round_trip(s, test_schema());
}

TEST(ScenarioResolvedToml, ChainPoliciesFilesAndAwkwardStringsRoundTrip) {
  TempDir dir;
  dir.write("data/pop.csv", "x");
  dir.write("data/alt.csv", "y");
  dir.write(
      "base/base.toml",
      "schema_version = 1\nname = \"base\"\n"
      "description = \"Tab\\there, \\\"quotes\\\", back\\\\slash,\\nnewline, Østfold 🚗 \\u0001\"\n"
      "[data]\npopulation = \"../data/pop.csv\"\n"
      "[[policies]]\nstart = \"2025-01\"\nkey = \"data.schedule\"\nvalue = \"../data/alt.csv\"\n");
  const auto child =
      dir.write("child.toml",
                "schema_version = 1\nextends = \"base/base.toml\"\nname = \"child\"\n"
                "start = \"2025-01\"\nend = \"2035-12\"\n"
                "[demography]\nfertility_scale = 0.1\nmortality_improvement = 1e-7\n"
                "[labour]\nretirement_age = 75\nmatching = \"nearest\"\n"
                "reform_month = \"2032-04\"\n"
                "[[policies]]\nname = \"ending\"\nstart = \"2030-01\"\n"
                "end = \"2030-12\"\nkey = \"labour.wages.growth\"\nvalue = -0.1\n");
  const Scenario s = load_scenario(child, data_schema(), {"replicates=12"});
  ASSERT_EQ(s.policies().size(), 2u);
  const std::string text = s.resolved_toml();
  EXPECT_FALSE(contains(text, "extends =")) << text;
  EXPECT_TRUE(contains(text, "population = \"" + (dir.path() / "data/pop.csv").string() + "\""))
      << text;
  EXPECT_TRUE(contains(text, "# Read from " + child.string() + ", which extends " +
                                 (dir.path() / "base/base.toml").string()))
      << text;
  expect_round_trip(s, data_schema());
  const Scenario reloaded = parse_scenario(text, dir.path() / "elsewhere/r.toml", data_schema());
  EXPECT_EQ(reloaded.string("description"), s.string("description"));
  EXPECT_EQ(reloaded.policies()[0].value, Value((dir.path() / "data/alt.csv").string()));
}

TEST(ScenarioResolvedToml, EqualityIgnoresOriginsButNotValues) {
  const Scenario a = parse_scenario(std::string(kHeader) + "seed = 2\n", "a.toml", test_schema());
  const Scenario b = parse_scenario(kHeader, "b.toml", test_schema(), {"seed=2"});
  const Scenario c = parse_scenario(std::string(kHeader) + "seed = 3\n", "c.toml", test_schema());
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == c);
  const Scenario with_policy =
      parse_scenario(std::string(kHeader) +
                         "seed = 2\n[[policies]]\nstart = \"2030-01\"\nkey = "
                         "\"labour.commuting\"\nvalue = false\n",
                     "d.toml", test_schema());
  EXPECT_FALSE(a == with_policy);
}

}  // namespace
}  // namespace kfsim::scenario
