#pragma once
// Checking one value against its key's spec: the same rules for values from files, from
// policies, from --set and from Scenario::set.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "sim/scenario/schema.hpp"
#include "sim/scenario/value.hpp"

namespace kfsim::scenario {

// What is wrong with a value, in the two halves of a ScenarioError message.
struct Problem {
  std::string what;      // "got string \"abc\""
  std::string expected;  // "real number in [0, 10] (unit: per year)"
};

// What a valid value of the key looks like, with its range, choices and unit.
std::string expectation(const KeySpec& spec);

// Checks value against spec and brings it to the spec's canonical form: an integer becomes a
// real for a Real key, a "YYYY-MM" string a Month, a File path is resolved against base_dir and
// made absolute and lexically normal. With file_must_exist false a File path must already be
// absolute and is not looked up (schema defaults, which belong to no folder).
std::optional<Problem> check_value(const KeySpec& spec, Value& value,
                                   const std::filesystem::path& base_dir,
                                   bool file_must_exist = true);

// What a map takes where the map's key is written: a table of entries, each checked as
// expectation(map) says.
std::string map_expectation(const KeySpec& map);

// An entry of a map whose name is not one; what is expected names the map.
Problem bad_entry_name(const KeySpec& map, std::string_view name);

// Does text consist only of the characters of a KeySpec::charset?
bool matches_charset(std::string_view text, std::string_view charset);

}  // namespace kfsim::scenario
