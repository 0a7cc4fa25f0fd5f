#include "output/attribute.hpp"

#include <array>
#include <charconv>

namespace kfsim::output {

std::string number_text(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

std::string value_text(const Attribute::Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  return number_text(std::get<double>(value));
}

}  // namespace kfsim::output
