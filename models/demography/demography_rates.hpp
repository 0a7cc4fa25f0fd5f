#pragma once
// Monthly event probabilities for one calendar year, computed once a year (or
// when a policy changes a parameter) from the annual rates in DemographyData,
// so the monthly loop over persons only looks numbers up.
#include <cstdint>
#include <vector>

#include "models/demography/demography_data.hpp"
#include "models/demography/demography_params.hpp"

namespace kfsim {

struct DemographyRates {
  std::vector<double> death_prob;       // [sex][age 0..110]
  std::vector<double> birth_prob;       // [age 0..105]
  std::vector<double> out_prob;         // [municipality][sex][age]
  std::vector<double> in_per_month;     // expected in-movers from outside, [municipality][sex][age]
  std::vector<double> destination_cdf;  // internal moves: [origin][destination], cumulative
  double internal_move_share = 0.0;
  double male_share_at_birth = 0.5;
};

// Annual rates become monthly probabilities as 1 - exp(-rate / 12) for central
// rates (deaths, births) and 1 - (1 - p)^(1/12) for annual probabilities
// (out-migration). Internal movers choose a destination in proportion to its
// population (assumption: no municipal origin-destination matrix is available
// for Østfold), excluding their own municipality.
DemographyRates demography_rates(const DemographyData& data, const DemographyParams& params,
                                 int year,
                                 const std::vector<std::int64_t>& population_by_municipality);

}  // namespace kfsim
