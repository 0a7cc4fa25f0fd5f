#pragma once
// The one exception type of kfsim_output: every failure to write or read a result file, with the
// file name and what failed, so that the command line can print it as it is.
#include <stdexcept>
#include <string>

namespace kfsim::output {

class OutputError : public std::runtime_error {
 public:
  explicit OutputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace kfsim::output
