#pragma once
// The values a scenario key can hold, and how they are written back as TOML.
#include <cstdint>
#include <string>
#include <variant>

#include "sim/time/month.hpp"

namespace kfsim::scenario {

// File is a path to an existing file, relative to the scenario file that set it; it is stored
// resolved (absolute, lexically normal) as a std::string.
enum class Type { Integer, Real, Boolean, String, Month, File };

using Value = std::variant<std::int64_t, double, bool, std::string, kfsim::Month>;

// "integer", "real number", "boolean", "string", "month (\"YYYY-MM\")", "path to an existing file".
std::string type_name(Type type);

// The value as a TOML literal that reads back to the same value: reals in shortest exact form
// and always with a '.' or exponent (so they stay reals), strings quoted and escaped, months
// as "YYYY-MM".
std::string format_value(const Value& value);

// What a value is, for messages that say what was found: "integer 3", "string \"abc\"".
// Long strings are shortened.
std::string describe_value(const Value& value);

// A bound or a number in a message as people write it: "10" rather than "10.0", "0.25".
std::string format_number(double number);

}  // namespace kfsim::scenario
