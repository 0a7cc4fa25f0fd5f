#pragma once
// Shared by the labour-market tests: the baseline scenario, loaded the way the
// command line loads it, with a short horizon so that each run stays quick.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/scenario.hpp"

namespace kfsim::labour_test {

inline scenario::Scenario baseline(std::vector<std::string> overrides = {}) {
  return scenario::load_scenario(KFSIM_SOURCE_DIR "/scenarios/baseline.toml", model_schema(),
                                 overrides);
}

// One replicate of the baseline with the overrides, to the month `end` ("YYYY-MM").
inline ModelRun run_baseline(std::vector<std::string> overrides, const std::string& end,
                             int threads = 2) {
  overrides.push_back("end=\"" + end + "\"");
  RunControl control;
  control.threads = threads;
  return run_model(baseline(overrides), 0, control);
}

// A run's measure by name; throws for a name the run does not measure.
inline const Measure& measure(const ModelRun& r, const std::string& name) {
  const Measure* found = r.measures.find(name);
  if (found == nullptr) throw std::invalid_argument("no measure named " + name);
  return *found;
}

inline const std::vector<std::int64_t>& counts(const ModelRun& r, const std::string& name) {
  return std::get<std::vector<std::int64_t>>(measure(r, name).values);
}

inline const std::vector<double>& reals(const ModelRun& r, const std::string& name) {
  return std::get<std::vector<double>>(measure(r, name).values);
}

// The text of a data.occupation_trend table with every trend 0, for the
// baseline's occupations.
inline std::string zero_occupation_trends() {
  std::string rows = "occupation,within_industry,higher_education_logit_trend\n";
  for (const char* code :
       {"01",  "11", "12",   "13", "14", "21", "22", "221", "222", "23", "234", "24",
        "25",  "26", "31",   "32", "33", "34", "35", "41",  "42",  "43", "44",  "51",
        "52",  "53", "5321", "54", "61", "62", "71", "711", "712", "72", "73",  "74",
        "741", "75", "81",   "82", "83", "91", "92", "93",  "94",  "95", "96"}) {
    rows += std::string(code) + ",0,0\n";
  }
  return rows;
}

}  // namespace kfsim::labour_test
