#include "sim/app/stop_signal.hpp"

#include <csignal>

namespace kfsim::app {

namespace {
std::atomic<bool> g_stop{false};
std::atomic<bool> g_signalled{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void on_stop_signal(int) {
  g_signalled.store(true);
  g_stop.store(true);
}
}  // namespace

const std::atomic<bool>& install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  return g_stop;
}

bool stop_requested() { return g_stop.load(); }

void request_stop() { g_stop.store(true); }

bool stop_was_signalled() { return g_signalled.load(); }

}  // namespace kfsim::app
