// kfsim check: validate a scenario and print it fully resolved.
#include <iostream>

#include "models/data/csv_table.hpp"
#include "models/model.hpp"
#include "models/model_data.hpp"
#include "sim/app/command_line.hpp"
#include "sim/app/commands.hpp"
#include "sim/run/parameter_draws.hpp"

namespace kfsim::app {

namespace po = boost::program_options;

int command_check(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string scenario_file;
  std::vector<std::string> overrides;
  options.add_options()("help,h", "show this help")(
      "scenario", po::value(&scenario_file)->required(), "scenario file (TOML)")(
      "set", po::value(&overrides)->composing(), "override a scenario key: --set key=value");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (auto code = parse_options(args, options, positional, values,
                                "Usage: kfsim check SCENARIO.toml [--set key=value ...]\n\n"
                                "Validates a scenario and prints it fully resolved (extends, "
                                "defaults and overrides applied), each value with its origin.")) {
    return *code;
  }
  try {
    const auto scenario = scenario::load_scenario(scenario_file, model_schema(), overrides);
    // The data tables, and every key naming one of their codes, are checked as `run` checks
    // them, before anything is printed: what `check` accepts, `run` accepts.
    const ModelData data(scenario);
    data.check_keys(scenario);
    std::cout << scenario.resolved_toml();
    // A sweep is listed as comments, so that the text above stays a scenario that loads; every
    // point is checked as `run` would set it up.
    const scenario::Sweep& sweep = scenario.sweep();
    if (!sweep.empty()) {
      std::cout << "\n# [sweep] (" << (sweep.mode == scenario::Sweep::Mode::Grid ? "grid" : "list")
                << "): " << sweep.points() << " points, each run with every replicate\n";
      for (std::size_t i = 0; i < sweep.points(); ++i) {
        data.check_keys(scenario.at_sweep_point(i));
        std::cout << "#   point " << i << ": " << sweep.describe_point(i) << "\n";
      }
    }
    // Likewise the [uncertainty] table, and what each replicate draws from it with the
    // scenario's seed and replicates, each drawn scenario checked as `run` would set it up.
    const scenario::Uncertainty& uncertainty = scenario.uncertainty();
    if (!uncertainty.empty()) {
      const auto replicates = static_cast<std::uint32_t>(scenario.integer("replicates"));
      const ParameterDraws draws = draw_parameters(
          uncertainty, static_cast<std::uint64_t>(scenario.integer("seed")), replicates);
      std::cout << "\n# [uncertainty]: " << uncertainty.parameters.size()
                << " keys, each replicate drawing its own values (Latin hypercube over "
                << replicates << " replicates; seed " << scenario.integer("seed") << ")\n";
      for (const auto& parameter : uncertainty.parameters) {
        std::cout << "#   " << parameter.key << " ~ " << scenario::describe(parameter) << "  ("
                  << parameter.reason << "; " << parameter.origin << ")\n";
      }
      for (std::uint32_t r = 0; r < replicates; ++r) {
        data.check_keys(scenario_for_replicate(scenario, uncertainty, draws, r));
        std::cout << "#   replicate " << r << ":";
        for (std::size_t k = 0; k < draws.keys.size(); ++k) {
          std::cout << (k == 0 ? " " : ", ") << draws.keys[k] << " = "
                    << scenario::format_number(draws.value(r, k));
        }
        std::cout << "\n";
      }
    }
  } catch (const scenario::ScenarioError& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;
  } catch (const data::DataError& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace kfsim::app
