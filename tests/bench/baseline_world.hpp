#pragma once
// The world of the real baseline scenario (scenarios/baseline.toml: the 2024 population of
// Østfold, its jobs and its education programmes), built as run_model builds it, for the
// micro-benchmarks that time one process's month. Each benchmark steps the whole model month
// after month, so that the state evolves as in a run, and times only its own process; the
// figures of the three processes add up to the model's month.
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "models/demography/demography.hpp"
#include "models/demography/demography_measures.hpp"
#include "models/demography/demography_params.hpp"
#include "models/education/education.hpp"
#include "models/education/education_params.hpp"
#include "models/labour/labour_market.hpp"
#include "models/labour/labour_params.hpp"
#include "models/model.hpp"
#include "models/model_data.hpp"
#include "models/population/persons.hpp"
#include "sim/rng/random.hpp"
#include "sim/run/runner.hpp"

#ifndef KFSIM_SOURCE_DIR
#error "KFSIM_SOURCE_DIR must point at the source tree"
#endif

namespace kfsim::bench {

// The processes of a model month, in the order run_model calls them.
enum class Process { Demography, Education, LabourMarket };

class BaselineWorld {
 public:
  explicit BaselineWorld(int threads)
      : scenario_(scenario::load_scenario(
            std::filesystem::path(KFSIM_SOURCE_DIR) / "scenarios/baseline.toml", model_schema())),
        data_(scenario_),
        start_(scenario_.month("start")),
        end_(scenario_.month("end")),
        month_(start_),
        arena_(threads) {
    const rng::RngKey key(static_cast<std::uint64_t>(scenario_.integer("seed")), 0);
    add_common_dimensions(measures_, data_.demography.municipalities, start_, end_);
    demography_ =
        std::make_unique<Demography>(data_.demography, persons_, measures_, key, start_, end_);
    LabourSetup setup = labour_setup(scenario_);
    setup.external_education = true;
    labour_ = std::make_unique<LabourMarket>(data_.labour, data_.demography.municipalities,
                                             persons_, measures_, key, start_, end_, setup);
    education_ = std::make_unique<Education>(
        data_.education, data_.labour, data_.demography.municipalities, persons_, *labour_,
        measures_, key, start_, end_, education_signal_lag_months(scenario_));
    arena_.execute([&] {
      demography_->populate(start_);
      labour_->initialize(start_, labour_params_at(scenario_, data_.labour, start_));
      education_->initialize(start_);
    });
  }

  // Months the world can still be stepped before its scenario ends.
  int months_left() const { return end_.index() - month_.index() + 1; }

  // Persons at the start of the month about to be stepped: the person-months the month adds
  // (the figure kfsim's end-to-end speed counts).
  std::int64_t persons() const { return static_cast<std::int64_t>(persons_.size()); }

  // Steps one process for the current month; stepping the labour market ends the month.
  void step(Process process) {
    arena_.execute([&] {
      switch (process) {
        case Process::Demography:
          demography_->step(
              month_, demography_params_at(scenario_, month_, data_.demography.municipalities),
              labour_->tightness(), education_->take_settlers());
          break;
        case Process::Education:
          education_->step(month_, education_params_at(scenario_, month_),
                           programme_places_at(scenario_, data_.education, month_));
          break;
        case Process::LabourMarket:
          labour_->step(month_, labour_params_at(scenario_, data_.labour, month_));
          break;
      }
    });
    if (process == Process::LabourMarket) ++month_;
  }

 private:
  scenario::Scenario scenario_;
  ModelData data_;
  Month start_;
  Month end_;
  Month month_;
  tbb::task_arena arena_;
  MeasureSet measures_;
  Persons persons_;
  std::unique_ptr<Demography> demography_;
  std::unique_ptr<LabourMarket> labour_;
  std::unique_ptr<Education> education_;
};

// Months each benchmark steps: KFSIM_BENCH_MONTHS, by default 24 (two years, so that the
// yearly events, such as January's recording and August's intake, are in the figure).
inline int bench_months() {
  const char* text = std::getenv("KFSIM_BENCH_MONTHS");
  const int months = text != nullptr ? std::atoi(text) : 24;
  return months > 0 ? months : 24;
}

// Builds the baseline world once (untimed), then steps the whole model month after month and
// times only `timed`. Reports person-months per second of that process and its time per
// person-month. With more months than the scenario holds the world is built again.
inline void time_process(benchmark::State& state, Process timed) {
  const int threads = static_cast<int>(state.range(0));
  const ThreadLimit limit(threads);
  auto world = std::make_unique<BaselineWorld>(threads);
  double person_months = 0;
  for (auto _ : state) {
    if (world->months_left() == 0) {
      state.PauseTiming();
      world = std::make_unique<BaselineWorld>(threads);
      state.ResumeTiming();
    }
    person_months += static_cast<double>(world->persons());
    for (const Process process : {Process::Demography, Process::Education, Process::LabourMarket}) {
      if (process == timed) {
        world->step(process);
      } else {
        state.PauseTiming();
        world->step(process);
        state.ResumeTiming();
      }
    }
  }
  state.counters["person_months/s"] =
      benchmark::Counter(person_months, benchmark::Counter::kIsRate);
  state.counters["s/person_month"] =
      benchmark::Counter(person_months, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["persons"] = person_months / static_cast<double>(state.iterations());
}

}  // namespace kfsim::bench
