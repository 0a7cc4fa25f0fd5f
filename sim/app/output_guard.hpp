#pragma once
// The rule every command that writes a file follows, checked before any work is done: never
// over one of the command's own inputs (a scenario, a file it extends, a data table, a result
// file being read), never over anything but a regular file (a device, a FIFO, a directory, a
// link to one of them), and over an existing file only with --force.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"

namespace kfsim::app {

// Why `target` may not be written, or nothing when it may.
std::optional<std::string> output_refusal(const std::filesystem::path& target,
                                          const std::vector<std::filesystem::path>& inputs,
                                          bool force);

// The files a run reads: the scenario, the files it extends and every data table it names.
std::vector<std::filesystem::path> scenario_inputs(const scenario::Scenario& scenario,
                                                   const scenario::Schema& schema);

}  // namespace kfsim::app
