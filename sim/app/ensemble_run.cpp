#include "sim/app/ensemble_run.hpp"

#include <cstdlib>
#include <iostream>
#include <mutex>
#include <new>
#include <stdexcept>

#include "models/data/csv_table.hpp"
#include "models/model.hpp"
#include "models/model_data_cache.hpp"
#include "sim/app/commands.hpp"
#include "sim/app/stop_signal.hpp"
#include "sim/run/measures_codec.hpp"

namespace kfsim::app {

namespace {

// The failure to report: real failures before cancellations, then the first in plan order.
bool reported_before(const TaskFailure& a, const TaskFailure& b) {
  const bool a_cancelled = a.kind == TaskFailure::Kind::Cancelled;
  const bool b_cancelled = b.kind == TaskFailure::Kind::Cancelled;
  if (a_cancelled != b_cancelled) return !a_cancelled;
  return a.task.index < b.task.index;
}

// KFSIM_FAULT_TASK=<index> makes that task fail as it starts: the way the tests (and anyone
// checking a cluster set-up) see how a failed run is reported and that nothing is written.
std::optional<std::size_t> injected_fault_task() {
  const char* text = std::getenv("KFSIM_FAULT_TASK");
  if (text == nullptr || *text == '\0') return std::nullopt;
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (*end != '\0') return std::nullopt;
  return static_cast<std::size_t>(value);
}

int exit_code_of(const TaskFailure& failure) {
  return failure.kind == TaskFailure::Kind::BadData ? kExitUsage : kExitFailure;
}

}  // namespace

std::string describe_task(const EnsembleTask& task, const EnsembleSetup& setup) {
  const std::size_t points = setup.points.size();
  return describe(task, points, points > 1 ? setup.sweep.describe_point(task.point) : "");
}

EnsembleResult run_ensemble(const EnsembleSetup& setup) {
  const ProcessGroup& group = *setup.group;
  const std::vector<EnsembleTask> all = plan_tasks(setup.points.size(), setup.replicates);
  std::vector<EnsembleTask> mine;
  for (const auto& task : all) {
    if (group.owns(task.index)) mine.push_back(task);
  }

  std::vector<std::optional<ModelRun>> runs(all.size());
  std::mutex failures_mutex;
  std::optional<TaskFailure> failure;
  const auto fail = [&](const EnsembleTask& task, TaskFailure::Kind kind, std::string message) {
    const std::lock_guard lock(failures_mutex);
    TaskFailure candidate{task, kind, std::move(message)};
    if (!failure || reported_before(candidate, *failure)) failure = std::move(candidate);
    // The other runs stop at their next month: the ensemble has failed.
    if (kind != TaskFailure::Kind::Cancelled) request_stop();
  };
  const std::atomic<bool>& stop = install_stop_handlers();
  const std::optional<std::size_t> fault_task = injected_fault_task();

  // The replicates (and sweep points) that read the same tables share one copy.
  ModelDataCache tables;
  run_tasks(mine, setup.threads, [&](const EnsembleTask& task) {
    RunControl control;
    control.share_arena = true;
    control.stop_requested = &stop;
    control.check_invariants = setup.check_invariants;
    if (setup.on_month_done)
      control.on_month_done = [&](Month, Month, Month) { setup.on_month_done(); };
    try {
      if (fault_task == task.index) {
        throw std::runtime_error("fault injected by KFSIM_FAULT_TASK=" +
                                 std::to_string(task.index));
      }
      if (setup.draws.empty()) {
        runs[task.index] = run_model(setup.points[task.point], task.replicate, control, &tables);
      } else {
        runs[task.index] =
            run_model(scenario_for_replicate(setup.points[task.point], setup.uncertainty,
                                             setup.draws, task.replicate),
                      task.replicate, control, &tables);
      }
      if (setup.on_run_done) setup.on_run_done();
    } catch (const data::DataError& error) {
      fail(task, TaskFailure::Kind::BadData, error.what());
    } catch (const scenario::ScenarioError& error) {
      // A key that names what the data tables lack (an unknown programme code) is found only
      // once the tables are read: a bad scenario all the same.
      fail(task, TaskFailure::Kind::BadData, error.what());
    } catch (const RunCancelled& cancelled) {
      fail(task, TaskFailure::Kind::Cancelled, cancelled.what());
    } catch (const std::logic_error& violation) {
      fail(task, TaskFailure::Kind::Invariant, violation.what());
    } catch (const std::bad_alloc&) {
      fail(task, TaskFailure::Kind::Other,
           "out of memory (an allocation failed); the run needs more memory than this machine "
           "gives it");
    } catch (const std::exception& error) {
      fail(task, TaskFailure::Kind::Other, error.what());
    }
  });

  EnsembleResult result;
  // Process 0, stopped while other processes' results were still to come (mpirun stops it
  // with SIGTERM when another process dies): says which tasks it was waiting for, so that the
  // process mpirun names as failed can be matched with its tasks.
  const auto report_outstanding = [&](std::size_t received_up_to) {
    std::string waiting;
    for (const auto& task : all) {
      if (group.owns(task.index) || task.index < received_up_to) continue;
      waiting += "\n  process " + std::to_string(group.owner_of(task.index)) + ": " +
                 describe_task(task, setup);
    }
    if (!waiting.empty()) {
      std::cerr
          << ("kfsim: process 0 stopped before these tasks' results arrived (a failure of "
              "any process stops them all):" +
              waiting + "\n");
    }
  };
  if (failure) {
    if (group.distributed()) {
      const bool cancelled = failure->kind == TaskFailure::Kind::Cancelled;
      const std::string what = cancelled ? "was interrupted" : "failed: " + failure->message;
      // One write: mpirun's own messages about the abort would otherwise land inside the line.
      std::cerr << ("kfsim: process " + std::to_string(group.rank()) + " of " +
                    std::to_string(group.size()) + ", task " + describe_task(failure->task, setup) +
                    " " + what + "; stopping every process, no result file is written\n");
      if (cancelled && group.is_root()) report_outstanding(0);
      group.abort(exit_code_of(*failure));
    }
    result.failure = std::move(failure);
    return result;
  }

  for (const auto& task : mine) result.person_months += runs[task.index]->person_months;
  if (group.distributed() && !group.is_root()) {
    for (const auto& task : mine) {
      const std::vector<std::byte> bytes = encode_measures(runs[task.index]->measures);
      group.send_result(task.index, runs[task.index]->person_months, bytes);
    }
    return result;
  }
  if (group.distributed()) {
    for (const auto& task : all) {
      if (group.owns(task.index)) continue;
      ModelRun run;
      const auto bytes = group.receive_result(task.index, run.person_months, &stop);
      if (!bytes) {
        std::cerr << ("kfsim: process 0 of " + std::to_string(group.size()) +
                      " was interrupted; no result file is written\n");
        report_outstanding(task.index);
        group.abort(kExitFailure);
      }
      run.measures = decode_measures(*bytes);
      result.person_months += run.person_months;
      runs[task.index] = std::move(run);
    }
  }
  result.measures.assign(setup.points.size(), {});
  for (const auto& task : all) {
    result.measures[task.point].push_back(std::move(runs[task.index]->measures));
  }
  return result;
}

}  // namespace kfsim::app
