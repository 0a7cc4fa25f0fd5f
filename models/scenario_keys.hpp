#pragma once
// Small builders for the scenario keys each model declares, so every key states
// its type, default, range, unit, meaning and source the same way.
#include <cstdint>
#include <string>

#include "sim/scenario/schema.hpp"

namespace kfsim {

scenario::KeySpec real_key(std::string key, double value, double min, double max, std::string unit,
                           std::string meaning, std::string source);
scenario::KeySpec integer_key(std::string key, std::int64_t value, double min, double max,
                              std::string unit, std::string meaning, std::string source);
// A data table the scenario names (a file; fixed for the run).
scenario::KeySpec data_key(std::string key, std::string meaning, std::string source);

}  // namespace kfsim
