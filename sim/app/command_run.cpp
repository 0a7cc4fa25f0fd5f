// kfsim run: load and validate a scenario, run its ensemble (every sweep point and replicate),
// write the result files.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include <oneapi/tbb/version.h>
#include <toml++/toml.h>
#include <Eigen/Core>
#include <boost/version.hpp>

#include "models/model.hpp"
#include "output/measures_file.hpp"
#include "output/nc_file.hpp"
#include "output/parameter_values.hpp"
#include "output/provenance.hpp"
#include "sim/app/command_line.hpp"
#include "sim/app/commands.hpp"
#include "sim/app/ensemble_run.hpp"
#include "sim/app/output_guard.hpp"
#include "sim/app/result_files.hpp"
#include "sim/app/run_report.hpp"
#include "sim/app/stop_signal.hpp"
#include "sim/parallel/process_group.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/version.hpp"

namespace kfsim::app {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr const char* kRunUsage =
    "Usage: kfsim run SCENARIO.toml [-o FILE.h5] [--replicates N] [--threads N] [--seed S]\n"
    "                 [--set key=value ...] [--force] [--quiet] [--check]\n"
    "       mpirun -np P kfsim run SCENARIO.toml ...   (runs spread over P processes)\n\n"
    "Runs a scenario and writes its results (HDF5, netCDF-4 compatible). Replicates and the\n"
    "points of a [sweep] run side by side on every thread; results are the same for any\n"
    "number of threads and processes. Without -o the file is results/<scenario name>.h5 under\n"
    "the current directory; a sweep writes NAME.point-NNN.h5 files and an index NAME.sweep.csv.";

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

// Which thread count and processes ran the ensemble, and how: the only attributes in which
// runs of the same scenario and seed may differ.
output::Provenance base_provenance(const scenario::Scenario& scenario,
                                   const std::string& command_line, int threads,
                                   const ProcessGroup& group) {
  output::Provenance provenance;
  provenance.scenario_name = scenario.string("name");
  provenance.code_version = std::string(kVersion) + " (" + kGitDescribe + ")";
  provenance.command_line = command_line;
  provenance.started_utc = utc_timestamp();
  provenance.seed = scenario.integer("seed");
  provenance.replicates = scenario.integer("replicates");
  provenance.threads = resolved_thread_count(threads);
  provenance.processes = group.size();
  provenance.library_versions = all_library_versions();
  return provenance;
}

int report_failure(const TaskFailure& failure, const EnsembleSetup& setup) {
  const std::string task = describe_task(failure.task, setup);
  const bool several = setup.points.size() * setup.replicates > 1;
  const std::string where = several ? " (" + task + ")" : "";
  switch (failure.kind) {
    case TaskFailure::Kind::BadData:
      std::cerr << "kfsim: " << failure.message << "\n";
      return kExitUsage;
    case TaskFailure::Kind::Invariant:
      std::cerr << "kfsim: invariant violated" << where << ": " << failure.message << "\n";
      return kExitFailure;
    case TaskFailure::Kind::Cancelled:
      std::cerr << "kfsim: interrupted: " << failure.message << "; no result file was written\n";
      return kExitFailure;
    case TaskFailure::Kind::Other:
      break;
  }
  std::cerr << "kfsim: run failed" << where << ": " << failure.message << "\n";
  return kExitFailure;
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
    ("replicates,r", po::value<std::int64_t>(), "replicates to run, overriding the scenario's `replicates`")
    ("threads,t", po::value(&threads)->default_value(0), "worker threads per process, 0 to 1024 (0: every core); results do not depend on it")
    ("seed", po::value<std::int64_t>(), "random seed, overriding the scenario's")
    ("set", po::value(&overrides)->composing(), "override a scenario key: --set key=value (repeatable)")
    ("force", "overwrite existing result files")
    ("check", "check the model's invariants every month (slower); stop at the first violation")
    ("quiet,q", "print nothing but errors");
  // clang-format on
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (auto code = parse_options(args, options, positional, values, kRunUsage)) return *code;
  // A bound on the threads: far more than any machine's cores, far fewer than exhaust the
  // system's threads or memory for their stacks.
  if (threads < 0 || threads > kMaxThreads) {
    std::cerr << "kfsim: --threads " << threads << ": expected 0 (every core) to " << kMaxThreads
              << "\n";
    return kExitUsage;
  }
  const bool force = values.count("force") > 0;
  // From here on SIGINT and SIGTERM ask the run to stop instead of killing it, so that a
  // signal at any point leaves nothing behind; a file-size limit (ulimit -f) makes writing
  // fail with a clear error instead of killing the process with SIGXFSZ.
  install_stop_handlers();
  std::signal(SIGXFSZ, SIG_IGN);

  std::optional<ProcessGroup> joined;
  try {
    joined.emplace(nullptr, nullptr);
  } catch (const std::runtime_error& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;
  }
  const ProcessGroup& group = *joined;
  // Every process reads the scenario and would find the same faults: process 0 speaks for all.
  const bool root = group.is_root();
  const bool quiet = values.count("quiet") > 0 || !root;

  const scenario::Schema schema = model_schema();
  std::optional<scenario::Scenario> loaded;
  EnsembleSetup setup;
  try {
    loaded = scenario::load_scenario(scenario_file, schema, overrides);
    if (values.count("seed")) loaded->set("seed", values["seed"].as<std::int64_t>(), "--seed");
    if (values.count("replicates")) {
      loaded->set("replicates", values["replicates"].as<std::int64_t>(), "--replicates");
    }
    setup.sweep = loaded->sweep();
    for (std::size_t i = 0; i < loaded->sweep().points(); ++i) {
      setup.points.push_back(loaded->at_sweep_point(i));
    }
    // Each replicate's values of the [uncertainty] keys, the same on every process.
    setup.uncertainty = loaded->uncertainty();
    setup.draws =
        draw_parameters(setup.uncertainty, static_cast<std::uint64_t>(loaded->integer("seed")),
                        static_cast<std::uint32_t>(loaded->integer("replicates")));
  } catch (const scenario::ScenarioError& error) {
    if (root) std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;
  }
  const scenario::Scenario& scenario = *loaded;
  setup.replicates = static_cast<std::uint32_t>(scenario.integer("replicates"));
  setup.threads = threads;
  setup.check_invariants = values.count("check") > 0 || kRuntimeChecks;
  setup.group = &group;

  const bool default_output = output_file.empty();
  const fs::path output_path = default_output
                                   ? fs::path("results") / (scenario.string("name") + ".h5")
                                   : fs::path(output_file);
  const ResultFiles files = plan_result_files(output_path, scenario.sweep());
  // Process 0 decides whether the files may be written; the others follow its word.
  const int may_write = group.broadcast(
      root && check_result_files(files, scenario_inputs(scenario, schema), force, default_output)
          ? kExitOk
          : kExitUsage);
  if (may_write != kExitOk) return may_write;

  output::Provenance provenance = base_provenance(scenario, command_line, threads, group);
  const ThreadLimit thread_limit(threads);
  const std::size_t runs = setup.points.size() * setup.replicates;
  std::size_t my_runs = 0;
  for (std::size_t i = 0; i < runs; ++i) my_runs += group.owns(i) ? 1U : 0U;
  ProgressLine progress(!quiet, my_runs,
                        scenario.month("end") - scenario.month("start") + std::int64_t{1});
  setup.on_month_done = [&] { progress.month_done(); };
  setup.on_run_done = [&] { progress.run_done(); };

  const auto started = std::chrono::steady_clock::now();
  EnsembleResult result = run_ensemble(setup);
  progress.finish();
  if (result.failure) return report_failure(*result.failure, setup);
  if (!root) return kExitOk;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  provenance.finished_utc = utc_timestamp();
  for (std::size_t p = 0; p < setup.points.size(); ++p) {
    provenance.scenario_toml = setup.points[p].resolved_toml();
    if (!scenario.sweep().empty()) {
      provenance.sweep_point = static_cast<std::int64_t>(p);
      provenance.sweep_values = scenario.sweep().describe_point(p);
    }
    output::NcWriter writer(files.points[p], force);
    output::write_measures(writer, result.measures[p]);
    output::write_parameter_values(writer, setup.uncertainty, setup.draws, setup.replicates);
    output::write_provenance(writer, provenance);
    if (stop_requested()) {
      std::cerr << "kfsim: interrupted while writing; " << files.points[p].string()
                << " was not written"
                << (files.sweep_index.empty() ? "" : " and the sweep is incomplete (no index)")
                << "\n";
      return kExitFailure;
    }
    writer.commit();
  }
  if (!files.sweep_index.empty()) write_sweep_index(files, scenario.sweep(), force);

  // A rate gone far outside anything on record (a run long past the tables' horizon, extreme
  // keys) is said even with --quiet: the file is written, but its figures are not to be read
  // as a projection. The first run that shows each is named.
  std::vector<std::string> said;
  for (std::size_t p = 0; p < result.measures.size(); ++p) {
    for (std::size_t r = 0; r < result.measures[p].size(); ++r) {
      for (const auto& warning : plausibility_warnings(result.measures[p][r])) {
        if (std::find(said.begin(), said.end(), warning.measure) != said.end()) continue;
        said.push_back(warning.measure);
        std::cerr << "kfsim: warning: " << warning.text;
        if (runs > 1) {
          std::cerr << " ("
                    << (setup.points.size() > 1 ? "sweep point " + std::to_string(p) + ", "
                                                : std::string())
                    << "replicate " << r << ")";
        }
        std::cerr << "\n";
      }
    }
  }

  if (!quiet) {
    std::ostringstream report;
    report.setf(std::ios::fixed);
    report.precision(2);
    report << "kfsim: scenario '" << scenario.string("name") << "', "
           << scenario.month("start").to_string() << " to " << scenario.month("end").to_string()
           << ", seed " << scenario.integer("seed") << ", " << runs << " run"
           << (runs == 1 ? "" : "s");
    if (setup.points.size() > 1) {
      report << " (" << setup.points.size() << " sweep points x " << setup.replicates
             << " replicates)";
    }
    report << " on " << provenance.threads << " threads";
    if (group.size() > 1) report << " x " << group.size() << " processes";
    report << "\n";
    if (!setup.draws.empty()) {
      report << "  " << setup.draws.keys.size() << " key"
             << (setup.draws.keys.size() == 1 ? "" : "s")
             << " of [uncertainty] drawn per replicate (Latin hypercube); bands are an "
             << output::interval_label(true, setup.replicates) << "\n";
    }
    if (setup.replicates < 10 && setup.replicates > 1) {
      report << "  note: " << setup.replicates
             << " replicates; bands from fewer than 10 runs are rough\n";
    }
    if (runs > 1) {
      report << "  " << (setup.points.size() > 1 ? "sweep point 0, " : "") << "replicate 0 of "
             << setup.replicates << ":\n";
    }
    for (const auto& line : headline_figures(result.measures.front().front())) {
      report << "  " << line << "\n";
    }
    report << "  wall time " << seconds << " s, "
           << static_cast<double>(result.person_months) / seconds / 1e6
           << " million person-months per second, peak memory " << peak_memory_mib()
           << " MiB (process 0)\n";
    if (files.sweep_index.empty()) {
      report << "Results: " << fs::absolute(output_path).lexically_normal().string() << "\n";
    } else {
      report << "Results: " << files.points.size() << " files, listed in "
             << fs::absolute(files.sweep_index).lexically_normal().string() << "\n";
    }
    std::cout << report.str();
  }
  return kExitOk;
}

}  // namespace kfsim::app
