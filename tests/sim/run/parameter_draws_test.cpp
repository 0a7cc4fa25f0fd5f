// The replicates' draws from an [uncertainty] table: a Latin hypercube that depends on the
// seed, the number of replicates and each key's own name only.
#include "sim/run/parameter_draws.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

using scenario::Distribution;
using scenario::UncertainParameter;
using scenario::Uncertainty;

UncertainParameter parameter(const std::string& key, Distribution distribution, double min,
                             double max, double mode = 0, bool integer = false) {
  UncertainParameter p;
  p.key = key;
  p.distribution = distribution;
  p.min = min;
  p.max = max;
  p.mode = mode;
  p.integer = integer;
  return p;
}

Uncertainty two_keys() {
  Uncertainty u;
  u.parameters.push_back(parameter("demography.fertility_scale", Distribution::Uniform, 0.8, 1.2));
  u.parameters.push_back(
      parameter("labour.wages.growth", Distribution::Triangular, 0.0, 0.04, 0.02));
  return u;
}

TEST(ParameterDraws, EachReplicateTakesItsOwnStratumOfEveryKey) {
  for (const std::uint32_t replicates : {1U, 2U, 7U, 50U}) {
    const ParameterDraws draws = draw_parameters(two_keys(), 42, replicates);
    ASSERT_EQ(draws.values.size(), replicates * 2U);
    // The uniform key: (value - min) / width lies in stratum r of R for exactly one replicate.
    std::vector<int> hits(replicates, 0);
    for (std::uint32_t r = 0; r < replicates; ++r) {
      const double u = (draws.value(r, 0) - 0.8) / 0.4;
      ++hits[std::min<std::size_t>(replicates - 1, static_cast<std::size_t>(u * replicates))];
      EXPECT_GE(draws.value(r, 1), 0.0);
      EXPECT_LE(draws.value(r, 1), 0.04);
    }
    EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }))
        << replicates << " replicates";
  }
}

TEST(ParameterDraws, DependOnSeedReplicatesAndKeyNameOnly) {
  const ParameterDraws a = draw_parameters(two_keys(), 42, 10);
  EXPECT_EQ(a.values, draw_parameters(two_keys(), 42, 10).values);
  EXPECT_NE(a.values, draw_parameters(two_keys(), 43, 10).values);
  // Another key added before the first leaves the first's draws as they were.
  Uncertainty more = two_keys();
  more.parameters.insert(
      more.parameters.begin(),
      parameter("labour.retirement_age", Distribution::Uniform, 60, 70, 0, true));
  const ParameterDraws b = draw_parameters(more, 42, 10);
  for (std::uint32_t r = 0; r < 10; ++r) {
    EXPECT_EQ(b.value(r, 1), a.value(r, 0));
    EXPECT_EQ(b.value(r, 0), std::round(b.value(r, 0)));
  }
}

TEST(ParameterDraws, TheScenarioOfAReplicateCarriesItsValues) {
  using scenario::test_support::kHeader;
  const scenario::Scenario s = scenario::parse_scenario(
      std::string(kHeader) +
          "[uncertainty]\nlabour.retirement_age = { distribution = \"uniform\", min = 65, "
          "max = 70, reason = \"r\" }\n",
      "s.toml", scenario::test_support::test_schema());
  const ParameterDraws draws = draw_parameters(s.uncertainty(), 1, 4);
  for (std::uint32_t r = 0; r < 4; ++r) {
    const scenario::Scenario drawn = scenario_for_replicate(s, s.uncertainty(), draws, r);
    EXPECT_EQ(static_cast<double>(drawn.integer("labour.retirement_age")), draws.value(r, 0));
    EXPECT_EQ(drawn.origin("labour.retirement_age"), s.uncertainty().parameters[0].origin +
                                                         " ([uncertainty] draw, replicate " +
                                                         std::to_string(r) + ")");
  }
  EXPECT_TRUE(draw_parameters(scenario::Uncertainty{}, 1, 4).empty());
}

}  // namespace
}  // namespace kfsim
