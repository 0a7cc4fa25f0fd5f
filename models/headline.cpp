#include <numeric>
#include <sstream>

#include "models/model.hpp"

namespace kfsim {

namespace {

std::int64_t sum_of(const MeasureSet& measures, const std::string& name) {
  const Measure* m = measures.find(name);
  if (m == nullptr) return 0;
  const auto& values = std::get<std::vector<std::int64_t>>(m->values);
  return std::accumulate(values.begin(), values.end(), std::int64_t{0});
}

// Sum over every dimension but the first (year), for one year.
std::int64_t year_total(const MeasureSet& measures, const std::string& name, std::size_t year) {
  const Measure* m = measures.find(name);
  if (m == nullptr) return 0;
  const auto& values = std::get<std::vector<std::int64_t>>(m->values);
  const std::size_t years = measures.dimensions()[m->dims.front()].size();
  const std::size_t per_year = values.size() / years;
  return std::accumulate(values.begin() + static_cast<std::ptrdiff_t>(year * per_year),
                         values.begin() + static_cast<std::ptrdiff_t>((year + 1) * per_year),
                         std::int64_t{0});
}

std::string grouped(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), " ");
  }
  return (value < 0 ? "-" : "") + digits;
}

}  // namespace

std::vector<std::string> headline_figures(const MeasureSet& measures) {
  const auto& years = measures.dimensions()[measures.dimension_index("year")].codes;
  const std::size_t last = years.size() - 1;
  std::vector<std::string> lines;
  lines.push_back("population " + std::to_string(years.front()) +
                  " (start): " + grouped(year_total(measures, "population_start", 0)));
  lines.push_back("population " + std::to_string(years.back()) +
                  " (end):   " + grouped(year_total(measures, "population_end", last)));
  lines.push_back("births " + grouped(sum_of(measures, "births")) + ", deaths " +
                  grouped(sum_of(measures, "deaths")) + ", net migration into Østfold " +
                  grouped(sum_of(measures, "in_migration_from_outside") -
                          sum_of(measures, "out_migration_to_outside")));
  return lines;
}

}  // namespace kfsim
