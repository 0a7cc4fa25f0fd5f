#pragma once
// What each occupation asks for rises with the economy: the share of its
// requirement at bachelor level or above follows a logistic path whose yearly
// change of log-odds is the occupation's qualification trend
// (data.occupation_trend, column higher_education_logit_trend, from SSB's
// register of the employed by occupation and education 2015-2020), as the
// qualification shares within occupations are projected by SSB and Cedefop.
// The share gained comes from upper secondary and fagskole in proportion (the
// register shows the rise there; the share with primary school or unknown
// education held still, so it is left as it was). Occupations whose practice
// the law restricts to one qualification (data.occupation_requirements with a
// lowest fit of 0.8 or more) keep the requirement of the start date.
#include <span>
#include <vector>

#include "models/labour/labour_data.hpp"

namespace kfsim {

// `asks` ([occupation x competence], each occupation's shares summing to 1)
// after `years` of the trends `logit_trend` ([occupation], per year) times
// `scale`, from the start date's `start` (same layout). With scale 0 or no
// years, `asks` is `start` to the last bit.
void apply_requirement_trend(std::span<const double> start, std::span<double> asks,
                             std::span<const double> logit_trend, double scale, double years,
                             const std::vector<EducationLevel>& level,
                             std::span<const double> min_fit);

}  // namespace kfsim
