#pragma once
// The occupational structure within industries: each occupation's share of its
// industries' positions moves along a yearly trend beyond what the industry mix
// explains (data.occupation_trend, derived by
// scenarios/data/derive/derive_occupation_trend.py from SSB's register of the
// employed by occupation, 2015-2020). Cedefop's skills forecast and SSB's
// projections by occupation carry such a trend; without it each industry would
// keep its 2024 staffing for ever, low-skilled work its share, while the
// county's people become better educated, and the shrinking number of people
// with primary school only would find work ever more easily.
#include <filesystem>
#include <vector>

namespace kfsim {

struct Categories;  // labour_data.hpp

// The trends of data.occupation_trend, by occupation.
struct OccupationTrends {
  std::vector<double> within_industry;         // yearly change of the share of positions
  std::vector<double> higher_education_logit;  // yearly change of the log-odds of
                                               // the requirement at bachelor level or above
  bool empty() const { return within_industry.empty(); }
};

// Reads data.occupation_trend (CSV: occupation,within_industry,
// higher_education_logit_trend[,...]): one row for each occupation of
// `occupations`, the share trend in [-0.1, 0.1] and the log-odds trend in
// [-0.5, 0.5] a year. An unknown or repeated code, a missing occupation or a
// value out of range is a DataError naming file, line and column.
OccupationTrends load_occupation_trend(const std::filesystem::path& file,
                                       const Categories& occupations);

// The yearly trend of occupation `o`'s share: the data's trend times
// labour.occupation_trend_scale, plus the scenario's
// labour.occupation_demand_trend. With scale 0 and no scenario trend it is
// exactly 0, so the positions follow the start date's staffing to the last bit.
double occupation_share_trend(const std::vector<double>& data_trend, double scale,
                              const std::vector<double>& scenario_trend, std::size_t o);

}  // namespace kfsim
