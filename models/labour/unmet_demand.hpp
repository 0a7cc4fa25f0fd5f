#pragma once
// Unmet demand: positions that employers gave up on. A position in Østfold
// left vacant for a stated number of months is withdrawn and counted as unmet
// demand in its cell (industry, work area, occupation); the cell's demand path
// then holds that many fewer positions, so that the economy's positions cannot
// grow without limit beyond the people who can fill them.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "models/labour/positions.hpp"
#include "sim/rng/random.hpp"

namespace kfsim {

// The vacant positions, not yet abolished, in a work area below `outside_area`
// that have been vacant for `months` or more, in slot order; each is added to
// unmet[cell_of_position(p)], and the caller abolishes them. months <= 0: none.
// (The cell is asked for the withdrawn positions only: a few a month.)
std::vector<std::size_t> withdraw_long_vacant(
    const Positions& positions, const std::function<std::size_t(std::size_t)>& cell_of_position,
    int months, std::size_t outside_area, std::span<std::int32_t> unmet);

// How many of a cell's `unmet` withdrawn positions its employers post again
// this month, each with probability `probability`, from `draws` (one draw per
// withdrawn position). An employer who gave up a post tries again later: the
// post was needed, and the market may have changed.
std::int32_t reposted(std::int32_t unmet, double probability, rng::Draws& draws);

// The positions a cell holds when `desired` are wanted, `current` exist and
// `unmet` were withdrawn unfilled. When demand falls, unmet demand goes first,
// so that current + unmet never exceeds what is wanted: `unmet` is updated.
std::int32_t realised_target(std::int32_t desired, std::int32_t current, std::int32_t& unmet);

}  // namespace kfsim
