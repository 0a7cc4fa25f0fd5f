#include "models/scenario_keys.hpp"

namespace kfsim {

scenario::KeySpec real_key(std::string key, double value, double min, double max, std::string unit,
                           std::string meaning, std::string source) {
  scenario::KeySpec spec;
  spec.key = std::move(key);
  spec.type = scenario::Type::Real;
  spec.default_value = value;
  spec.min = min;
  spec.max = max;
  spec.unit = std::move(unit);
  spec.meaning = std::move(meaning);
  spec.source = std::move(source);
  return spec;
}

scenario::KeySpec integer_key(std::string key, std::int64_t value, double min, double max,
                              std::string unit, std::string meaning, std::string source) {
  scenario::KeySpec spec =
      real_key(std::move(key), 0, min, max, std::move(unit), std::move(meaning), std::move(source));
  spec.type = scenario::Type::Integer;
  spec.default_value = value;
  return spec;
}

scenario::KeySpec data_key(std::string key, std::string meaning, std::string source) {
  scenario::KeySpec spec;
  spec.key = std::move(key);
  spec.type = scenario::Type::File;
  spec.meaning = std::move(meaning);
  spec.source = std::move(source);
  spec.policy_settable = false;
  return spec;
}

scenario::ScenarioError error_at_origin(const std::string& origin, const std::string& key,
                                        const std::string& problem, const std::string& expected) {
  std::string file = origin;
  int numbers[2] = {0, 0};
  int found = 0;
  for (int k = 0; k < 2; ++k) {
    const std::size_t colon = file.rfind(':');
    if (colon == std::string::npos) break;
    const std::string tail = file.substr(colon + 1);
    if (tail.empty() || tail.find_first_not_of("0123456789") != std::string::npos) break;
    numbers[k] = std::stoi(tail);
    file.resize(colon);
    ++found;
  }
  const int line = found == 2 ? numbers[1] : numbers[0];
  const int column = found == 2 ? numbers[0] : 0;
  return scenario::ScenarioError(file, line, column, key, problem, expected);
}

void check_map_codes(const scenario::Scenario& scenario, const std::vector<MapCodes>& maps) {
  const auto check = [&](const std::string& key, const std::string& origin) {
    for (const MapCodes& codes : maps) {
      const std::string head = codes.map + ".";
      if (key.rfind(head, 0) != 0) continue;
      const std::string code = key.substr(head.size());
      if (!codes.known(code)) {
        throw error_at_origin(origin, key, codes.problem(code), codes.expected);
      }
    }
  };
  for (const MapCodes& codes : maps) {
    for (const auto& entry : scenario.entries(codes.map)) {
      const std::string key = codes.map + "." + entry.first;
      check(key, scenario.origin(key));
    }
  }
  for (const auto& policy : scenario.policies()) check(policy.key, policy.origin);
}

}  // namespace kfsim
