#include "sim/run/ensemble.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include "sim/run/runner.hpp"

namespace kfsim {

std::vector<EnsembleTask> plan_tasks(std::size_t points, std::uint32_t replicates) {
  std::vector<EnsembleTask> tasks;
  tasks.reserve(points * replicates);
  for (std::size_t p = 0; p < points; ++p) {
    for (std::uint32_t r = 0; r < replicates; ++r) tasks.push_back({tasks.size(), p, r});
  }
  return tasks;
}

std::string describe(const EnsembleTask& task, std::size_t points,
                     const std::string& point_detail) {
  std::string text = "replicate " + std::to_string(task.replicate);
  if (points <= 1) return text;
  const std::string detail = point_detail.empty() ? "" : " (" + point_detail + ")";
  return "sweep point " + std::to_string(task.point) + detail + ", " + text;
}

void run_tasks(std::span<const EnsembleTask> tasks, int threads,
               const std::function<void(const EnsembleTask&)>& body) {
  tbb::task_arena arena(resolved_thread_count(threads));
  arena.execute([&] {
    // One task per chunk: runs are long (seconds) and equal in size, so the scheduler's only
    // job is to keep every thread busy. A thread waiting inside its run's loops takes only that
    // run's work (each run is isolated); a thread with no run of its own helps any
    // run's loops, which keeps all cores busy when fewer runs than threads are left.
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, tasks.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
          for (std::size_t i = range.begin(); i != range.end(); ++i) {
            tbb::this_task_arena::isolate([&] { body(tasks[i]); });
          }
        },
        tbb::simple_partitioner());
  });
}

}  // namespace kfsim
