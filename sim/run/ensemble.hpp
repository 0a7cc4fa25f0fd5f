#pragma once
// An ensemble: the runs of one scenario for several replicates and sweep points. Each run is a
// task named by its identity (sweep point, replicate), and its random numbers are keyed by that
// identity alone, so a task gives the same result whichever thread, process or machine runs it
// and in whatever order: that is what lets tasks run side by side here and across MPI processes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace kfsim {

struct EnsembleTask {
  std::size_t index = 0;  // position in the plan: point-major, then replicate
  std::size_t point = 0;  // sweep point (0 without a sweep)
  std::uint32_t replicate = 0;
};

// Every (point, replicate) pair, point-major: the order results are written in.
std::vector<EnsembleTask> plan_tasks(std::size_t points, std::uint32_t replicates);

// "sweep point 2, replicate 5", or "sweep point 2 (DETAIL), replicate 5" with a detail such
// as the point's values; the point is left out when there is one point.
std::string describe(const EnsembleTask& task, std::size_t points,
                     const std::string& point_detail = "");

// Runs body(task) for every task, side by side on `threads` threads (0: every core) of one
// arena; each run should set RunControl::share_arena so that its own parallel loops use the
// same threads (an ensemble of 3 runs on 16 cores still uses all 16). Runs start in plan order.
// body must not throw: a failing run records its error and asks the others to stop (through
// the runs' stop flag), so that no run is cut short in the middle of a month by the scheduler.
void run_tasks(std::span<const EnsembleTask> tasks, int threads,
               const std::function<void(const EnsembleTask&)>& body);

}  // namespace kfsim
