#include "output/provenance.hpp"

#include <hdf5.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>
#include <sstream>

#include "output/nc_reader.hpp"
#include "sim/version.hpp"

namespace kfsim::output {

namespace {

std::string library_lines(const std::vector<std::pair<std::string, std::string>>& libraries) {
  std::string text;
  for (const auto& [name, version] : libraries) {
    text += (text.empty() ? "" : "\n") + name + " " + version;
  }
  return text;
}

std::vector<std::pair<std::string, std::string>> parse_library_lines(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> libraries;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const auto space = line.find(' ');
    libraries.emplace_back(line.substr(0, space),
                           space == std::string::npos ? "" : line.substr(space + 1));
  }
  return libraries;
}

class GlobalAttributes {
 public:
  GlobalAttributes(const std::filesystem::path& path, std::vector<Attribute> attributes)
      : path_(path), attributes_(std::move(attributes)) {}

  const Attribute::Value* find(const std::string& name) const {
    const auto found = std::find_if(attributes_.begin(), attributes_.end(),
                                    [&](const Attribute& a) { return a.name == name; });
    return found == attributes_.end() ? nullptr : &found->value;
  }

  std::string text(const std::string& name) const {
    const auto* value = find(name);
    if (value == nullptr || !std::holds_alternative<std::string>(*value)) {
      fail("has no text attribute '" + name + "'");
    }
    return std::get<std::string>(*value);
  }

  std::int64_t integer(const std::string& name) const {
    const auto* value = find(name);
    if (value == nullptr || !std::holds_alternative<std::int64_t>(*value)) {
      fail("has no integer attribute '" + name + "'");
    }
    return std::get<std::int64_t>(*value);
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw OutputError(path_.string() + ": " + message);
  }

 private:
  std::filesystem::path path_;
  std::vector<Attribute> attributes_;
};

}  // namespace

void write_provenance(NcWriter& writer, const Provenance& provenance) {
  const auto text = [&](const char* name, std::string value) {
    writer.set_global({name, std::move(value)});
  };
  const auto integer = [&](const char* name, std::int64_t value) {
    writer.set_global({name, value});
  };
  text("Conventions", "CF-1.8");
  text("title", "kfsim results: " + provenance.scenario_name);
  text("institution", "Kompetanseforum Østfold");
  text("source", std::string("kfsim ") + kfsim::kVersion);
  text("history", provenance.started_utc + ": " + provenance.command_line);
  text("kfsim_scenario_name", provenance.scenario_name);
  text("kfsim_scenario", provenance.scenario_toml);
  integer("kfsim_seed", provenance.seed);
  integer("kfsim_replicates", provenance.replicates);
  integer("kfsim_threads", provenance.threads);
  integer("kfsim_processes", provenance.processes);
  if (provenance.sweep_point >= 0) {
    integer("kfsim_sweep_point", provenance.sweep_point);
    text("kfsim_sweep_values", provenance.sweep_values);
  }
  text("kfsim_code_version", provenance.code_version);
  text("kfsim_command_line", provenance.command_line);
  text("kfsim_started_utc", provenance.started_utc);
  text("kfsim_finished_utc", provenance.finished_utc);
  text("kfsim_library_versions", library_lines(provenance.library_versions));
  integer("kfsim_file_format_version", kFileFormatVersion);
}

namespace {

void check_format(const GlobalAttributes& globals) {
  const auto* version = globals.find("kfsim_file_format_version");
  if (version == nullptr) {
    globals.fail(
        "is not a kfsim result file (it has no global attribute kfsim_file_format_version)");
  }
  const auto* number = std::get_if<std::int64_t>(version);
  if (number == nullptr || *number != kFileFormatVersion) {
    const std::string written_by = number == nullptr              ? ""
                                   : *number < kFileFormatVersion ? ", written by an older kfsim"
                                                                  : ", written by a newer kfsim";
    globals.fail("has result file format version " + value_text(*version) + written_by +
                 "; this kfsim reads version " + std::to_string(kFileFormatVersion) +
                 " only (run the scenario again to get a file of that version)");
  }
}

}  // namespace

void check_result_file_format(const std::filesystem::path& path) {
  check_format(GlobalAttributes(path, read_attributes(path, "/")));
}

Provenance read_provenance(const std::filesystem::path& path) {
  const GlobalAttributes globals(path, read_attributes(path, "/"));
  check_format(globals);
  Provenance provenance;
  provenance.scenario_name = globals.text("kfsim_scenario_name");
  provenance.scenario_toml = globals.text("kfsim_scenario");
  provenance.code_version = globals.text("kfsim_code_version");
  provenance.command_line = globals.text("kfsim_command_line");
  provenance.started_utc = globals.text("kfsim_started_utc");
  provenance.finished_utc = globals.text("kfsim_finished_utc");
  provenance.seed = globals.integer("kfsim_seed");
  provenance.replicates = globals.integer("kfsim_replicates");
  provenance.threads = globals.integer("kfsim_threads");
  // Optional: absent from files of runs without MPI or sweep written before they existed.
  if (globals.find("kfsim_processes") != nullptr) {
    provenance.processes = globals.integer("kfsim_processes");
  }
  if (globals.find("kfsim_sweep_point") != nullptr) {
    provenance.sweep_point = globals.integer("kfsim_sweep_point");
    provenance.sweep_values = globals.text("kfsim_sweep_values");
  }
  provenance.library_versions = parse_library_lines(globals.text("kfsim_library_versions"));
  return provenance;
}

std::vector<std::pair<std::string, std::string>> library_versions() {
  unsigned major = 0;
  unsigned minor = 0;
  unsigned release = 0;
  H5get_libversion(&major, &minor, &release);
  return {{"hdf5",
           std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release)}};
}

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::array<char, 32> buffer{};
  const std::size_t length =
      std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {buffer.data(), length};
}

}  // namespace kfsim::output
