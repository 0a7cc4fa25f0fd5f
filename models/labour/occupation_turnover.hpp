#pragma once
// Turnover that differs by occupation: each occupation's quit rate relative to
// the whole economy's (data.turnover_by_occupation, derived by
// scenarios/data/derive/derive_turnover.py from KS's turnover out of the
// municipal sector by position code, 2017-2022). Assistants in kindergartens,
// schools and care leave twice as often as the sector on average, teachers
// less often; with one age-sex profile for all, the model would renew every
// occupation's staff at the same pace.
#include <filesystem>
#include <span>
#include <vector>

namespace kfsim {

struct Categories;  // labour_data.hpp

// Reads data.turnover_by_occupation (CSV: occupation,quit_factor[,...]): at
// most one row per occupation of `occupations`, the factor in [0.1, 10].
// Occupations without a row get factor 1. An unknown or repeated code or a
// factor out of range is a DataError naming file, line and column.
std::vector<double> load_turnover_by_occupation(const std::filesystem::path& file,
                                                const Categories& occupations);

// The quit factor of each occupation under labour.occupation_turnover_scale:
// relative[o]^scale, rescaled so that the start date's quits stay what the
// age-sex rates give: sum_o start_quits[o] * factor[o] = sum_o start_quits[o],
// where start_quits[o] is the expected monthly quits of the occupation's
// employed on the start date under the age-sex rates alone. Empty (every
// factor exactly 1) when `relative` is empty or the scale is 0.
std::vector<double> occupation_quit_factors(std::span<const double> relative, double scale,
                                            std::span<const double> start_quits);

}  // namespace kfsim
