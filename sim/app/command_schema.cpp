// kfsim schema: every scenario key with its type, default, unit, range and meaning.
#include <iostream>

#include "models/model.hpp"
#include "sim/app/commands.hpp"

namespace kfsim::app {

int command_schema(const std::vector<std::string>& args) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "Usage: kfsim schema\n\nPrints every scenario key with its type, default, unit, "
                 "allowed range and meaning.\n";
    return kExitOk;
  }
  if (!args.empty()) {
    std::cerr << "kfsim: schema takes no arguments\n";
    return kExitUsage;
  }
  std::cout << model_schema().describe();
  return kExitOk;
}

}  // namespace kfsim::app
