#pragma once
// Running an ensemble: every (sweep point, replicate) task of a scenario, side by side on this
// process's threads and, under mpirun, spread over processes; process 0 gathers the results.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/parallel/process_group.hpp"
#include "sim/run/ensemble.hpp"
#include "sim/run/measures.hpp"
#include "sim/run/parameter_draws.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/scenario.hpp"

namespace kfsim::app {

struct EnsembleSetup {
  std::vector<scenario::Scenario> points;  // the scenario at each sweep point (one without)
  scenario::Sweep sweep;  // the sweep the points come from (the points hold none of their own)
  std::uint32_t replicates = 1;
  // The [uncertainty] table and each replicate's draws from it (empty without one): replicate r
  // of every point runs with the same drawn values, so points stay paired.
  scenario::Uncertainty uncertainty;
  ParameterDraws draws;
  int threads = 0;  // per process; 0: every core
  bool check_invariants = kRuntimeChecks;
  const ProcessGroup* group = nullptr;
  // Called from any thread after each simulated month of any run of this process.
  std::function<void()> on_month_done;
  // Called from any thread when a run of this process ends successfully.
  std::function<void()> on_run_done;
};

struct TaskFailure {
  enum class Kind { BadData, Invariant, Cancelled, Other };
  EnsembleTask task;
  Kind kind = Kind::Other;
  std::string message;
};

struct EnsembleResult {
  // On process 0: measures[point][replicate]. Elsewhere empty (the results were sent).
  std::vector<std::vector<MeasureSet>> measures;
  std::int64_t person_months = 0;  // summed over every run of the ensemble
  // The failure that ended the ensemble, if any: the first failed task in plan order, a real
  // failure preferred over the runs cancelled because of it.
  std::optional<TaskFailure> failure;
};

// Runs the ensemble. Under MPI a failure is reported by the process where it happened (naming
// the task) and ends every process (ProcessGroup::abort); run_ensemble then never returns.
EnsembleResult run_ensemble(const EnsembleSetup& setup);

// "replicate 3" or "sweep point 1 (labour.x = 0.3), replicate 3", for messages.
std::string describe_task(const EnsembleTask& task, const EnsembleSetup& setup);

}  // namespace kfsim::app
