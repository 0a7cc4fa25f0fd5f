#include "models/labour/labour_in_commuting.hpp"

#include <algorithm>
#include <cmath>

#include "models/labour/positions.hpp"

namespace kfsim {

std::int64_t in_commuter_goal(std::int64_t base, double tightness, double elasticity) {
  if (elasticity == 0.0 || tightness == 1.0) return base;
  return std::llround(static_cast<double>(base) * std::pow(std::max(tightness, 0.0), elasticity));
}

std::vector<std::int32_t> long_open(const std::vector<std::int32_t>& vacant,
                                    std::span<const std::int16_t> months_vacant, int min_months) {
  std::vector<std::int32_t> out;
  for (auto p : vacant) {
    if (open_at_least(months_vacant[static_cast<std::size_t>(p)], min_months)) out.push_back(p);
  }
  return out;
}

}  // namespace kfsim
