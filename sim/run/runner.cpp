#include "sim/run/runner.hpp"

#include <algorithm>

#include <tbb/info.h>
#include <tbb/task_arena.h>

namespace kfsim {

int resolved_thread_count(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

ThreadLimit::ThreadLimit(int threads)
    : control_(tbb::global_control::max_allowed_parallelism,
               static_cast<std::size_t>(
                   std::max(resolved_thread_count(threads), tbb::info::default_concurrency()))) {}

void stop_if_requested(const RunControl& control, Month month) {
  if (control.stop_requested != nullptr && control.stop_requested->load()) {
    throw RunCancelled(month);
  }
}

void run_months(Month start, Month end, const std::vector<Process>& processes,
                const RunControl& control, const std::function<void()>& setup) {
  const auto body = [&] {
    stop_if_requested(control, start);
    if (setup) setup();
    for (Month month = start; month <= end; ++month) {
      stop_if_requested(control, month);
      for (const auto& process : processes) process.step(month);
      if (control.on_month_done) control.on_month_done(month, start, end);
    }
  };
  if (control.share_arena) {
    body();
  } else {
    tbb::task_arena arena(resolved_thread_count(control.threads));
    arena.execute(body);
  }
}

}  // namespace kfsim
