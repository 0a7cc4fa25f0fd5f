#pragma once
// The time loop. A run is a list of processes (plain functions of the month),
// called in a fixed order every month from start to end inclusive, inside a
// task arena of the requested size. The runner knows nothing of what the
// processes do.
#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <tbb/global_control.h>

#include "sim/time/month.hpp"

namespace kfsim {

struct Process {
  std::string name;
  std::function<void(Month)> step;
};

// Builds with KFSIM_RUNTIME_CHECKS (the default for Debug builds, and so in the sanitizer pass
// of the tests) check the models' invariants every month in every run, as --check does.
#ifdef KFSIM_RUNTIME_CHECKS
inline constexpr bool kRuntimeChecks = true;
#else
inline constexpr bool kRuntimeChecks = false;
#endif

struct RunControl {
  int threads = 0;  // 0: every core
  // Run inside the caller's task arena (an ensemble's, whose threads the runs share; see
  // run_tasks) instead of an arena of `threads` of its own.
  bool share_arena = false;
  // Called after each month; used for progress lines.
  std::function<void(Month done, Month start, Month end)> on_month_done;
  // Checked between months; a set flag ends the run with RunCancelled.
  const std::atomic<bool>* stop_requested = nullptr;
  // Run the models' invariant checks every month (slower; on in tests and
  // debug builds, and with --check).
  bool check_invariants = kRuntimeChecks;
};

class RunCancelled : public std::runtime_error {
 public:
  explicit RunCancelled(Month month)
      : std::runtime_error("run stopped on request before " + month.to_string()) {}
};

// Throws RunCancelled (before `month`) when the control's stop flag is set: called before each
// slow stage of a run (reading the tables, building the world, each month), so that a stop
// takes effect within about a second at any stage.
void stop_if_requested(const RunControl& control, Month month);

// Runs `setup` (if any) and then every month in [start, end] inside one arena.
void run_months(Month start, Month end, const std::vector<Process>& processes,
                const RunControl& control, const std::function<void()>& setup = {});

// The thread count a RunControl resolves to.
int resolved_thread_count(int requested);

// Lets a process use more threads than it has cores (oneTBB caps workers at the
// core count otherwise), so that "--threads 4" means four threads on a 2-core
// machine too, as the determinism tests need. Hold one for the process's life.
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);

 private:
  tbb::global_control control_;
};

}  // namespace kfsim
