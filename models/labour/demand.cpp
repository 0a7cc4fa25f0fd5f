// Demand targets (demand.hpp).
#include "models/labour/demand.hpp"

#include <cmath>

#include "models/labour/unmet_demand.hpp"

namespace kfsim {

std::vector<double> occupation_weights(const DemandGrid& grid,
                                       std::span<const std::int32_t> initial_cell_positions,
                                       std::span<const double> occupation_factor,
                                       std::span<const double> composition) {
  std::vector<double> weight(grid.cells(), 1.0);
  std::vector<double> factor(grid.occupations, 1.0);
  for (std::size_t i = 0; i < grid.industries; ++i) {
    for (std::size_t o = 0; o < grid.occupations; ++o) {
      factor[o] = composition.empty()
                      ? occupation_factor[o]
                      : occupation_factor[o] * composition[i * grid.occupations + o];
    }
    for (std::size_t a = 0; a < grid.areas; ++a) {
      double before = 0;
      double after = 0;
      for (std::size_t o = 0; o < grid.occupations; ++o) {
        const auto n = static_cast<double>(initial_cell_positions[grid.cell_of(i, a, o)]);
        before += n;
        after += n * factor[o];
      }
      if (before <= 0 || after <= 0) continue;
      const double scale = before / after;
      for (std::size_t o = 0; o < grid.occupations; ++o) {
        weight[grid.cell_of(i, a, o)] = factor[o] * scale;
      }
    }
  }
  return weight;
}

std::vector<std::int32_t> cell_targets(const DemandGrid& grid,
                                       std::span<const std::int32_t> initial_cell_positions,
                                       std::span<const double> industry_factor,
                                       std::span<const double> occupation_weight,
                                       std::span<const std::int32_t> current,
                                       std::span<std::int32_t> unmet) {
  std::vector<std::int32_t> target(current.begin(), current.end());
  for (std::size_t i = 0; i < grid.industries; ++i) {
    for (std::size_t a = 0; a < grid.areas; ++a) {
      for (std::size_t o = 0; o < grid.occupations; ++o) {
        const std::size_t cell = grid.cell_of(i, a, o);
        if (initial_cell_positions[cell] == 0) continue;
        const auto desired = static_cast<std::int32_t>(std::llround(
            initial_cell_positions[cell] * industry_factor[i] * occupation_weight[cell]));
        // Demand withdrawn unfilled is not posted again while it lasts.
        target[cell] = realised_target(desired, current[cell], unmet[cell]);
      }
    }
  }
  return target;
}

}  // namespace kfsim
