#pragma once
// The values each replicate drew for the keys of the scenario's [uncertainty] table, written
// beside its measures, and the global attribute that says what the spread over the replicates
// holds: parameter and random variation, or random variation only.
#include "output/nc_file.hpp"
#include "sim/run/parameter_draws.hpp"
#include "sim/scenario/uncertainty.hpp"

namespace kfsim::output {

// "uncertainty interval: parameter and random variation over 10 runs" or "spread over 5 runs
// (random variation only)".
std::string interval_label(bool parameter_uncertainty, std::uint32_t runs);

// Writes the dimension `parameter` (0, 1, ...), its labels parameter_name(parameter) and
// parameter_distribution(parameter), the variable parameter_value(replicate, parameter), and
// the global attributes kfsim_interval and kfsim_parameter_uncertainty (0 or 1). Without
// draws only the attributes. The replicate dimension must already exist.
void write_parameter_values(NcWriter& writer, const scenario::Uncertainty& uncertainty,
                            const ParameterDraws& draws, std::uint32_t replicates);

}  // namespace kfsim::output
