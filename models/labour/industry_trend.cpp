#include "models/labour/industry_trend.hpp"

#include <algorithm>

namespace kfsim {

double faded_growth(double own, double all, double years_run, double fade_years) {
  if (fade_years <= 0) return own;
  const double own_weight = std::max(0.0, 1.0 - years_run / fade_years);
  return all + (own - all) * own_weight;
}

}  // namespace kfsim
