#pragma once
// A named attribute of a result file, a variable or a dimension: text or a single number.
#include <cstdint>
#include <string>
#include <variant>

namespace kfsim::output {

struct Attribute {
  using Value = std::variant<std::string, std::int64_t, double>;
  std::string name;
  Value value;
};

// The value as `kfsim info` prints it: text as it is, numbers in the shortest form that reads
// back to the same value.
std::string value_text(const Attribute::Value& value);
std::string number_text(double value);

}  // namespace kfsim::output
