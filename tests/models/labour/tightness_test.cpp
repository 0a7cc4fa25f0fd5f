// Tightness: 1 until a year has passed, then the 12-month moving average of
// the vacancy/unemployment ratio relative to the first year's.
#include <gtest/gtest.h>

#include <vector>

#include "models/labour/labour_tightness.hpp"

namespace kfsim {
namespace {

TEST(Tightness, OneUntilAFullYearHasPassed) {
  std::vector<double> ratios;
  EXPECT_EQ(tightness_of(ratios), 1.0);
  for (int m = 0; m < 11; ++m) {
    ratios.push_back(1.0 + m);
    EXPECT_EQ(tightness_of(ratios), 1.0) << m;
  }
  ratios.push_back(2.0);
  EXPECT_DOUBLE_EQ(tightness_of(ratios), 1.0);  // the first year is its own base
}

TEST(Tightness, MovingAverageRelativeToTheFirstYear) {
  std::vector<double> ratios(12, 1.5);  // first year: mean 1.5
  for (int m = 0; m < 6; ++m) ratios.push_back(3.0);
  // Last 12: six at 1.5 and six at 3.0, mean 2.25.
  EXPECT_DOUBLE_EQ(tightness_of(ratios), 2.25 / 1.5);
  for (int m = 0; m < 6; ++m) ratios.push_back(0.75);
  EXPECT_DOUBLE_EQ(tightness_of(ratios), (6 * 3.0 + 6 * 0.75) / 12 / 1.5);
}

TEST(Tightness, RatioCountsAtLeastOneUnemployed) {
  EXPECT_DOUBLE_EQ(vacancy_unemployment_ratio(300, 200), 1.5);
  EXPECT_DOUBLE_EQ(vacancy_unemployment_ratio(300, 0), 300.0);
  EXPECT_EQ(tightness_of(std::vector<double>(24, 0.0)), 1.0);
}

}  // namespace
}  // namespace kfsim
