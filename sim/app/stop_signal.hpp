#pragma once
// SIGINT and SIGTERM ask a run to stop: the flag is checked between months and
// before a result file is committed, so an interrupted run leaves no file
// under its final name.
#include <atomic>

namespace kfsim::app {

const std::atomic<bool>& install_stop_handlers();
bool stop_requested();
// Asks every run to stop as a signal would (a run of an ensemble failed): the others end at
// their next month instead of running on for nothing.
void request_stop();
// Whether the stop came from SIGINT or SIGTERM rather than from request_stop().
bool stop_was_signalled();

}  // namespace kfsim::app
