#pragma once
// Small builders for the scenario keys each model declares, so every key states
// its type, default, range, unit, meaning and source the same way.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/scenario/error.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"

namespace kfsim {

scenario::KeySpec real_key(std::string key, double value, double min, double max, std::string unit,
                           std::string meaning, std::string source);
scenario::KeySpec integer_key(std::string key, std::int64_t value, double min, double max,
                              std::string unit, std::string meaning, std::string source);
// A data table the scenario names (a file; fixed for the run).
scenario::KeySpec data_key(std::string key, std::string meaning, std::string source);

// The error for a key whose value the model's data cannot take (a map entry naming a code the
// tables lack, a start the tables do not hold), pointing at where it was set: `origin` is
// "FILE:LINE:COLUMN" or "FILE:LINE" as the loader writes origins.
scenario::ScenarioError error_at_origin(const std::string& origin, const std::string& key,
                                        const std::string& problem, const std::string& expected);

// A map whose entries are named by codes of a data table, for check_map_codes.
struct MapCodes {
  std::string map;                                         // "education.places_scale"
  std::function<bool(const std::string&)> known;           // is the code in the table?
  std::function<std::string(const std::string&)> problem;  // what is wrong with an unknown code
  std::string expected;                                    // what the entry's name should be
};

// Throws error_at_origin for the first entry of one of `maps`, set in the scenario (in the
// maps' order, each map's entries in its order) or by a policy, whose code is not known.
void check_map_codes(const scenario::Scenario& scenario, const std::vector<MapCodes>& maps);

}  // namespace kfsim
