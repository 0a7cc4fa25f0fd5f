#include "sim/app/run_report.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

namespace kfsim::app {

ProgressLine::ProgressLine(bool enabled, std::size_t runs, std::int64_t months_per_run)
    : enabled_(enabled && isatty(STDERR_FILENO) != 0),
      runs_(runs),
      total_months_(static_cast<std::int64_t>(runs) * months_per_run),
      started_(std::chrono::steady_clock::now()) {}

void ProgressLine::month_done() {
  months_done_.fetch_add(1, std::memory_order_relaxed);
  draw(false);
}

void ProgressLine::run_done() {
  runs_done_.fetch_add(1, std::memory_order_relaxed);
  draw(true);
}

void ProgressLine::draw(bool force) {
  if (!enabled_) return;
  // Threads that find another drawing skip: progress must never slow the runs.
  const std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_drawn_ < std::chrono::milliseconds(250)) return;
  last_drawn_ = now;
  const double fraction = total_months_ > 0 ? static_cast<double>(months_done_.load()) /
                                                  static_cast<double>(total_months_)
                                            : 1.0;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0.0;
  std::fprintf(stderr, "\r  runs %zu/%zu done  %3.0f %%  %.0f s elapsed, about %.0f s left   ",
               runs_done_.load(), runs_, 100 * fraction, elapsed, left);
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
