// kfsim run: load and validate a scenario, run it, write the result file.
#include <filesystem>
#include <iostream>
#include <sstream>

#include <oneapi/tbb/version.h>
#include <toml++/toml.h>
#include <Eigen/Core>
#include <boost/version.hpp>

#include "models/data/csv_table.hpp"
#include "models/model.hpp"
#include "output/measures_file.hpp"
#include "output/nc_file.hpp"
#include "output/provenance.hpp"
#include "sim/app/command_line.hpp"
#include "sim/app/commands.hpp"
#include "sim/app/run_report.hpp"
#include "sim/app/stop_signal.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/version.hpp"

namespace kfsim::app {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr const char* kRunUsage =
    "Usage: kfsim run SCENARIO.toml [-o FILE.h5] [--threads N] [--seed S] [--set key=value ...] "
    "[--force] [--quiet]\n\nRuns a scenario and writes its results (HDF5, netCDF-4 compatible).\n"
    "Without -o the file is results/<scenario name>.h5 under the current directory.";

std::vector<std::pair<std::string, std::string>> all_library_versions() {
  auto versions = output::library_versions();
  versions.emplace_back("boost", BOOST_LIB_VERSION);
  versions.emplace_back("onetbb", TBB_VERSION_STRING);
  versions.emplace_back("eigen", std::to_string(EIGEN_WORLD_VERSION) + "." +
                                     std::to_string(EIGEN_MAJOR_VERSION) + "." +
                                     std::to_string(EIGEN_MINOR_VERSION));
  versions.emplace_back("tomlplusplus", std::to_string(TOML_LIB_MAJOR) + "." +
                                            std::to_string(TOML_LIB_MINOR) + "." +
                                            std::to_string(TOML_LIB_PATCH));
  return versions;
}

// Refuses before any work is done: an existing result is never overwritten
// without --force, and the directory must exist.
bool check_output_path(const fs::path& path, bool force, bool create_parent) {
  std::error_code ec;
  const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (create_parent) fs::create_directories(parent, ec);
  if (!fs::is_directory(parent, ec)) {
    std::cerr << "kfsim: output directory " << parent << " does not exist\n";
    return false;
  }
  if (fs::exists(path, ec) && !force) {
    std::cerr << "kfsim: " << path.string()
              << " already exists; use --force to overwrite it, or -o to choose another file\n";
    return false;
  }
  return true;
}

}  // namespace

int command_run(const std::vector<std::string>& args, const std::string& command_line) {
  po::options_description options("Options");
  std::string scenario_file;
  std::string output_file;
  int threads = 0;
  std::vector<std::string> overrides;
  // clang-format off
  options.add_options()
    ("help,h", "show this help")
    ("scenario", po::value(&scenario_file)->required(), "scenario file (TOML)")
    ("output,o", po::value(&output_file), "result file to write (.h5)")
    ("threads,t", po::value(&threads)->default_value(0), "worker threads (0: every core); results do not depend on it")
    ("seed", po::value<std::int64_t>(), "random seed, overriding the scenario's")
    ("set", po::value(&overrides)->composing(), "override a scenario key: --set key=value (repeatable)")
    ("force", "overwrite an existing result file")
    ("check", "check the model's invariants every month (slower); stop at the first violation")
    ("quiet,q", "print nothing but errors");
  // clang-format on
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (auto code = parse_options(args, options, positional, values, kRunUsage)) return *code;
  if (threads < 0) {
    std::cerr << "kfsim: --threads must be 0 or more\n";
    return kExitUsage;
  }
  const bool force = values.count("force") > 0;
  const bool quiet = values.count("quiet") > 0;

  const scenario::Schema schema = model_schema();
  std::optional<scenario::Scenario> loaded;
  try {
    loaded = scenario::load_scenario(scenario_file, schema, overrides);
    if (values.count("seed")) loaded->set("seed", values["seed"].as<std::int64_t>());
  } catch (const scenario::ScenarioError& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;
  }
  const scenario::Scenario& scenario = *loaded;

  const bool default_output = output_file.empty();
  const fs::path output_path = default_output
                                   ? fs::path("results") / (scenario.string("name") + ".h5")
                                   : fs::path(output_file);
  if (!check_output_path(output_path, force, default_output)) return kExitUsage;

  output::Provenance provenance;
  provenance.scenario_name = scenario.string("name");
  provenance.scenario_toml = scenario.resolved_toml();
  provenance.code_version = std::string(kVersion) + " (" + kGitDescribe + ")";
  provenance.command_line = command_line;
  provenance.started_utc = utc_timestamp();
  provenance.seed = scenario.integer("seed");
  provenance.replicates = scenario.integer("replicates");
  provenance.threads = resolved_thread_count(threads);
  provenance.library_versions = all_library_versions();

  const ThreadLimit thread_limit(threads);
  ProgressLine progress(!quiet);
  RunControl control;
  control.threads = threads;
  control.stop_requested = &install_stop_handlers();
  control.check_invariants = values.count("check") > 0;
  control.on_month_done = [&](Month done, Month start, Month end) {
    progress.update(done, start, end);
  };

  const auto started = std::chrono::steady_clock::now();
  // Replicates run one after another, each using every thread; their results
  // are identical whatever the thread count, so this order is only about speed.
  std::vector<MeasureSet> replicates;
  std::int64_t person_months = 0;
  try {
    for (std::int64_t r = 0; r < scenario.integer("replicates"); ++r) {
      ModelRun run = run_model(scenario, static_cast<std::uint32_t>(r), control);
      person_months += run.person_months;
      replicates.push_back(std::move(run.measures));
    }
  } catch (const data::DataError& error) {
    progress.finish();
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::logic_error& violation) {
    progress.finish();
    std::cerr << "kfsim: invariant violated: " << violation.what() << "\n";
    return kExitFailure;
  } catch (const RunCancelled& cancelled) {
    progress.finish();
    std::cerr << "kfsim: interrupted: " << cancelled.what() << "; no result file was written\n";
    return kExitFailure;
  }
  progress.finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  provenance.finished_utc = utc_timestamp();
  {
    output::NcWriter writer(output_path, force);
    output::write_measures(writer, replicates);
    output::write_provenance(writer, provenance);
    if (stop_requested()) {
      std::cerr << "kfsim: interrupted while writing; no result file was written\n";
      return kExitFailure;
    }
    writer.commit();
  }

  if (!quiet) {
    std::ostringstream report;
    report.setf(std::ios::fixed);
    report.precision(2);
    report << "kfsim: scenario '" << scenario.string("name") << "', "
           << scenario.month("start").to_string() << " to " << scenario.month("end").to_string()
           << ", seed " << scenario.integer("seed") << ", " << provenance.threads << " threads\n";
    if (replicates.size() > 1) report << "  replicate 0 of " << replicates.size() << ":\n";
    for (const auto& line : headline_figures(replicates.front())) report << "  " << line << "\n";
    report << "  wall time " << seconds << " s, "
           << static_cast<double>(person_months) / seconds / 1e6
           << " million person-months per second, peak memory " << peak_memory_mib() << " MiB\n";
    report << "Results: " << fs::absolute(output_path).lexically_normal().string() << "\n";
    std::cout << report.str();
  }
  return kExitOk;
}

}  // namespace kfsim::app
