// Summaries across replicates: percentiles as numpy computes them.
#include "output/replicate_summary.hpp"

#include <gtest/gtest.h>

namespace kfsim::output {
namespace {

TEST(Percentile, MatchesNumpyLinearInterpolation) {
  // numpy.percentile([3, 1, 4, 1, 5], q) for q = 0, 5, 50, 95, 100.
  std::vector<double> v = {3, 1, 4, 1, 5};
  EXPECT_DOUBLE_EQ(percentile(v, 0), 1.0);
  EXPECT_DOUBLE_EQ(percentile(v, 5), 1.0);
  EXPECT_DOUBLE_EQ(percentile(v, 50), 3.0);
  EXPECT_DOUBLE_EQ(percentile(v, 95), 4.8);
  EXPECT_DOUBLE_EQ(percentile(v, 100), 5.0);
  std::vector<double> w = {10, 20};
  EXPECT_DOUBLE_EQ(percentile(w, 5), 10.5);
  EXPECT_DOUBLE_EQ(percentile(w, 95), 19.5);
  std::vector<double> one = {7};
  EXPECT_EQ(percentile(one, 95), 7.0);
  std::vector<double> none;
  EXPECT_THROW(percentile(none, 50), std::invalid_argument);
}

TEST(Percentile, MoreNumpyValues) {
  // numpy.percentile([3, 1, 2], 5) = 1.1; numpy.percentile([1, 2, 3, 4], 95) = 3.85.
  std::vector<double> three = {3, 1, 2};
  EXPECT_DOUBLE_EQ(percentile(three, 5), 1.1);
  std::vector<double> four = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(percentile(four, 95), 3.85);
  EXPECT_DOUBLE_EQ(percentile(four, 50), 2.5);
}

TEST(Percentile, EqualNeighboursGiveTheirValueExactly) {
  std::vector<double> v = {0.1, 0.1, 0.1, 0.1};
  EXPECT_EQ(percentile(v, 37), 0.1);
}

TEST(ReplicateSummary, SummarisesEachCellAcrossReplicates) {
  // Three replicates of a block of two cells.
  const std::vector<double> stacked = {1, 10, 2, 30, 6, 20};
  const auto& stats = replicate_statistics();
  ASSERT_EQ(stats.size(), 4u);
  EXPECT_EQ(summarise_replicates(stacked, 3, stats[0]), (std::vector<double>{3, 20}));
  EXPECT_EQ(summarise_replicates(stacked, 3, stats[2]), (std::vector<double>{2, 20}));
  const auto p95 = summarise_replicates(stacked, 3, stats[3]);
  EXPECT_DOUBLE_EQ(p95[0], 5.6);
  EXPECT_DOUBLE_EQ(p95[1], 29.0);
  EXPECT_THROW(summarise_replicates(stacked, 4, stats[0]), std::invalid_argument);
}

}  // namespace
}  // namespace kfsim::output
