#pragma once
// Shared by the labour-market tests: the baseline scenario, loaded the way the
// command line loads it, with a short horizon so that each run stays quick.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "models/model.hpp"
#include "sim/scenario/scenario.hpp"

namespace kfsim::labour_test {

inline scenario::Scenario baseline(std::vector<std::string> overrides = {}) {
  return scenario::load_scenario(KFSIM_SOURCE_DIR "/scenarios/baseline.toml", model_schema(),
                                 overrides);
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

}  // namespace kfsim::labour_test
