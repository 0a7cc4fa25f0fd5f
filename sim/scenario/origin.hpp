#pragma once
// Where a scenario value came from: kept for every key so that messages and the resolved
// scenario can point at the line that set it.
#include <string>
#include <utility>

#include "sim/scenario/error.hpp"

namespace kfsim::scenario {

struct Origin {
  enum class Kind { Default, File, CommandLine };
  Kind kind = Kind::Default;
  // File: the scenario file as it was named; CommandLine: kCommandLine.
  std::string file;
  int line = 0;    // File: 1-based. CommandLine: which --set argument (1-based), 0 for set().
  int column = 0;  // 1-based position in the line or argument.
  // CommandLine: how origin() reports it, e.g. "command line (--set)".
  std::string label;

  static Origin in_file(std::string file, int line, int column) {
    return {Kind::File, std::move(file), line, column, ""};
  }
  static Origin command_line(int argument, int column, std::string label) {
    return {Kind::CommandLine, kCommandLine, argument, column, std::move(label)};
  }

  // "default", "path:line:col", or the command-line label.
  std::string describe() const {
    switch (kind) {
      case Kind::Default:
        return "default";
      case Kind::File:
        return file + ":" + std::to_string(line) + ":" + std::to_string(column);
      case Kind::CommandLine:
        return label;
    }
    return "default";
  }

  ScenarioError error(std::string key, std::string problem, std::string expected) const {
    return ScenarioError(file, line, column, std::move(key), std::move(problem),
                         std::move(expected));
  }
};

}  // namespace kfsim::scenario
