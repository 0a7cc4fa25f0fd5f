#pragma once
// The one exception a scenario that cannot be used raises: it says where (file, line, column),
// which key, what is wrong and what was expected, so the user can fix the file without reading
// kfsim's source.
#include <stdexcept>
#include <string>

namespace kfsim::scenario {

// The "file" of errors in --set arguments and in Scenario::set.
inline constexpr const char* kCommandLine = "command line";

class ScenarioError : public std::runtime_error {
 public:
  // what() is "FILE:LINE:COLUMN: key 'KEY': PROBLEM; expected EXPECTED". Line and column are
  // 1-based; where there is no position (line 0, e.g. a file that cannot be read) they are left
  // out, and so is the key part where no key is involved (a TOML syntax error). For --set
  // arguments the line is the argument's position among them and the column lies within it.
  ScenarioError(std::string file, int line, int column, std::string key, std::string problem,
                std::string expected);

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& key() const { return key_; }
  const std::string& problem() const { return problem_; }
  const std::string& expected() const { return expected_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string key_;
  std::string problem_;
  std::string expected_;
};

}  // namespace kfsim::scenario
