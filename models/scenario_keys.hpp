#pragma once
// Small builders for the scenario keys each model declares, so every key states
// its type, default, range, unit, meaning and source the same way.
#include <cstdint>
#include <string>

#include "sim/scenario/error.hpp"
#include "sim/scenario/schema.hpp"

namespace kfsim {

scenario::KeySpec real_key(std::string key, double value, double min, double max, std::string unit,
                           std::string meaning, std::string source);
scenario::KeySpec integer_key(std::string key, std::int64_t value, double min, double max,
                              std::string unit, std::string meaning, std::string source);
// A data table the scenario names (a file; fixed for the run).
scenario::KeySpec data_key(std::string key, std::string meaning, std::string source);

// The error for a map entry whose name the model's data does not know, pointing
// at where it was set: `origin` is "FILE:LINE:COLUMN" or "FILE:LINE" as the
// loader writes origins.
scenario::ScenarioError unknown_map_entry(const std::string& origin, const std::string& key,
                                          const std::string& problem, const std::string& expected);

}  // namespace kfsim
