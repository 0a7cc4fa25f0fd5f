// [uncertainty] tables: what they hold, how files of a chain and --set combine with them, and
// what makes one invalid.
#include <gtest/gtest.h>

#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::expect_site;
using test_support::kHeader;
using test_support::parse_error;
using test_support::TempDir;
using test_support::test_schema;

// kHeader takes lines 1-2; [uncertainty] is line 3, its first key line 4.
std::string table(const std::string& body) {
  return std::string(kHeader) + "[uncertainty]\n" + body;
}

const std::string kTriangular =
    "demography.fertility_scale = { distribution = \"triangular\", min = 0.9, mode = 1.0, "
    "max = 1.2, reason = \"SSB's low and high\" }\n";

TEST(ScenarioUncertainty, NoTableDrawsNothing) {
  EXPECT_TRUE(parse_scenario(kHeader, "s.toml", test_schema()).uncertainty().empty());
}

TEST(ScenarioUncertainty, ReadsEachDistributionInWrittenOrder) {
  const Scenario s = parse_scenario(
      table(kTriangular +
            "labour.retirement_age = { distribution = \"uniform\", min = 65, max = 70, "
            "reason = \"r\" }\n"
            "labour.wages.growth = { distribution = \"normal\", mean = 0.02, sd = 0.01, "
            "min = 0.0, max = 0.04, reason = \"r\" }\n"),
      "s.toml", test_schema());
  const auto& p = s.uncertainty().parameters;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].key, "demography.fertility_scale");
  EXPECT_EQ(p[0].distribution, Distribution::Triangular);
  EXPECT_DOUBLE_EQ(p[0].mode, 1.0);
  EXPECT_EQ(p[0].reason, "SSB's low and high");
  EXPECT_EQ(p[0].origin, "s.toml:4");
  EXPECT_EQ(p[1].key, "labour.retirement_age");
  EXPECT_TRUE(p[1].integer);
  EXPECT_EQ(p[2].distribution, Distribution::Normal);
  EXPECT_DOUBLE_EQ(p[2].sd, 0.01);
  EXPECT_EQ(describe(p[0]), "triangular(min 0.9, mode 1, max 1.2)");
  EXPECT_EQ(describe(p[2]), "normal(mean 0.02, sd 0.01, truncated to min 0, max 0.04)");
}

TEST(ScenarioUncertainty, NestedTablesNameKeysToo) {
  const Scenario s = parse_scenario(std::string(kHeader) +
                                        "[uncertainty.demography]\nfertility_scale = { "
                                        "distribution = \"uniform\", min = 0.9, max = 1.1, "
                                        "reason = \"r\" }\n",
                                    "s.toml", test_schema());
  ASSERT_EQ(s.uncertainty().parameters.size(), 1u);
  EXPECT_EQ(s.uncertainty().parameters[0].key, "demography.fertility_scale");
}

TEST(ScenarioUncertainty, TopFileReplacesWhatItExtendsSaysAndSetFixesAKey) {
  TempDir dir;
  dir.write("base.toml",
            table(kTriangular + "labour.wages.growth = { distribution = \"uniform\", min = 0.0, "
                                "max = 0.04, reason = \"r\" }\n"));
  const auto top =
      dir.write("top.toml",
                "schema_version = 1\nname = \"top\"\nextends = \"base.toml\"\n[uncertainty]\n"
                "demography.fertility_scale = { distribution = \"uniform\", min = 0.5, "
                "max = 1.5, reason = \"wider\" }\n");
  const Scenario s = load_scenario(top, test_schema());
  ASSERT_EQ(s.uncertainty().parameters.size(), 2u);
  EXPECT_EQ(s.uncertainty().parameters[0].distribution, Distribution::Uniform);
  EXPECT_DOUBLE_EQ(s.uncertainty().parameters[0].max, 1.5);
  EXPECT_EQ(s.uncertainty().parameters[0].reason, "wider");

  const Scenario fixed = load_scenario(top, test_schema(), {"demography.fertility_scale=1.3"});
  ASSERT_EQ(fixed.uncertainty().parameters.size(), 1u);
  EXPECT_EQ(fixed.uncertainty().parameters[0].key, "labour.wages.growth");
  EXPECT_DOUBLE_EQ(fixed.real("demography.fertility_scale"), 1.3);
}

UncertainParameter parameter(Distribution distribution, double min, double max) {
  UncertainParameter p;
  p.key = "k";
  p.distribution = distribution;
  p.min = min;
  p.max = max;
  return p;
}

TEST(ScenarioUncertainty, QuantilesStayInBoundsAndHaveTheirShape) {
  const UncertainParameter uniform = parameter(Distribution::Uniform, 2, 4);
  EXPECT_DOUBLE_EQ(quantile(uniform, 0.0), 2.0);
  EXPECT_DOUBLE_EQ(quantile(uniform, 0.5), 3.0);
  UncertainParameter triangular = parameter(Distribution::Triangular, 0, 4);
  triangular.mode = 1;
  // The distribution function at the mode is (mode - min) / (max - min).
  EXPECT_NEAR(quantile(triangular, 0.25), 1.0, 1e-12);
  EXPECT_NEAR(quantile(triangular, 1.0), 4.0, 1e-12);
  UncertainParameter normal = parameter(Distribution::Normal, -1, 3);
  normal.mean = 1;
  normal.sd = 0.5;
  EXPECT_NEAR(quantile(normal, 0.5), 1.0, 1e-12);  // truncated symmetrically
  // One standard deviation above the mean: Phi(1) = 0.8413 of the untruncated mass, within the
  // bounds at +-4 sd, which hold all but 6e-5 of it.
  EXPECT_NEAR(quantile(normal, 0.8413), 1.5, 1e-3);
  for (double u = 0; u <= 1.0; u += 0.01) {
    const double v = quantile(normal, u);
    EXPECT_GE(v, -1.0);
    EXPECT_LE(v, 3.0);
  }
  // An integer key: each of the five values takes a fifth of the probability.
  UncertainParameter whole = parameter(Distribution::Uniform, 1, 5);
  whole.integer = true;
  EXPECT_EQ(quantile(whole, 0.0), 1.0);
  EXPECT_EQ(quantile(whole, 0.19), 1.0);
  EXPECT_EQ(quantile(whole, 0.21), 2.0);
  EXPECT_EQ(quantile(whole, 0.999), 5.0);
}

TEST(ScenarioUncertainty, RefusesWhatCannotBeDrawn) {
  expect_site(parse_error(table("demography.fertilty_scale = { distribution = \"uniform\", "
                                "min = 0.9, max = 1.1, reason = \"r\" }\n")),
              "s.toml", 4, 12, "uncertainty.demography.fertilty_scale", "a numeric scenario key");
  expect_site(parse_error(table("labour.matching = { distribution = \"uniform\", min = 0, "
                                "max = 1, reason = \"r\" }\n")),
              "s.toml", 4, 8, "uncertainty.labour.matching", "a numeric scenario key");
  expect_site(parse_error(table("seed = { distribution = \"uniform\", min = 0, max = 9, "
                                "reason = \"r\" }\n")),
              "s.toml", 4, 1, "uncertainty.seed", "a numeric scenario key");
  expect_site(parse_error(table("demography.fertility_scale = 1.1\n")), "s.toml", 4, 30,
              "uncertainty.demography.fertility_scale", "distribution = \"uniform\"");
  expect_site(parse_error(std::string(kHeader) + "uncertainty = 3\n"), "s.toml", 3, 1,
              "uncertainty", "an [uncertainty] table");
}

TEST(ScenarioUncertainty, RefusesBadDistributionsAndBounds) {
  const auto spec = [](const std::string& fields) {
    return table("demography.fertility_scale = { " + fields + " }\n");
  };
  expect_site(parse_error(spec("distribution = \"lognormal\", min = 0.9, max = 1.1, reason = "
                               "\"r\"")),
              "s.toml", 4, 47, "uncertainty.demography.fertility_scale.distribution",
              "\"uniform\", \"triangular\" or \"normal\"");
  expect_site(parse_error(spec("distribution = \"uniform\", min = 0.9, max = 1.1")), "s.toml", 4,
              30, "uncertainty.demography.fertility_scale.reason", "a reason");
  expect_site(parse_error(spec("distribution = \"uniform\", min = 0.9, reason = \"r\"")), "s.toml",
              4, 30, "uncertainty.demography.fertility_scale.max", "both bounds");
  expect_site(parse_error(spec("distribution = \"uniform\", min = 1.1, max = 0.9, reason = "
                               "\"r\"")),
              "s.toml", 4, 30, "uncertainty.demography.fertility_scale.max", "min < max");
  // A bound the key itself refuses: fertility_scale is in [0, 3].
  expect_site(parse_error(spec("distribution = \"uniform\", min = 0.9, max = 3.5, reason = "
                               "\"r\"")),
              "s.toml", 4, 30, "uncertainty.demography.fertility_scale", "real number in [0, 3]");
  expect_site(parse_error(spec("distribution = \"triangular\", min = 0.9, max = 1.1, reason = "
                               "\"r\"")),
              "s.toml", 4, 30, "uncertainty.demography.fertility_scale.mode", "mode");
  expect_site(parse_error(spec("distribution = \"triangular\", min = 0.9, mode = 1.2, max = 1.1, "
                               "reason = \"r\"")),
              "s.toml", 4, 30, "uncertainty.demography.fertility_scale.mode", "min <= mode <= max");
  expect_site(parse_error(spec("distribution = \"normal\", mean = 1, sd = 0, min = 0.9, max = "
                               "1.1, reason = \"r\"")),
              "s.toml", 4, 30, "uncertainty.demography.fertility_scale.sd", "above 0");
  expect_site(parse_error(spec("distribution = \"uniform\", min = 0.9, max = 1.1, spread = 2, "
                               "reason = \"r\"")),
              "s.toml", 4, 80, "uncertainty.demography.fertility_scale.spread", "the fields");
  expect_site(parse_error(spec("distribution = \"uniform\", min = \"low\", max = 1.1, reason = "
                               "\"r\"")),
              "s.toml", 4, 64, "uncertainty.demography.fertility_scale.min", "a finite number");
  expect_site(parse_error(table("labour.retirement_age = { distribution = \"uniform\", min = "
                                "65.5, max = 70, reason = \"r\" }\n")),
              "s.toml", 4, 25, "uncertainty.labour.retirement_age", "integer bounds");
}

TEST(ScenarioUncertainty, AKeyIsEitherSweptOrDrawn) {
  expect_site(parse_error(std::string(kHeader) + "[sweep]\ndemography.fertility_scale = [1.0]\n" +
                          "[uncertainty]\n" + kTriangular),
              "s.toml", 6, 1, "uncertainty.demography.fertility_scale", "not both");
}

}  // namespace
}  // namespace kfsim::scenario
