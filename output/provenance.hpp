#pragma once
// Where a result file came from, stored as its global attributes: the CF identification
// (Conventions, title, institution, source, history) and kfsim_* attributes holding the fully
// resolved scenario, seed, replicates, threads, code and library versions, command line and
// times, so that a run can be repeated and two files compared from the files alone.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "output/nc_file.hpp"

namespace kfsim::output {

// The layout version of kfsim result files; readers refuse files of another version.
inline constexpr std::int64_t kFileFormatVersion = 1;

struct Provenance {
  std::string scenario_name;
  std::string scenario_toml;  // the fully resolved scenario text
  std::string code_version;
  std::string command_line;
  std::string started_utc;  // ISO 8601, e.g. "2024-05-01T12:00:00Z"
  std::string finished_utc;
  std::int64_t seed = 0;
  std::int64_t replicates = 0;
  std::int64_t threads = 0;    // per process
  std::int64_t processes = 1;  // MPI processes that shared the runs
  // A point of a [sweep]: its number and its values ("key = value, ..."); -1 when not swept.
  std::int64_t sweep_point = -1;
  std::string sweep_values;
  std::vector<std::pair<std::string, std::string>> library_versions;  // (name, version)
};

void write_provenance(NcWriter& writer, const Provenance& provenance);

// Throws OutputError naming the file unless it is a kfsim result file of kFileFormatVersion: a
// file without kfsim_file_format_version is not a kfsim result (another program wrote it), one of
// another version was written by an older or newer kfsim. A missing, truncated or non-HDF5 file
// is an OutputError too.
void check_result_file_format(const std::filesystem::path& path);

// Throws OutputError as check_result_file_format does, and for a file that lacks a provenance
// attribute.
Provenance read_provenance(const std::filesystem::path& path);

// The versions of the libraries the output library links (HDF5); callers add their own.
std::vector<std::pair<std::string, std::string>> library_versions();

// The current time as "YYYY-MM-DDThh:mm:ssZ".
std::string utc_now_iso8601();

}  // namespace kfsim::output
