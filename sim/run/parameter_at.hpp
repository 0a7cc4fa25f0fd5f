#pragma once
// The value of a scenario key in a given month: the scenario's value, replaced
// by each dated policy on that key that is in force then (later policies in
// the list win, so a scenario that extends another can override its policies).
#include <string_view>

#include "sim/scenario/scenario.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

double real_at(const scenario::Scenario& scenario, std::string_view key, Month month);
bool policy_in_force(const scenario::Policy& policy, Month month);

}  // namespace kfsim
