// In-commuters follow the tightness with their elasticity, exactly their 2024
// number when switched off; the extra ones take positions open long.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "models/labour/labour_in_commuting.hpp"

namespace kfsim {
namespace {

TEST(InCommuting, GoalIsTheBaseWhenOffOrAtTheStartingTightness) {
  for (double t : {0.0, 0.5, 1.0, 1.7, 40.0}) EXPECT_EQ(in_commuter_goal(1234, t, 0.0), 1234) << t;
  EXPECT_EQ(in_commuter_goal(1234, 1.0, 0.5), 1234);
}

TEST(InCommuting, GoalFollowsTightnessWithItsElasticity) {
  EXPECT_EQ(in_commuter_goal(1000, 1.21, 0.5), 1100);  // sqrt(1.21) = 1.1
  EXPECT_EQ(in_commuter_goal(1000, 0.81, 0.5), 900);
  EXPECT_EQ(in_commuter_goal(1000, 2.0, 1.0), 2000);
  EXPECT_EQ(in_commuter_goal(1000, 0.0, 1.0), 0);
}

TEST(InCommuting, LongOpenKeepsOnlyPositionsOpenLong) {
  // months_vacant by slot; slot 4 is vacant but new, slot 1 is not in the list.
  const std::vector<std::int16_t> months = {5, 9, 2, 5, 0, 12};
  const std::vector<std::int32_t> vacant = {0, 2, 3, 4, 5};
  EXPECT_EQ(long_open(vacant, months, 3), (std::vector<std::int32_t>{0, 2, 3, 5}));
  EXPECT_TRUE(long_open(vacant, months, 14).empty());
}

}  // namespace
}  // namespace kfsim
