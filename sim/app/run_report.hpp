#pragma once
// What a run reports about itself: a progress line while it runs (on a
// terminal) and its speed and memory at the end.
#include <chrono>
#include <cstdint>
#include <string>

#include "sim/time/month.hpp"

namespace kfsim::app {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  void update(Month done, Month start, Month end);
  void finish();

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point started_;
  int last_year_ = -1;
};

// Peak resident memory of this process so far, in MiB.
double peak_memory_mib();
std::string utc_timestamp();  // ISO 8601, e.g. 2026-11-27T08:00:00Z

}  // namespace kfsim::app
