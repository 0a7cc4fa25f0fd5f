#pragma once
// The kfsim subcommands. Each returns the process exit code.
#include <string>
#include <vector>

namespace kfsim::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // failure while running
inline constexpr int kExitUsage = 2;    // bad usage or bad scenario

// The most worker threads `kfsim run --threads` accepts per process.
inline constexpr int kMaxThreads = 1024;

// args excludes the program name and the subcommand; `command_line` is the
// whole command as typed, for provenance.
int command_run(const std::vector<std::string>& args, const std::string& command_line);
int command_check(const std::vector<std::string>& args);
int command_schema(const std::vector<std::string>& args);
int command_info(const std::vector<std::string>& args);
int command_compare(const std::vector<std::string>& args);
int command_brief(const std::vector<std::string>& args);

}  // namespace kfsim::app
