// Industry trends fade linearly to the all-industry rate over the stated
// horizon, and not at all when the horizon is 0.
#include <gtest/gtest.h>

#include "models/labour/industry_trend.hpp"

namespace kfsim {
namespace {

TEST(IndustryTrend, NoFadeKeepsTheOwnRateToTheBit) {
  for (double years : {0.0, 7.5, 100.0}) {
    EXPECT_EQ(faded_growth(0.0577, 0.0084, years, 0), 0.0577);
    EXPECT_EQ(faded_growth(-0.0113, 0.0084, years, -1), -0.0113);
  }
}

TEST(IndustryTrend, TheOwnRateFadesLinearlyToTheAllIndustryRate) {
  EXPECT_DOUBLE_EQ(faded_growth(0.03, 0.01, 0, 15), 0.03);
  EXPECT_DOUBLE_EQ(faded_growth(0.03, 0.01, 7.5, 15), 0.02);
  EXPECT_DOUBLE_EQ(faded_growth(0.03, 0.01, 15, 15), 0.01);
  EXPECT_DOUBLE_EQ(faded_growth(-0.01, 0.01, 30, 15), 0.01);  // and stays there
}

}  // namespace
}  // namespace kfsim
