#pragma once
// Shared by the labour-market tests: the baseline scenario, loaded the way the
// command line loads it, with a short horizon so that each run stays quick.
#include <string>
#include <vector>

#include "models/model.hpp"
#include "sim/scenario/scenario.hpp"

namespace kfsim::labour_test {

inline scenario::Scenario baseline(std::vector<std::string> overrides = {}) {
  return scenario::load_scenario(KFSIM_SOURCE_DIR "/scenarios/baseline.toml", model_schema(),
                                 overrides);
}

}  // namespace kfsim::labour_test
