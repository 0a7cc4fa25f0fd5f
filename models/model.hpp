#pragma once
// The Østfold model as a whole: its scenario schema, and one run of a scenario
// for one replicate, from building the world to the last month's measures.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/run/measures.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"

namespace kfsim {

class ModelDataCache;

// Every key a scenario may set: the engine's core keys and each model's.
scenario::Schema model_schema();

struct ModelRun {
  MeasureSet measures;
  std::int64_t person_months = 0;  // persons simulated, summed over months
  std::int64_t final_population = 0;
};

// A few lines summarising a run for the terminal (population at start and end,
// births, deaths, net migration).
std::vector<std::string> headline_figures(const MeasureSet& measures);

// For each county rate that leaves its plausible range (unemployment, vacancies): the measure,
// and one line naming it, its value and the first year it happens; none for a sound run.
struct PlausibilityWarning {
  std::string measure;
  std::string text;
};
std::vector<PlausibilityWarning> plausibility_warnings(const MeasureSet& measures);

// Runs the scenario for one replicate: every part of the model, or the demography alone
// where the scenario's `models` says so (its measures are then the demography's only). Throws
// data::DataError for a bad data table, scenario::ScenarioError for a key naming a code the tables
// lack (ModelData::check_keys) and RunCancelled when control.stop_requested is set. With a
// cache, the tables come from it (read once for every replicate that shares it); without one,
// they are read for this run.
ModelRun run_model(const scenario::Scenario& scenario, std::uint32_t replicate,
                   const RunControl& control, ModelDataCache* tables = nullptr);

}  // namespace kfsim
