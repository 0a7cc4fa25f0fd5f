// Separations (separations.hpp).
#include "models/labour/separations.hpp"

#include <algorithm>
#include <cmath>

#include "models/labour/labour_data.hpp"
#include "models/population/ages.hpp"

namespace kfsim {

JobDraw draw_job_event(const EmployedPerson& person, const SeparationRates& rates,
                       const rng::RngKey& key, Month month) {
  // The draws are taken in the order every status uses on this stream.
  rng::Draws draws(key, static_cast<std::uint64_t>(person.id), month,
                   rng::Stream::LabourSeparation);
  SeparationDraws u{};
  for (double* next : {&u.retire, &u.disability, &u.quit, &u.layoff, &u.search, &u.quit_where}) {
    *next = draws.uniform();
  }
  return draw_job_event(person, rates, u);
}

JobDraw draw_job_event(const EmployedPerson& person, const SeparationRates& rates,
                       const SeparationDraws& u) {
  const auto sex = static_cast<std::size_t>(person.sex);
  const double retire =
      rates.retirement[static_cast<std::size_t>(std::min(person.age, kMaxTableAge)) * kSexCount +
                       sex];
  const bool must_retire = person.age >= kAllRetiredAge;
  const std::size_t cell = labour_age_group(person.age) * kSexCount + sex;
  // KS's turnover is leaving the employer (the sector): a quit, so the factor
  // leaves retirement, disability and lay-offs as they are.
  const auto& by_occupation = rates.occupation_quit_factor;
  const double occupation_factor =
      person.occupation >= 0 && static_cast<std::size_t>(person.occupation) < by_occupation.size()
          ? by_occupation[static_cast<std::size_t>(person.occupation)]
          : 1.0;

  JobDraw draw;
  if (must_retire || u.retire < retire) {
    draw.event = JobEvent::Retire;
  } else if (u.disability < rates.disability[cell] * rates.disability_scale) {
    draw.event = JobEvent::Disability;
  } else if (u.quit < rates.quit[cell] * rates.quit_scale * rates.season * occupation_factor) {
    draw.event = u.quit_where < rates.quit_to_unemployment_share ? JobEvent::QuitToSeeking
                                                                 : JobEvent::QuitToOutside;
  } else if (u.layoff < rates.layoff[cell] * rates.layoff_scale * rates.season) {
    draw.event = JobEvent::Layoff;
  } else if (u.search < rates.on_the_job_search_rate) {
    draw.searching = true;
  }
  return draw;
}

double monthly_probability(double annual_probability) {
  return -std::expm1(std::log1p(-std::min(annual_probability, 0.999999)) / 12.0);
}

std::vector<double> monthly_retirement_probabilities(std::span<const double> annual_rates,
                                                     const LabourParams& params) {
  std::vector<double> monthly((kMaxTableAge + 1) * kSexCount, 0.0);
  for (int age = 0; age <= kMaxTableAge; ++age) {
    const int table_age = static_cast<int>(std::floor(age - params.retirement_age_shift));
    for (std::size_t s = 0; s < kSexCount; ++s) {
      double annual = 0;
      if (table_age >= LabourData::kRetirementMaxAge) {
        annual = 1;
      } else if (table_age >= LabourData::kRetirementMinAge) {
        annual = annual_rates[static_cast<std::size_t>(table_age - LabourData::kRetirementMinAge) *
                                  kSexCount +
                              s];
      }
      monthly[static_cast<std::size_t>(age) * kSexCount + s] =
          monthly_probability(std::min(1.0, annual * params.retirement_scale));
    }
  }
  return monthly;
}

}  // namespace kfsim
