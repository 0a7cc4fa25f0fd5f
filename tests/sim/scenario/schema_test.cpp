#include "sim/scenario/schema.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::test_schema;

KeySpec real_key(std::string key) {
  return {.key = std::move(key), .type = Type::Real, .default_value = 1.0};
}

TEST(ScenarioSchema, CoreKeys) {
  const Schema schema = core_schema();
  std::vector<std::string> names;
  for (const KeySpec& spec : schema.keys()) names.push_back(spec.key);
  EXPECT_EQ(names, (std::vector<std::string>{"schema_version", "name", "description", "start",
                                             "end", "seed", "replicates"}));
  EXPECT_FALSE(schema.find("schema_version")->default_value.has_value());
  EXPECT_FALSE(schema.find("name")->default_value.has_value());
  EXPECT_EQ(schema.find("description")->default_value, Value(std::string()));
  EXPECT_EQ(schema.find("start")->default_value, Value(kfsim::Month::of(2024, 1)));
  EXPECT_EQ(schema.find("end")->default_value, Value(kfsim::Month::of(2050, 12)));
  EXPECT_EQ(schema.find("seed")->default_value, Value(std::int64_t{1}));
  EXPECT_EQ(schema.find("seed")->min, 0.0);
  EXPECT_EQ(schema.find("replicates")->min, 1.0);
  EXPECT_EQ(schema.find("replicates")->max, 10000.0);
  EXPECT_EQ(schema.find("schema_version")->min, static_cast<double>(kSchemaVersion));
  for (const KeySpec& spec : schema.keys()) {
    EXPECT_FALSE(spec.policy_settable) << spec.key;
    EXPECT_FALSE(spec.meaning.empty()) << spec.key;
    EXPECT_FALSE(spec.source.empty()) << spec.key;
  }
}

TEST(ScenarioSchema, FindAndOrder) {
  const Schema schema = test_schema();
  ASSERT_NE(schema.find("demography.fertility_scale"), nullptr);
  EXPECT_EQ(schema.find("demography.fertility_scale")->type, Type::Real);
  EXPECT_EQ(schema.find("demography"), nullptr);
  EXPECT_EQ(schema.find("nonsense"), nullptr);
  EXPECT_EQ(schema.index_of("name"), 1u);
  EXPECT_EQ(schema.keys().back().key, "labour.reform_month");
  EXPECT_EQ(schema.tables(), (std::vector<std::string>{"demography", "labour", "labour.wages"}));
  EXPECT_TRUE(schema.is_table("labour.wages"));
  EXPECT_FALSE(schema.is_table("labour.retirement_age"));
}

TEST(ScenarioSchema, RejectsDuplicateKeys) {
  Schema schema = core_schema();
  EXPECT_THROW(schema.add(real_key("seed")), std::logic_error);
  schema.add(real_key("a.b"));
  EXPECT_THROW(schema.add(real_key("a.b")), std::logic_error);
}

TEST(ScenarioSchema, RejectsSpecsThatCannotWork) {
  Schema schema;
  schema.add(real_key("a.b"));
  // A key cannot be both a value and a table of values.
  EXPECT_THROW(schema.add(real_key("a")), std::logic_error);
  EXPECT_THROW(schema.add(real_key("a.b.c")), std::logic_error);
  // Names the file format reads itself, or that could not be written back unquoted.
  EXPECT_THROW(schema.add(real_key("extends")), std::logic_error);
  EXPECT_THROW(schema.add(real_key("policies.x")), std::logic_error);
  EXPECT_THROW(schema.add(real_key("")), std::logic_error);
  EXPECT_THROW(schema.add(real_key("x..y")), std::logic_error);
  EXPECT_THROW(schema.add(real_key("has space")), std::logic_error);
  EXPECT_THROW(schema.add(real_key(".x")), std::logic_error);
  // Bounds and defaults that contradict the spec.
  EXPECT_THROW(schema.add({.key = "m", .type = Type::Real, .min = 2.0, .max = 1.0}),
               std::logic_error);
  EXPECT_THROW(schema.add({.key = "m", .type = Type::Real, .default_value = 5.0, .max = 1.0}),
               std::logic_error);
  EXPECT_THROW(schema.add({.key = "m", .type = Type::Integer, .default_value = 1.5}),
               std::logic_error);
  EXPECT_THROW(schema.add({.key = "m", .type = Type::Boolean, .min = 0.0}), std::logic_error);
  EXPECT_THROW(schema.add({.key = "m", .type = Type::Integer, .choices = {"a"}}), std::logic_error);
  EXPECT_THROW(schema.add({.key = "m",
                           .type = Type::String,
                           .default_value = std::string("c"),
                           .choices = {"a", "b"}}),
               std::logic_error);
  EXPECT_THROW(schema.add({.key = "m", .type = Type::File, .default_value = std::string("rel")}),
               std::logic_error);
  EXPECT_EQ(schema.keys().size(), 1u);  // nothing half-added
}

TEST(ScenarioSchema, NormalisesIntegerDefaultOfRealKey) {
  Schema schema;
  schema.add({.key = "r", .type = Type::Real, .default_value = std::int64_t{2}});
  EXPECT_EQ(schema.find("r")->default_value, Value(2.0));
}

TEST(ScenarioSchema, NearestKey) {
  const Schema schema = test_schema();
  EXPECT_EQ(schema.nearest("sed"), "seed");
  EXPECT_EQ(schema.nearest("replicate"), "replicates");
  EXPECT_EQ(schema.nearest("strat"), "start");
  EXPECT_EQ(schema.nearest("demografy.fertility_scale"), "demography.fertility_scale");
  EXPECT_EQ(schema.nearest("fertility_scale"), "demography.fertility_scale");
  EXPECT_EQ(schema.nearest("labour.retirment_age"), "labour.retirement_age");
  EXPECT_EQ(schema.nearest("completely_unrelated"), "");
  EXPECT_EQ(schema.nearest_table("demografy"), "demography");
  EXPECT_EQ(schema.nearest_table("labor.wage"), "labour.wages");
}

TEST(ScenarioSchema, DescribeListsEverything) {
  const Schema schema = test_schema();
  const std::string text = schema.describe();
  for (const KeySpec& spec : schema.keys()) {
    const std::string leaf = spec.key.substr(spec.key.rfind('.') + 1);
    EXPECT_NE(text.find("  " + leaf), std::string::npos) << leaf;
    EXPECT_NE(text.find(spec.meaning), std::string::npos) << spec.key;
    EXPECT_NE(text.find("Source: " + spec.source), std::string::npos) << spec.key;
  }
  EXPECT_NE(text.find("name  (required)"), std::string::npos);
  EXPECT_NE(text.find("integer equal to 1"), std::string::npos);
  EXPECT_NE(text.find("fertility_scale = 1.0"), std::string::npos);
  EXPECT_NE(text.find("real number in [0, 0.1] (unit: per year)"), std::string::npos);
  EXPECT_NE(text.find("integer in [60, 75] (unit: years)"), std::string::npos);
  EXPECT_NE(text.find("one of \"random\", \"nearest\", \"wage\""), std::string::npos);
  EXPECT_NE(text.find("start = \"2024-01\""), std::string::npos);
  EXPECT_NE(text.find("policies may change it"), std::string::npos);
  EXPECT_NE(text.find("fixed for the whole run"), std::string::npos);
  // Grouped by table, top-level keys first, sub-tables as their own group.
  const auto top = text.find("Top level");
  const auto demography = text.find("[demography]");
  const auto labour = text.find("[labour]");
  const auto wages = text.find("[labour.wages]");
  ASSERT_NE(top, std::string::npos);
  ASSERT_NE(wages, std::string::npos);
  EXPECT_LT(top, demography);
  EXPECT_LT(demography, labour);
  EXPECT_LT(labour, wages);
  EXPECT_LT(text.find("seed = 1"), demography);
  EXPECT_GT(text.find("growth = 0.02"), wages);
  EXPECT_GT(text.find("retirement_age = 67"), labour);
  EXPECT_LT(text.find("retirement_age = 67"), wages);
}

}  // namespace
}  // namespace kfsim::scenario
