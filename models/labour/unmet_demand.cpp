#include "models/labour/unmet_demand.hpp"

#include <algorithm>

namespace kfsim {

std::vector<std::size_t> withdraw_long_vacant(
    const Positions& positions, const std::function<std::size_t(std::size_t)>& cell_of_position,
    int months, std::size_t outside_area, std::span<std::int32_t> unmet) {
  std::vector<std::size_t> withdrawn;
  if (months <= 0) return withdrawn;
  const auto& pos = positions.table;
  const auto& holder = pos.column(positions.holder);
  const auto& vacant_for = pos.column(positions.months_vacant);
  const auto& area = pos.column(positions.area);
  const auto& abolished = pos.column(positions.abolished);
  for (std::size_t p = 0; p < pos.size(); ++p) {
    if (holder[p] != kVacant || abolished[p] || vacant_for[p] < months) continue;
    if (static_cast<std::size_t>(area[p]) >= outside_area) continue;
    ++unmet[cell_of_position(p)];
    withdrawn.push_back(p);
  }
  return withdrawn;
}

std::int32_t reposted(std::int32_t unmet, double probability, rng::Draws& draws) {
  if (unmet <= 0 || probability <= 0) return 0;
  std::int32_t n = 0;
  for (std::int32_t k = 0; k < unmet; ++k) n += draws.bernoulli(probability) ? 1 : 0;
  return n;
}

std::int32_t realised_target(std::int32_t desired, std::int32_t current, std::int32_t& unmet) {
  if (unmet > 0) unmet = std::min(unmet, std::max<std::int32_t>(0, desired - current));
  return desired - unmet;
}

}  // namespace kfsim
