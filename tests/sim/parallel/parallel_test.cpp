#include "sim/parallel/parallel.hpp"
#include "sim/run/runner.hpp"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace kfsim {
namespace {

// Held for the whole test program: oneTBB otherwise caps workers at the core count.
const ThreadLimit kAllowEightThreads(8);

// A sum whose rounding depends on the order of additions: only a fixed order
// gives the same bits every time.
double awkward_sum(int threads) {
  std::vector<double> values(100'003);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = std::sin(static_cast<double>(i)) * std::pow(10.0, static_cast<double>(i % 17) - 8);
  }
  tbb::task_arena arena(threads);
  double total = 0;
  arena.execute([&] {
    total = deterministic_reduce(
        values.size(), 1000, 0.0,
        [&](std::size_t begin, std::size_t end, double& partial) {
          for (std::size_t i = begin; i < end; ++i) partial += values[i];
        },
        [](double& sum, double partial) { sum += partial; });
  });
  return total;
}

TEST(DeterministicReduce, IsBitIdenticalForAnyThreadCount) {
  const double one = awkward_sum(1);
  for (int threads : {2, 3, 4, 8}) {
    const double many = awkward_sum(threads);
    EXPECT_EQ(std::memcmp(&one, &many, sizeof one), 0) << threads << " threads";
  }
}

TEST(ParallelBlocks, VisitsEveryIndexOnce) {
  std::vector<int> visits(10'001, 0);
  tbb::task_arena arena(4);
  arena.execute([&] {
    parallel_for_each_index(
        visits.size(), [&](std::size_t i) { ++visits[i]; }, 64);
  });
  for (int v : visits) EXPECT_EQ(v, 1);
}

TEST(ParallelBlocks, HandlesEmptyRange) {
  int calls = 0;
  parallel_blocks(0, 16, [&](std::size_t, std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace kfsim

namespace kfsim {
namespace {

// The slots picked out by the blocks of a parallel loop, for some thread count.
std::vector<std::size_t> picked(int threads, std::size_t n, std::size_t grain) {
  BlockSlots slots;
  slots.reset(n, grain);
  tbb::task_arena arena(threads);
  arena.execute([&] {
    parallel_blocks(n, grain, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        if (i % 7 == 3 || i % 11 == 0) slots.add(begin, i);
      }
    });
  });
  std::vector<std::size_t> out;
  slots.for_each([&](std::size_t i) { out.push_back(i); });
  return out;
}

TEST(BlockSlots, GiveThePickedSlotsInOrderForAnyThreadCount) {
  const std::size_t n = 10007;
  std::vector<std::size_t> expected;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 7 == 3 || i % 11 == 0) expected.push_back(i);
  }
  for (const int threads : {1, 2, 4}) EXPECT_EQ(picked(threads, n, 64), expected) << threads;
}

TEST(BlockSlots, AResetForgetsTheLastLoop) {
  BlockSlots slots;
  slots.reset(100, 10);
  slots.add(90, 95);
  slots.reset(50, 10);
  std::size_t visited = 0;
  slots.for_each([&](std::size_t) { ++visited; });
  EXPECT_EQ(visited, 0u);
}

TEST(ParallelCounts, CountTheBinsForAnyThreadCount) {
  const std::size_t n = 5000;
  for (const int threads : {1, 3}) {
    tbb::task_arena arena(threads);
    std::vector<std::int64_t> counts;
    arena.execute([&] {
      // Bin i % 4; every fifth index in no bin (4 and above count nothing).
      counts = parallel_counts(
          n, 4, [](std::size_t i) { return i % 5 == 0 ? std::size_t{9} : i % 4; }, 128);
    });
    std::vector<std::int64_t> expected(4, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (i % 5 != 0) ++expected[i % 4];
    }
    EXPECT_EQ(counts, expected) << threads;
  }
}

}  // namespace
}  // namespace kfsim
