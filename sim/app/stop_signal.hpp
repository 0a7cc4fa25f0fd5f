#pragma once
// SIGINT and SIGTERM ask a run to stop: the flag is checked between months and
// before a result file is committed, so an interrupted run leaves no file
// under its final name.
#include <atomic>

namespace kfsim::app {

const std::atomic<bool>& install_stop_handlers();
bool stop_requested();

}  // namespace kfsim::app
