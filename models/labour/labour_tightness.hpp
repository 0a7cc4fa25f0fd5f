#pragma once
// The county's labour-market tightness, the signal the supply responses
// follow: the 12-month moving average of (vacant positions in Østfold /
// registered unemployed residents), relative to the same ratio's average over
// the run's first 12 months; 1 until a full year has passed.
#include <cstdint>
#include <vector>

namespace kfsim {

// The month's ratio of vacancies in Østfold to registered unemployed residents
// (the unemployed counted as at least one, so that the ratio stays finite).
double vacancy_unemployment_ratio(std::int64_t vacancies, std::int64_t unemployed);

// Tightness after the months whose ratios are `ratios` (oldest first).
double tightness_of(const std::vector<double>& ratios);

}  // namespace kfsim
