#pragma once
// In-commuters from outside Østfold: how many a municipality's employers hold
// as the county's labour market tightens or slackens, and which vacancies the
// extra ones take.
#include <cstdint>
#include <span>
#include <vector>

namespace kfsim {

// In-commuters wanted in a municipality: its 2024 number times
// tightness^elasticity, rounded; exactly the 2024 number when the elasticity
// is 0 or the market as tight as at the start.
std::int64_t in_commuter_goal(std::int64_t base, double tightness, double elasticity);

// Of the vacant slots `vacant`, those open at least `min_months` whole months
// before this one (`months_vacant` by slot), in the order given: the positions
// employers have failed to fill from the county.
std::vector<std::int32_t> long_open(const std::vector<std::int32_t>& vacant,
                                    std::span<const std::int16_t> months_vacant, int min_months);

}  // namespace kfsim
