#include "sim/scenario/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "sim/scenario/text.hpp"

namespace kfsim::scenario {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
// Clang before 17 does not deduce the arguments of an aggregate template by itself.
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string shortest(double number) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, result.ptr);
}

// A TOML basic string. Malformed UTF-8 cannot be written in TOML at all, so such bytes become
// U+FFFD; values that passed validation never contain any.
std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) {
      out += "\\uFFFD";
      ++pos;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out.append(text, pos, length);
        }
    }
    pos += length;
  }
  out += '"';
  return out;
}

}  // namespace

std::string type_name(Type type) {
  switch (type) {
    case Type::Integer:
      return "integer";
    case Type::Real:
      return "real number";
    case Type::Boolean:
      return "boolean";
    case Type::String:
      return "string";
    case Type::Month:
      return "month (\"YYYY-MM\")";
    case Type::File:
      return "path to an existing file";
  }
  return "unknown type";
}

std::string format_value(const Value& value) {
  return std::visit(Overloaded{
                        [](std::int64_t v) { return std::to_string(v); },
                        [](double v) {
                          if (std::isnan(v)) return std::string("nan");
                          if (std::isinf(v)) return std::string(v > 0 ? "inf" : "-inf");
                          std::string text = shortest(v);
                          // "1" would read back as an integer.
                          if (text.find_first_of(".e") == std::string::npos) text += ".0";
                          return text;
                        },
                        [](bool v) { return std::string(v ? "true" : "false"); },
                        [](const std::string& v) { return toml_string(v); },
                        [](const kfsim::Month& v) { return "\"" + v.to_string() + "\""; },
                    },
                    value);
}

std::string describe_value(const Value& value) {
  return std::visit(Overloaded{
                        [](std::int64_t v) { return "integer " + std::to_string(v); },
                        [&](double) { return "real number " + format_value(value); },
                        [](bool v) { return std::string("boolean ") + (v ? "true" : "false"); },
                        [](const std::string& v) { return "string \"" + printable(v, 60) + "\""; },
                        [](const kfsim::Month& v) { return "month " + v.to_string(); },
                    },
                    value);
}

std::string format_number(double number) {
  if (std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<long long>(number));
  }
  return shortest(number);
}

}  // namespace kfsim::scenario
