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

}  // namespace kfsim
