#include "sim/run/parameter_at.hpp"

#include <cstdint>
#include <variant>

namespace kfsim {

bool policy_in_force(const scenario::Policy& policy, Month month) {
  return policy.start <= month && (!policy.end || month <= *policy.end);
}

double real_at(const scenario::Scenario& scenario, std::string_view key, Month month) {
  double value = scenario.real(key);
  for (const auto& policy : scenario.policies()) {
    if (policy.key != key || !policy_in_force(policy, month)) continue;
    if (const auto* real = std::get_if<double>(&policy.value)) {
      value = *real;
    } else if (const auto* integer = std::get_if<std::int64_t>(&policy.value)) {
      value = static_cast<double>(*integer);
    }
  }
  return value;
}

}  // namespace kfsim
