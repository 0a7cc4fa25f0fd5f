#include "output/parameter_values.hpp"

namespace kfsim::output {

std::string interval_label(bool parameter_uncertainty, std::uint32_t runs) {
  const std::string count = std::to_string(runs) + " run" + (runs == 1 ? "" : "s");
  if (parameter_uncertainty) {
    return "uncertainty interval: parameter and random variation over " + count;
  }
  return "spread over " + count + " (random variation only)";
}

void write_parameter_values(NcWriter& writer, const scenario::Uncertainty& uncertainty,
                            const ParameterDraws& draws, std::uint32_t replicates) {
  writer.set_global({"kfsim_interval", interval_label(!draws.empty(), replicates)});
  writer.set_global({"kfsim_parameter_uncertainty", std::int64_t{draws.empty() ? 0 : 1}});
  if (draws.empty()) return;
  std::vector<std::int32_t> index(draws.keys.size());
  std::vector<std::string> distributions;
  std::vector<std::string> reasons;
  for (std::size_t k = 0; k < draws.keys.size(); ++k) {
    index[k] = static_cast<std::int32_t>(k);
    distributions.push_back(scenario::describe(uncertainty.parameters[k]));
    reasons.push_back(uncertainty.parameters[k].reason);
  }
  writer.add_dimension("parameter", index, "1", "uncertain scenario key (see parameter_name)");
  writer.add_labels("parameter", "parameter_name", draws.keys, "scenario key drawn per replicate");
  writer.add_labels("parameter", "parameter_distribution", distributions,
                    "distribution the key is drawn from (Latin hypercube over the replicates)");
  writer.add_labels("parameter", "parameter_reason", reasons, "what the range rests on");
  writer.add_variable("parameter_value", {"replicate", "parameter"}, draws.values, "1",
                      "value of the scenario key in the replicate (in the key's own unit)");
}

}  // namespace kfsim::output
