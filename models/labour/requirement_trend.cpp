#include "models/labour/requirement_trend.hpp"

#include <algorithm>
#include <cmath>

#include "models/labour/labour_measures.hpp"

namespace kfsim {

namespace {
enum class Band { Primary, Middle, Higher };

Band band_of(EducationLevel level) {
  switch (level) {
    case EducationLevel::Primary:
      return Band::Primary;
    case EducationLevel::Bachelor:
    case EducationLevel::Master:
      return Band::Higher;
    default:
      return Band::Middle;
  }
}
}  // namespace

void apply_requirement_trend(std::span<const double> start, std::span<double> asks,
                             std::span<const double> logit_trend, double scale, double years,
                             const std::vector<EducationLevel>& level,
                             std::span<const double> min_fit) {
  std::copy(start.begin(), start.end(), asks.begin());
  if (scale == 0.0 || years <= 0.0) return;
  const std::size_t n_comp = level.size();
  const std::size_t n_occ = logit_trend.size();
  for (std::size_t o = 0; o < n_occ; ++o) {
    const double k = logit_trend[o] * scale;
    if (k == 0.0) continue;
    // Compared in float, as fits are stored: a lowest fit of 0.8 meets kGoodFit.
    if (o < min_fit.size() && static_cast<float>(min_fit[o]) >= kGoodFit) continue;
    const std::span<const double> base = start.subspan(o * n_comp, n_comp);
    double higher = 0;
    double middle = 0;
    for (std::size_t c = 0; c < n_comp; ++c) {
      const Band b = band_of(level[c]);
      if (b == Band::Higher) higher += base[c];
      if (b == Band::Middle) middle += base[c];
    }
    if (higher <= 0 || middle <= 0 || higher >= 1) continue;
    const double log_odds = std::log(higher / (1 - higher)) + k * years;
    // The gain cannot take more than the middle band holds.
    const double gained = std::min(1 / (1 + std::exp(-log_odds)) - higher, middle);
    const double higher_factor = (higher + gained) / higher;
    const double middle_factor = (middle - gained) / middle;
    for (std::size_t c = 0; c < n_comp; ++c) {
      const Band b = band_of(level[c]);
      if (b == Band::Higher) asks[o * n_comp + c] = base[c] * higher_factor;
      if (b == Band::Middle) asks[o * n_comp + c] = base[c] * middle_factor;
    }
  }
}

}  // namespace kfsim
