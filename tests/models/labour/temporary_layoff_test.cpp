// Temporary lay-offs (labour.temporary_layoff_share, the pandemic of the back-test): the laid
// off are counted among the registered unemployed and in temporarily_laid_off_monthly, and
// nothing else moves: they keep their jobs, so every other measure is the run without them,
// bit for bit. A share of 0 lays nobody off.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

using labour_test::reals;

ModelRun run(std::vector<std::string> overrides) {
  return labour_test::run_baseline(std::move(overrides), "2024-03");
}

TEST(TemporaryLayoff, TheLaidOffAreRegisteredUnemployedAndNothingElseMoves) {
  const ModelRun off = run({});
  const ModelRun on = run({"labour.temporary_layoff_share=0.1"});
  for (const auto laid_off : labour_test::counts(off, "temporarily_laid_off_monthly")) {
    EXPECT_EQ(laid_off, 0);
  }
  const auto& employed = labour_test::counts(on, "employed_monthly");
  const auto& unemployed = labour_test::counts(on, "unemployed_monthly");
  const auto& laid_off = labour_test::counts(on, "temporarily_laid_off_monthly");
  const auto& rate = reals(on, "unemployment_rate_monthly");
  ASSERT_EQ(laid_off.size(), 3u);
  for (std::size_t t = 0; t < laid_off.size(); ++t) {
    // A tenth of the employed, each drawn alone: binomial, sd about 110 of some 140 000.
    const double expected = 0.1 * static_cast<double>(employed[t]);
    EXPECT_NEAR(static_cast<double>(laid_off[t]), expected, 5 * std::sqrt(expected)) << t;
    EXPECT_EQ(rate[t], static_cast<double>(unemployed[t] + laid_off[t]) /
                           static_cast<double>(employed[t] + unemployed[t]))
        << t;
    EXPECT_GT(rate[t], reals(off, "unemployment_rate_monthly")[t] + 0.09) << t;
  }
  ASSERT_EQ(off.measures.measures().size(), on.measures.measures().size());
  for (std::size_t i = 0; i < off.measures.measures().size(); ++i) {
    const Measure& a = off.measures.measures()[i];
    if (a.name == "unemployment_rate_monthly" || a.name == "temporarily_laid_off_monthly") {
      continue;
    }
    EXPECT_TRUE(bit_identical(a, on.measures.measures()[i])) << a.name;
  }
}

}  // namespace
}  // namespace kfsim
