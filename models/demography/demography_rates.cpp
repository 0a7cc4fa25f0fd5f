#include "models/demography/demography_rates.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kfsim {

namespace {
double monthly_from_central_rate(double annual_rate) { return -std::expm1(-annual_rate / 12.0); }
double monthly_from_annual_probability(double p) {
  return -std::expm1(std::log1p(-std::min(p, 0.999999)) / 12.0);
}
}  // namespace

DemographyRates demography_rates(const DemographyData& data, const DemographyParams& params,
                                 int year,
                                 const std::vector<std::int64_t>& population_by_municipality) {
  DemographyRates rates;
  const double improvement =
      std::pow(1.0 - params.mortality_improvement, year - params.mortality_reference_year);
  rates.death_prob.resize(data.death_rate.size());
  for (std::size_t i = 0; i < data.death_rate.size(); ++i) {
    rates.death_prob[i] =
        monthly_from_central_rate(data.death_rate[i] * params.mortality_scale * improvement);
  }
  rates.birth_prob.resize(data.fertility_rate.size());
  for (std::size_t i = 0; i < data.fertility_rate.size(); ++i) {
    rates.birth_prob[i] =
        monthly_from_central_rate(data.fertility_rate[i] * params.fertility_scale);
  }
  rates.out_prob.resize(data.out_rate.size());
  rates.in_per_month.resize(data.in_count.size());
  for (std::size_t i = 0; i < data.out_rate.size(); ++i) {
    rates.out_prob[i] = monthly_from_annual_probability(
        std::min(0.999, data.out_rate[i] * params.out_migration_scale));
    rates.in_per_month[i] = data.in_count[i] * params.in_migration_scale / 12.0;
  }
  const std::size_t n = data.municipalities.size();
  // A municipality's net migration offset scales its in-movers from outside, so their ages
  // and sexes keep the pattern of data.migration.
  const std::size_t per_municipality = n == 0 ? 0 : data.in_count.size() / n;
  for (std::size_t m = 0; m < params.net_migration_offset.size() && m < n; ++m) {
    const double offset = params.net_migration_offset[m];
    if (offset == 0.0) continue;
    const auto first =
        rates.in_per_month.begin() + static_cast<std::ptrdiff_t>(m * per_municipality);
    const auto last = first + static_cast<std::ptrdiff_t>(per_municipality);
    const double in_per_year = 12.0 * std::accumulate(first, last, 0.0);
    if (in_per_year <= 0.0) continue;
    const double extra = offset * static_cast<double>(population_by_municipality[m]) / 1000.0;
    const double factor = std::max(0.0, 1.0 + extra / in_per_year);
    for (auto it = first; it != last; ++it) *it *= factor;
  }
  rates.destination_cdf.assign(n * n, 0.0);
  for (std::size_t origin = 0; origin < n; ++origin) {
    double total = 0.0;
    for (std::size_t dest = 0; dest < n; ++dest) {
      if (dest != origin) total += static_cast<double>(population_by_municipality[dest]);
    }
    double running = 0.0;
    for (std::size_t dest = 0; dest < n; ++dest) {
      if (dest != origin && total > 0) {
        running += static_cast<double>(population_by_municipality[dest]) / total;
      }
      rates.destination_cdf[origin * n + dest] = running;
    }
    // Guard against rounding: the last reachable destination closes the CDF.
    for (std::size_t dest = n; dest-- > 0;) {
      if (dest != origin) {
        rates.destination_cdf[origin * n + dest] = 1.0;
        break;
      }
    }
  }
  rates.internal_move_share = params.internal_move_share;
  rates.male_share_at_birth = params.male_share_at_birth;
  return rates;
}

}  // namespace kfsim
