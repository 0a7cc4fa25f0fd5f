// Those outside the labour force in groups: the disability stock's table is
// read strictly, the steady entry rate balances the exits, the others'
// participation follows tightness and is exactly unchanged when switched off.
// On the baseline, the disability group starts at NAV's January 2024 stock by
// sex, and switching both supply responses off holds the in-commuters at
// their 2024 number.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_in_commuting.hpp"
#include "models/labour/labour_outside_groups.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

using labour_test::reals;

using scenario::test_support::TempDir;

TEST(OutsideGroups, DisabilityTableNeedsBothSexesOnce) {
  const TempDir dir;
  const std::string header = "sex,stock_2024_01,mean_2024\n";
  const auto stock =
      load_disability_stock(dir.write("ok.csv", header + "female,100,110\nmale,80,90\n"));
  EXPECT_EQ(stock.start[0], 100);
  EXPECT_EQ(stock.mean_2024[1], 90);
  EXPECT_THROW(load_disability_stock(dir.write("one.csv", header + "female,100,110\n")),
               data::DataError);
  try {
    load_disability_stock(dir.write("twice.csv", header + "male,1,1\nmale,2,2\n"));
    FAIL() << "a repeated sex was accepted";
  } catch (const data::DataError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), "sex");
  }
  try {
    load_disability_stock(dir.write("negative.csv", header + "female,-5,1\nmale,2,2\n"));
    FAIL() << "a negative stock was accepted";
  } catch (const data::DataError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), "stock_2024_01");
  }
}

TEST(OutsideGroups, SteadyEntryBalancesTheExits) {
  // 1 000 in the group leaving at 5 % a month: 50 out; 20 come from jobs, so
  // 30 must come from the 3 000 others: 1 % a month.
  EXPECT_DOUBLE_EQ(steady_disability_entry(1000, 0.05, 20, 3000), 0.01);
  EXPECT_EQ(steady_disability_entry(1000, 0.05, 80, 3000), 0.0);
  EXPECT_EQ(steady_disability_entry(1000, 0.05, 20, 0), 0.0);
}

TEST(OutsideGroups, ParticipationFollowsTightnessAndIsOneWhenOff) {
  for (double t : {0.0, 0.5, 1.0, 2.0}) EXPECT_EQ(participation_factor(t, 0.0), 1.0) << t;
  EXPECT_EQ(participation_factor(1.0, 0.7), 1.0);
  EXPECT_DOUBLE_EQ(participation_factor(1.44, 0.5), 1.2);
  EXPECT_DOUBLE_EQ(participation_factor(0.64, 0.5), 0.8);
  EXPECT_TRUE(disability_age(18));
  EXPECT_TRUE(disability_age(66));
  EXPECT_FALSE(disability_age(17));
  EXPECT_FALSE(disability_age(67));
}

ModelRun run(std::vector<std::string> overrides, const std::string& end) {
  return labour_test::run_baseline(std::move(overrides), end);
}

TEST(OutsideGroups, DisabilityStockStartsNearNavsBySex) {
  // outside_labour_force_mean [year, sex, group]; January 2024: women 9 176,
  // men 7 345 (data.disability_stock); the 2024 mean stays within 10 % of it.
  const ModelRun r = run({}, "2024-12");
  const auto& mean = reals(r, "outside_labour_force_mean");
  const double women = mean[0 * 3 + 1];
  const double men = mean[1 * 3 + 1];
  EXPECT_NEAR(women, 9176, 918) << women;
  EXPECT_NEAR(men, 7345, 735) << men;
}

TEST(OutsideGroups, ResponsesOffHoldInCommutersAndDifferFromOn) {
  const ModelRun off =
      run({"labour.in_commuting_response=0", "labour.participation_response=0"}, "2025-12");
  const ModelRun on = run({}, "2025-12");
  // jobs_non_resident [year, work_area, occupation]: the same total each year
  // without the response (turnover is replaced up to the 2024 number).
  const auto& held = labour_test::counts(off, "jobs_non_resident");
  const std::size_t per_year = held.size() / 2;
  std::int64_t first = 0, second = 0;
  for (std::size_t k = 0; k < per_year; ++k) {
    first += held[k];
    second += held[per_year + k];
  }
  EXPECT_EQ(first, second);
  bool differs = false;
  for (std::size_t i = 0; i < off.measures.measures().size(); ++i) {
    differs |= !bit_identical(off.measures.measures()[i], on.measures.measures()[i]);
  }
  EXPECT_TRUE(differs) << "the responses changed nothing in their second year";
}

}  // namespace
}  // namespace kfsim
