#include "output/chunking.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <numeric>

namespace kfsim::output {
namespace {

std::size_t bytes(const std::vector<std::size_t>& extent, std::size_t element_size) {
  return std::accumulate(extent.begin(), extent.end(), element_size, std::multiplies<>());
}

TEST(ChooseChunks, SmallScalarAndEmptyDatasetsAreContiguous) {
  EXPECT_TRUE(choose_chunks({}, 8).empty());
  EXPECT_TRUE(choose_chunks({12}, 8).empty());
  EXPECT_TRUE(choose_chunks({kContiguousLimitBytes / 8}, 8).empty());
  EXPECT_TRUE(choose_chunks({0, 1000000}, 8).empty());
}

TEST(ChooseChunks, ADatasetThatFitsOneChunkIsOneChunk) {
  const std::vector<std::size_t> shape = {24, 12, 2, 7};
  EXPECT_EQ(choose_chunks(shape, 8), shape);
}

TEST(ChooseChunks, LargeDatasetsSplitTheLeadingDimensionFirst) {
  const std::vector<std::size_t> shape = {600, 12, 2, 7, 100};  // 10 MB of doubles
  const auto chunks = choose_chunks(shape, 8);
  ASSERT_EQ(chunks.size(), shape.size());
  EXPECT_LT(chunks[0], shape[0]);
  EXPECT_GE(chunks[0], 1u);
  for (std::size_t d = 1; d < shape.size(); ++d) EXPECT_EQ(chunks[d], shape[d]);
  EXPECT_LE(bytes(chunks, 8), kTargetChunkBytes);
}

TEST(ChooseChunks, SplitsInnerDimensionsWhenOneRowIsTooLarge) {
  const std::vector<std::size_t> shape = {3, 100000, 4};  // one leading row is 3.2 MB
  const auto chunks = choose_chunks(shape, 8);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0], 1u);
  EXPECT_LT(chunks[1], shape[1]);
  EXPECT_EQ(chunks[2], 4u);
  EXPECT_LE(bytes(chunks, 8), kTargetChunkBytes);
  for (std::size_t d = 0; d < shape.size(); ++d) EXPECT_LE(chunks[d], shape[d]);
}

}  // namespace
}  // namespace kfsim::output
