// Demand targets as plain functions (models/labour/demand.hpp), on a
// hand-built grid of two industries (the second standing for the outside
// labour market), one area and two occupations.
#include "models/labour/demand.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace kfsim {
namespace {

const DemandGrid kGrid{2, 1, 2};
// Cells: industry 0 holds 100 positions of occupation 0 and 50 of occupation
// 1; industry 1 only 40 of occupation 1.
const std::vector<std::int32_t> kInitial = {100, 50, 0, 40};

TEST(DemandProcess, CellsAreOccupationFastest) {
  EXPECT_EQ(kGrid.cells(), 4u);
  EXPECT_EQ(kGrid.cell_of(0, 0, 1), 1u);
  EXPECT_EQ(kGrid.cell_of(1, 0, 0), 2u);
}

TEST(DemandProcess, WithoutOccupationTrendsEveryWeightIsExactlyOne) {
  const auto w = occupation_weights(kGrid, kInitial, std::vector<double>{1.0, 1.0});
  EXPECT_EQ(w, (std::vector<double>{1.0, 1.0, 1.0, 1.0}));
}

TEST(DemandProcess, OccupationWeightsShiftTheMixButKeepEachWorkplacesTotal) {
  const auto w = occupation_weights(kGrid, kInitial, std::vector<double>{1.2, 0.9});
  // Industry 0: 100 * 1.2 + 50 * 0.9 = 165 for 150, so every factor is scaled by 150 / 165.
  EXPECT_DOUBLE_EQ(w[0], 1.2 * 150.0 / 165.0);
  EXPECT_DOUBLE_EQ(w[1], 0.9 * 150.0 / 165.0);
  EXPECT_DOUBLE_EQ(100 * w[0] + 50 * w[1], 150.0);
  // Industry 1 holds one occupation only: its weight is 1 whatever its trend
  // (the empty cell's weight, 1.2 * 40 / 36, multiplies no positions).
  EXPECT_DOUBLE_EQ(w[3], 1.0);
  EXPECT_DOUBLE_EQ(w[2], 1.2 * 40.0 / 36.0);
}

TEST(DemandProcess, AServicesCompositionMovesOccupationsWithinItsIndustryOnly) {
  // Industry 0's first occupation grows 10 % faster than its industry (its
  // care service grows faster); industry 1 has no service of its own mix.
  const std::vector<double> composition = {1.1, 0.8, 1.0, 1.0};
  const auto w = occupation_weights(kGrid, kInitial, std::vector<double>{1.0, 1.0}, composition);
  EXPECT_DOUBLE_EQ(w[0], 1.1 * 150.0 / 150.0);
  EXPECT_DOUBLE_EQ(w[1], 0.8 * 150.0 / 150.0);
  EXPECT_EQ(w[3], 1.0);
  // With the occupations' own trends as well, the two multiply, and the
  // workplace keeps its total.
  const auto both = occupation_weights(kGrid, kInitial, std::vector<double>{1.2, 0.9}, composition);
  EXPECT_DOUBLE_EQ(100 * both[0] + 50 * both[1], 150.0);
  EXPECT_GT(both[0] / both[1], w[0] / w[1]);
  // A composition of ones is no composition, to the bit.
  EXPECT_EQ(occupation_weights(kGrid, kInitial, std::vector<double>{1.2, 0.9},
                               std::vector<double>(4, 1.0)),
            occupation_weights(kGrid, kInitial, std::vector<double>{1.2, 0.9}));
}

TEST(DemandProcess, TargetsFollowTheIndustrysFactorRounded) {
  const std::vector<double> factor = {1.104, 0.95};
  const std::vector<double> weight = {1.0, 1.0, 1.0, 1.0};
  const std::vector<std::int32_t> current = {100, 50, 3, 40};
  std::vector<std::int32_t> unmet = {0, 0, 0, 0};
  const auto t = cell_targets(kGrid, kInitial, factor, weight, current, unmet);
  EXPECT_EQ(t[0], 110);  // 110.4
  EXPECT_EQ(t[1], 55);   // 55.2
  EXPECT_EQ(t[2], 3);    // no positions on the start date: keeps what it has
  EXPECT_EQ(t[3], 38);
  EXPECT_EQ(unmet, (std::vector<std::int32_t>{0, 0, 0, 0}));
}

TEST(DemandProcess, UnmetDemandIsHeldBackAndGoesFirstWhenDemandFalls) {
  const std::vector<double> weight = {1.0, 1.0, 1.0, 1.0};
  const std::vector<std::int32_t> current = {95, 50, 0, 40};
  // Growth to 110 in cell 0 with 5 withdrawn unfilled: 105 are held.
  std::vector<std::int32_t> unmet = {5, 0, 0, 4};
  auto t = cell_targets(kGrid, kInitial, std::vector<double>{1.1, 0.95}, weight, current, unmet);
  EXPECT_EQ(t[0], 105);
  EXPECT_EQ(unmet[0], 5);
  // Industry 1 falls to 38: the unmet demand shrinks to fit before any position goes.
  EXPECT_EQ(t[3], 38);
  EXPECT_EQ(unmet[3], 0);
  // Demand falls to 97 in cell 0: only 2 of the 5 withdrawn are still wanted.
  unmet = {5, 0, 0, 0};
  t = cell_targets(kGrid, kInitial, std::vector<double>{0.97, 1.0}, weight, current, unmet);
  EXPECT_EQ(t[0], 95);
  EXPECT_EQ(unmet[0], 2);
}

}  // namespace
}  // namespace kfsim
