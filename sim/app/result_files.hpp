#pragma once
// Where a run's results go. One scenario: one file (results/<name>.h5 unless -o names it). A
// sweep: one file per point beside it, NAME.point-000.h5, ..., and an index NAME.sweep.csv
// listing each point's file and values, written last: a sweep is complete when its index
// exists.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/scenario/sweep.hpp"

namespace kfsim::app {

struct ResultFiles {
  std::vector<std::filesystem::path> points;  // one per sweep point
  std::filesystem::path sweep_index;          // empty without a sweep
};

ResultFiles plan_result_files(const std::filesystem::path& output, const scenario::Sweep& sweep);

// Refuses before any work is done (output_guard.hpp): never over one of the run's `inputs`,
// never over anything but a regular file, an existing file only with --force; and the
// directory must exist (it is created first for the default results/ folder). Prints the
// reason and returns false.
bool check_result_files(const ResultFiles& files, const std::vector<std::filesystem::path>& inputs,
                        bool force, bool create_directory);

// Writes the sweep's index (CSV: point, file, one column per swept key) under a temporary
// name and moves it into place. Throws output::OutputError.
void write_sweep_index(const ResultFiles& files, const scenario::Sweep& sweep, bool force);

}  // namespace kfsim::app
