#include "sim/scenario/error.hpp"

#include <utility>

#include "sim/scenario/text.hpp"

namespace kfsim::scenario {
namespace {

std::string compose(const std::string& file, int line, int column, const std::string& key,
                    const std::string& problem, const std::string& expected) {
  std::string message = printable(file, 400);
  if (line > 0) message += ":" + std::to_string(line) + ":" + std::to_string(column);
  message += ": ";
  if (!key.empty()) message += "key '" + printable(key) + "': ";
  message += problem;
  if (!expected.empty()) message += "; expected " + expected;
  return message;
}

}  // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string key,
                             std::string problem, std::string expected)
    : std::runtime_error(compose(file, line, column, key, problem, expected)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      key_(std::move(key)),
      problem_(std::move(problem)),
      expected_(std::move(expected)) {}

}  // namespace kfsim::scenario
