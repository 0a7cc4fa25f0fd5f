#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "models/model.hpp"

namespace kfsim {

namespace {

// The ranges a county's rates stay within in the record, beyond which a projection has left
// what its data support (a run far past the tables' horizon, or extreme scenario values).
// Assumptions resting on the record: NAV's registered unemployment in Østfold was 1.7-4.7 % in
// 2011-2024 (scenarios/data/validation) and Norway's peaked near 6 % in the early 1990s;
// SSB's vacancy rate for Norway has stayed within 1.5-5 % since 2010. The ranges are several
// times wider, so that only a run gone astray is flagged.
struct Range {
  const char* measure;
  const char* meaning;
  double low, high;
};
constexpr Range kRanges[] = {
    {"unemployment_rate_monthly", "registered unemployment", 0.002, 0.20},
    {"vacancy_rate_monthly", "the vacancy rate", 0.002, 0.20},
};

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", 100 * share);
  return buffer;
}

}  // namespace

std::vector<PlausibilityWarning> plausibility_warnings(const MeasureSet& measures) {
  std::vector<PlausibilityWarning> warnings;
  const std::size_t month_dim = measures.dimension_index("month");
  const auto& months = measures.dimensions()[month_dim].codes;  // YYYYMM
  for (const Range& range : kRanges) {
    const Measure* measure = measures.find(range.measure);
    if (measure == nullptr) continue;
    const auto& values = std::get<std::vector<double>>(measure->values);
    for (std::size_t t = 0; t < values.size() && t < months.size(); ++t) {
      const double value = values[t];
      if (std::isfinite(value) && value >= range.low && value <= range.high) continue;
      warnings.push_back(
          {range.measure, std::string(range.measure) + " (" + range.meaning + ") is " +
                              percent(value) + " in " + std::to_string(months[t] / 100) +
                              ", outside the plausible " + percent(range.low) + " to " +
                              percent(range.high) +
                              ": the run has gone beyond what its data and mechanisms support"});
      break;  // the first month it happens is enough
    }
  }
  return warnings;
}

}  // namespace kfsim
