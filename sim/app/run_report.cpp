#include "sim/app/run_report.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

namespace kfsim::app {

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO) != 0), started_(std::chrono::steady_clock::now()) {}

void ProgressLine::update(Month done, Month start, Month end) {
  if (!enabled_ || done.year() == last_year_) return;
  last_year_ = done.year();
  const double fraction =
      static_cast<double>(done - start + 1) / static_cast<double>(end - start + 1);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0.0;
  std::fprintf(stderr, "\r  simulating %s  %3.0f %%  %.1f s elapsed, about %.1f s left   ",
               done.to_string().c_str(), 100 * fraction, elapsed, left);
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (!enabled_) return;
  std::fprintf(stderr, "\r%80s\r", "");
  std::fflush(stderr);
}

double peak_memory_mib() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace kfsim::app
