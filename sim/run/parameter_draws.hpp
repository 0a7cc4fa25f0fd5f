#pragma once
// The values each replicate takes for the keys of a scenario's [uncertainty] table: a Latin
// hypercube over the replicates. For each key the replicates share out the strata
// [k/R, (k+1)/R) of its distribution, one each, in an order drawn from the seed; within its
// stratum each replicate draws a point. The draws depend on the seed and the number of
// replicates only (not on threads or processes), so every process of a run computes the same
// table, and R replicates cover each parameter's range evenly however small R is.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace kfsim {

struct ParameterDraws {
  std::vector<std::string> keys;  // as in the [uncertainty] table, in its order
  std::vector<double> values;     // replicate-major: values[r * keys.size() + k]
  std::uint32_t replicates = 0;

  bool empty() const { return keys.empty(); }
  double value(std::uint32_t replicate, std::size_t key) const {
    return values[replicate * keys.size() + key];
  }
};

ParameterDraws draw_parameters(const scenario::Uncertainty& uncertainty, std::uint64_t seed,
                               std::uint32_t replicates);

// The scenario as replicate r runs it: every drawn key set to its value (origin "uncertainty
// draw, replicate r"). Without draws, the scenario itself.
scenario::Scenario scenario_for_replicate(const scenario::Scenario& scenario,
                                          const scenario::Uncertainty& uncertainty,
                                          const ParameterDraws& draws, std::uint32_t replicate);

}  // namespace kfsim
