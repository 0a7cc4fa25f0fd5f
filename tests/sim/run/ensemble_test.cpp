// Ensemble tasks: the plan, running them side by side, and moving a run's measures as bytes.
#include "sim/run/ensemble.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>

#include "sim/parallel/parallel.hpp"
#include "sim/run/measures_codec.hpp"
#include "sim/run/runner.hpp"

namespace kfsim {
namespace {

TEST(EnsemblePlan, PointMajorThenReplicate) {
  const auto tasks = plan_tasks(2, 3);
  ASSERT_EQ(tasks.size(), 6u);
  EXPECT_EQ(tasks[4].index, 4u);
  EXPECT_EQ(tasks[4].point, 1u);
  EXPECT_EQ(tasks[4].replicate, 1u);
  EXPECT_EQ(describe(tasks[4], 2), "sweep point 1, replicate 1");
  EXPECT_EQ(describe(tasks[2], 1), "replicate 2");
  EXPECT_EQ(describe(tasks[4], 2, "x = 1"), "sweep point 1 (x = 1), replicate 1");
  EXPECT_EQ(describe(tasks[2], 1, "x = 1"), "replicate 2");
}

// Every task runs exactly once, whatever the thread count, and a run's own parallel loops
// inside a task (sharing the ensemble's arena) give the same sums as alone.
TEST(EnsembleRun, RunsEveryTaskOnceWithNestedLoops) {
  const ThreadLimit limit(4);
  for (int threads : {1, 2, 4}) {
    const auto tasks = plan_tasks(3, 5);
    std::vector<double> sums(tasks.size(), 0.0);
    std::atomic<int> calls{0};
    run_tasks(tasks, threads, [&](const EnsembleTask& task) {
      ++calls;
      const std::size_t n = 20000 + 1000 * task.index;
      sums[task.index] = deterministic_reduce(
          n, 1024, 0.0,
          [&](std::size_t begin, std::size_t end, double& partial) {
            for (std::size_t i = begin; i < end; ++i) partial += 1.0 / static_cast<double>(i + 1);
          },
          [](double& total, double partial) { total += partial; });
    });
    EXPECT_EQ(calls.load(), 15) << threads << " threads";
    for (const auto& task : tasks) {
      double expected = 0.0;
      const std::size_t n = 20000 + 1000 * task.index;
      // The same blocks in the same order, summed on one thread.
      for (std::size_t b = 0; b * 1024 < n; ++b) {
        double partial = 0.0;
        for (std::size_t i = b * 1024; i < std::min(n, (b + 1) * 1024); ++i) {
          partial += 1.0 / static_cast<double>(i + 1);
        }
        expected += partial;
      }
      EXPECT_EQ(sums[task.index], expected) << "task " << task.index << ", " << threads;
    }
  }
}

TEST(EnsembleRun, UsesSeveralThreadsAtOnce) {
  const ThreadLimit limit(2);
  const auto tasks = plan_tasks(1, 2);
  std::mutex mutex;
  std::set<std::thread::id> seen;
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  run_tasks(tasks, 2, [&](const EnsembleTask&) {
    const int now = ++inside;
    int previous = most.load();
    while (now > previous && !most.compare_exchange_weak(previous, now)) {
    }
    // Wait (bounded) for the other task to start: both should be in flight together.
    for (int i = 0; i < 2000 && inside.load() < 2; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const std::lock_guard lock(mutex);
    seen.insert(std::this_thread::get_id());
    --inside;
  });
  EXPECT_EQ(most.load(), 2);
  EXPECT_EQ(seen.size(), 2u);
}

MeasureSet sample_measures() {
  MeasureSet set;
  set.add_dimension({"year", "1", "calendar year", {2024, 2025}, "", {}});
  set.add_dimension({"sex", "1", "sex", {0, 1}, "sex_name", {"female", "male"}});
  const auto births =
      set.declare_count("births", {"year", "sex"}, "persons", "live births", "year: sum");
  const auto rate = set.declare_real("rate", {"year"}, "1", "a rate", "");
  set.count(births, {1, 0}) = 5;
  set.count(births, {0, 1}) = -3;
  set.real(rate, {1}) = 0.125;
  set.real(rate, {0}) = -1e-300;
  return set;
}

TEST(MeasuresCodec, RoundTripsLayoutAndValues) {
  const MeasureSet original = sample_measures();
  const MeasureSet copy = decode_measures(encode_measures(original));
  ASSERT_EQ(copy.dimensions().size(), 2u);
  EXPECT_EQ(copy.dimensions()[1].labels, original.dimensions()[1].labels);
  EXPECT_EQ(copy.dimensions()[1].labels_name, "sex_name");
  ASSERT_EQ(copy.measures().size(), 2u);
  for (std::size_t m = 0; m < 2; ++m) {
    EXPECT_EQ(copy.measures()[m].name, original.measures()[m].name);
    EXPECT_EQ(copy.measures()[m].dims, original.measures()[m].dims);
    EXPECT_EQ(copy.measures()[m].units, original.measures()[m].units);
    EXPECT_EQ(copy.measures()[m].cell_methods, original.measures()[m].cell_methods);
    EXPECT_EQ(copy.measures()[m].values, original.measures()[m].values);
  }
}

TEST(MeasuresCodec, RefusesDamagedBytes) {
  const auto bytes = encode_measures(sample_measures());
  EXPECT_THROW(decode_measures({}), std::runtime_error);
  for (std::size_t cut : {std::size_t{4}, std::size_t{9}, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_THROW(decode_measures(std::span(bytes).first(cut)), std::runtime_error) << cut;
  }
  auto longer = bytes;
  longer.push_back(std::byte{0});
  EXPECT_THROW(decode_measures(longer), std::runtime_error);
  auto foreign = bytes;
  foreign[0] = std::byte{0x42};
  EXPECT_THROW(decode_measures(foreign), std::runtime_error);
}

}  // namespace
}  // namespace kfsim
