#pragma once
// What a run reports about itself: a progress line while it runs (on a
// terminal) and its speed and memory at the end.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>

#include "sim/time/month.hpp"

namespace kfsim::app {

// One line on standard error, redrawn at most a few times a second: runs done, share of the
// work done, time elapsed and an estimate of the time left. Only on a terminal, and not in
// quiet mode. Safe to call from every thread of an ensemble.
class ProgressLine {
 public:
  ProgressLine(bool enabled, std::size_t runs, std::int64_t months_per_run);
  void month_done();
  void run_done();
  void finish();

 private:
  void draw(bool force);

  bool enabled_;
  std::size_t runs_;
  std::int64_t total_months_;
  std::chrono::steady_clock::time_point started_;
  std::atomic<std::int64_t> months_done_{0};
  std::atomic<std::size_t> runs_done_{0};
  std::mutex draw_mutex_;
  std::chrono::steady_clock::time_point last_drawn_{};
};

// Peak resident memory of this process so far, in MiB.
double peak_memory_mib();
std::string utc_timestamp();  // ISO 8601, e.g. 2026-11-27T08:00:00Z

}  // namespace kfsim::app
