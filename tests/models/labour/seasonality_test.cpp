// The seasons of quits and lay-offs: the factor follows from the seasonal
// indices by the stock-flow identity, is exactly 1 without seasons, and the
// seasonal table is read strictly. On the baseline, switching the seasons off
// by the key or by a flat table gives the same results, bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_seasonality.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

using scenario::test_support::TempDir;

SeasonalIndex flat() {
  SeasonalIndex index;
  index.fill(1.0);
  return index;
}

TEST(Seasonality, NoSeasonsGivesAFactorOfExactlyOne) {
  SeasonalIndex january_high = flat();
  january_high[0] = 1.1;
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(seasonal_separation_factor(flat(), m, 4.0), 1.0) << m;
    EXPECT_EQ(seasonal_separation_factor(january_high, m, 0.0), 1.0) << m;
  }
}

TEST(Seasonality, TheStockFollowsTheIndicesUnderTheIdentity) {
  // With a gain of 1, U_t = (1 - h) U_{t-1} + h a_t reproduces the indices
  // from a start on them.
  const SeasonalIndex index{1.10, 1.07, 1.05, 1.01, 0.95, 0.97, 1.05, 1.04, 0.97, 0.93, 0.92, 0.94};
  constexpr double h = kNewlyUnemployedOutflowRate;
  double u = index[11];
  for (int m = 1; m <= 12; ++m) {
    u = (1 - h) * u + h * seasonal_separation_factor(index, m, 1.0);
    EXPECT_NEAR(u, index[static_cast<std::size_t>(m - 1)], 1e-12) << m;
  }
  // January's rise comes from many separations, May's fall from few; the gain
  // widens the departures from 1, never below 0.
  EXPECT_GT(seasonal_separation_factor(index, 1, 1.0), 1.0);
  EXPECT_LT(seasonal_separation_factor(index, 5, 1.0), 1.0);
  EXPECT_NEAR(seasonal_separation_factor(index, 1, 4.0) - 1.0,
              4.0 * (seasonal_separation_factor(index, 1, 1.0) - 1.0), 1e-12);
  SeasonalIndex steep = flat();
  steep[3] = 1.2;
  steep[4] = 0.8;  // (0.8 - 0.3 * 1.2) / 0.7 = 0.63: 1 + 10 * (0.63 - 1) < 0
  EXPECT_EQ(seasonal_separation_factor(steep, 5, 10.0), 0.0);
}

TEST(Seasonality, TableNeedsEveryMonthOnceWithinRange) {
  const TempDir dir;
  std::string rows = "month,flow_index\n";
  for (int m = 1; m <= 12; ++m) rows += std::to_string(m) + ",1.0\n";
  EXPECT_EQ(load_seasonal_index(dir.write("ok.csv", rows)), flat());
  const std::string missing = "month,flow_index\n1,1.0\n2,1.0\n";
  EXPECT_THROW(load_seasonal_index(dir.write("missing.csv", missing)), data::DataError);
  try {
    load_seasonal_index(dir.write("twice.csv", "month,flow_index\n1,1.0\n1,1.1\n"));
    FAIL() << "a repeated month was accepted";
  } catch (const data::DataError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), "month");
  }
  try {
    load_seasonal_index(dir.write("range.csv", "month,flow_index\n1,7\n"));
    FAIL() << "an index of 7 was accepted";
  } catch (const data::DataError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), "flow_index");
  }
}

ModelRun run(std::vector<std::string> overrides) {
  return labour_test::run_baseline(std::move(overrides), "2024-12");
}

TEST(Seasonality, OffByKeyIsBitIdenticalToAFlatTable) {
  const TempDir dir;
  std::string rows = "month,flow_index\n";
  for (int m = 1; m <= 12; ++m) rows += std::to_string(m) + ",1.0\n";
  const auto table = dir.write("flat.csv", rows);
  const ModelRun off = run({"labour.seasonality=0"});
  const ModelRun flat_table = run({"data.unemployment_seasonality=\"" + table.string() + "\""});
  const ModelRun seasons = run({});
  ASSERT_EQ(off.measures.measures().size(), flat_table.measures.measures().size());
  bool any_differs = false;
  for (std::size_t i = 0; i < off.measures.measures().size(); ++i) {
    EXPECT_TRUE(bit_identical(off.measures.measures()[i], flat_table.measures.measures()[i]))
        << off.measures.measures()[i].name;
    any_differs |= !bit_identical(off.measures.measures()[i], seasons.measures.measures()[i]);
  }
  EXPECT_TRUE(any_differs) << "the seasons changed nothing";
}

}  // namespace
}  // namespace kfsim
