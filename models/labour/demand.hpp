#pragma once
// Demand as plain functions: how many positions each demand cell (industry,
// then the outside labour market, x work area x occupation) should hold this
// month, from the positions it held on the start date, the growth reached by
// each industry and the weight reached by each occupation. The caller owns
// the positions and adds or abolishes them to meet the targets.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace kfsim {

// The demand cells: (industry incl. outside) x area x occupation, occupation fastest.
struct DemandGrid {
  std::size_t industries = 0;  // industries incl. the outside one, which is last
  std::size_t areas = 0;
  std::size_t occupations = 0;

  std::size_t cells() const { return industries * areas * occupations; }
  std::size_t cell_of(std::size_t industry, std::size_t area, std::size_t occupation) const {
    return (industry * areas + area) * occupations + occupation;
  }
};

// Each occupation's weight in each (industry, area), [cell]: its factor times
// its composition factor in the industry (`composition`, [industry incl.
// outside][occupation], apply_service_composition; empty: 1), rescaled so that
// the (industry, area)'s start-date positions keep their total. Cells of an
// (industry, area) with no positions, or whose weights all vanish, keep weight
// 1; with every factor 1 every weight is exactly 1.
std::vector<double> occupation_weights(const DemandGrid& grid,
                                       std::span<const std::int32_t> initial_cell_positions,
                                       std::span<const double> occupation_factor,
                                       std::span<const double> composition = {});

// The positions each cell should hold, [cell]: the start date's positions
// times the industry's factor ([industry incl. outside]) and the occupation's
// weight, rounded, less demand withdrawn unfilled (`unmet`, updated as
// realised_target in unmet_demand.hpp does). A cell with no positions on the
// start date keeps what it has.
std::vector<std::int32_t> cell_targets(const DemandGrid& grid,
                                       std::span<const std::int32_t> initial_cell_positions,
                                       std::span<const double> industry_factor,
                                       std::span<const double> occupation_weight,
                                       std::span<const std::int32_t> current,
                                       std::span<std::int32_t> unmet);

}  // namespace kfsim
