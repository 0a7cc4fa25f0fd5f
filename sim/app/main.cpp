// kfsim: the command-line entry point. Dispatches to a subcommand and maps
// errors to exit codes (0 success, 2 bad usage or scenario, 1 failure while
// running).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "sim/app/command_line.hpp"
#include "sim/app/commands.hpp"
#include "sim/version.hpp"

namespace {

constexpr const char* kUsage = R"(kfsim: agent-based simulator of the labour market of Østfold

Usage:
  kfsim run SCENARIO.toml [-o FILE.h5] [--threads N] [--seed S] [--set key=value ...] [--force] [--quiet]
  kfsim check SCENARIO.toml [--set key=value ...]   validate and print the fully resolved scenario
  kfsim schema                                      every scenario key: type, default, unit, range, meaning
  kfsim info FILE.h5                                what a result file holds and its provenance
  kfsim compare BASE.h5 OTHER.h5 ... [--years Y,Y] [--csv FILE|-] [--force]
                                                    competence gaps and each scenario's change to them
  kfsim brief BASE.h5 OTHER.h5 ... -o FILE.html [--pdf FILE.pdf | --no-pdf] [--years Y,Y] [--force]
                                                    a briefing in Norwegian (HTML and PDF) for the steering group
  kfsim --help | --version

Run `kfsim COMMAND --help` for a command's options.
Exit codes: 0 success, 2 bad usage or bad scenario, 1 failure while running.
)";

// What was written to standard output is flushed, and a failed write (a full disk, a closed or
// full device) is a failure with a message, never a silent exit 0. Returns the exit code.
int finish_output(int code) {
  using namespace kfsim::app;
  errno = 0;
  std::cout.flush();
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;  // the last failed write's reason, if any
  if (flushed && !std::ferror(stdout) && std::cout.good()) return code;
  // The reason is known where the last write failed; an earlier failed write's is gone.
  std::cerr << "kfsim: cannot write to standard output"
            << (error != 0 ? std::string(": ") + std::strerror(error)
                           : std::string(" (a full disk or device, or a closed output)"))
            << "\n";
  return code == kExitOk ? kExitFailure : code;
}

int dispatch(int argc, char** argv) {
  using namespace kfsim::app;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version" || command == "-V") {
    std::cout << "kfsim " << kfsim::kVersion << " (" << kfsim::kGitDescribe << ")\n";
    return kExitOk;
  }
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "run") return command_run(args, quoted_command_line(argc, argv));
    if (command == "check") return command_check(args);
    if (command == "schema") return command_schema(args);
    if (command == "info") return command_info(args);
    if (command == "compare") return command_compare(args);
    if (command == "brief") return command_brief(args);
  } catch (const std::bad_alloc&) {
    // Anywhere a request for memory fails: said as such, naming the command, not as a crash.
    std::cerr << "kfsim: " << command
              << ": out of memory (an allocation failed); the command needs more memory than "
                 "this machine gives it\n";
    return kExitFailure;
  } catch (const std::exception& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitFailure;
  }
  std::cerr << "kfsim: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) { return finish_output(dispatch(argc, argv)); }
