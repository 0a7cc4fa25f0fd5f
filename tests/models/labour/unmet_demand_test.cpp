// Unmet demand: positions in Østfold vacant for the stated months are
// withdrawn and counted in their cell, others are not; the demand path then
// holds the withdrawn positions back until demand falls below what remains,
// or until employers post them again.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "models/labour/positions.hpp"
#include "models/labour/unmet_demand.hpp"
#include "sim/rng/random.hpp"
#include "sim/rng/stream.hpp"
#include "sim/time/month.hpp"

namespace kfsim {
namespace {

struct Row {
  std::int64_t holder;
  std::int16_t months_vacant;
  std::int8_t area;
};

Positions make(const std::vector<Row>& rows) {
  Positions p;
  p.table.append(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    p.table.column(p.holder)[i] = rows[i].holder;
    p.table.column(p.months_vacant)[i] = rows[i].months_vacant;
    p.table.column(p.area)[i] = rows[i].area;
  }
  return p;
}

// Area 2 is the outside area in these tests.
constexpr std::size_t kOutside = 2;

TEST(UnmetDemand, LongVacantPositionsInOstfoldAreWithdrawnIntoTheirCell) {
  auto p = make({{kVacant, 12, 0},           // withdrawn, cell 0
                 {kVacant, 11, 0},           // not yet
                 {7, 40, 1},                 // held
                 {kNonResident, 30, 1},      // held by an in-commuter
                 {kVacant, 30, 1},           // withdrawn, cell 1
                 {kVacant, 50, kOutside}});  // outside Østfold: stays
  const std::vector<std::size_t> cells = {0, 0, 1, 1, 1, 2};
  std::vector<std::int32_t> unmet(3, 0);
  const auto cell_of = [&](std::size_t position) { return cells[position]; };
  EXPECT_EQ(withdraw_long_vacant(p, cell_of, 12, kOutside, unmet),
            (std::vector<std::size_t>{0, 4}));
  EXPECT_EQ(unmet, (std::vector<std::int32_t>{1, 1, 0}));
}

TEST(UnmetDemand, ZeroMonthsWithdrawsNothing) {
  auto p = make({{kVacant, 1000, 0}});
  std::vector<std::int32_t> unmet(1, 0);
  const auto cell_of = [](std::size_t) { return std::size_t{0}; };
  EXPECT_TRUE(withdraw_long_vacant(p, cell_of, 0, kOutside, unmet).empty());
  EXPECT_EQ(unmet[0], 0);
}

TEST(UnmetDemand, WithdrawnDemandIsHeldBackUntilDemandFalls) {
  std::int32_t unmet = 5;
  // Demand 100, 95 positions and 5 withdrawn: nothing to add.
  EXPECT_EQ(realised_target(100, 95, unmet), 95);
  EXPECT_EQ(unmet, 5);
  // Demand grows by 3: three new positions, the unmet demand stays.
  EXPECT_EQ(realised_target(103, 95, unmet), 98);
  EXPECT_EQ(unmet, 5);
  // Demand falls to 97: the unmet demand shrinks first, no position goes.
  EXPECT_EQ(realised_target(97, 95, unmet), 95);
  EXPECT_EQ(unmet, 2);
  // Below the positions held: no unmet demand left, and the surplus is abolished.
  EXPECT_EQ(realised_target(90, 95, unmet), 90);
  EXPECT_EQ(unmet, 0);
}

TEST(UnmetDemand, WithoutUnmetDemandTheTargetIsTheDemand) {
  std::int32_t unmet = 0;
  for (std::int32_t desired : {0, 7, 120}) {
    EXPECT_EQ(realised_target(desired, 50, unmet), desired);
    EXPECT_EQ(unmet, 0);
  }
}

TEST(UnmetDemand, EmployersPostWithdrawnPositionsAgainAtTheStatedRate) {
  const rng::RngKey key(7, 0);
  const Month month = *Month::parse("2030-01");
  // 1 000 cells of 20 withdrawn positions each, posted again with
  // probability 1/12 a month: about 1 667 in all.
  std::int64_t total = 0;
  for (std::uint64_t cell = 0; cell < 1000; ++cell) {
    rng::Draws draws(key, cell, month, rng::Stream::UnmetRepost);
    const auto n = reposted(20, 1.0 / 12.0, draws);
    EXPECT_GE(n, 0);
    EXPECT_LE(n, 20);
    total += n;
  }
  EXPECT_NEAR(static_cast<double>(total), 20000.0 / 12.0, 4 * std::sqrt(20000.0 / 12.0));
  // The same cell and month give the same count; none withdrawn or a
  // probability of 0 give none.
  rng::Draws a(key, 3, month, rng::Stream::UnmetRepost);
  rng::Draws b(key, 3, month, rng::Stream::UnmetRepost);
  EXPECT_EQ(reposted(50, 0.3, a), reposted(50, 0.3, b));
  EXPECT_EQ(reposted(0, 0.5, a), 0);
  EXPECT_EQ(reposted(10, 0.0, a), 0);
  EXPECT_EQ(reposted(10, 1.0, a), 10);
}

}  // namespace
}  // namespace kfsim
