#include <algorithm>
#include <cmath>
#include <cstdio>
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
  // A run of the demography alone (models = "demography") has no labour measures to report.
  if (measures.find("employed_monthly") == nullptr) {
    lines.push_back("demography alone: no labour market or education in this run");
    return lines;
  }

  // The labour market: first and last December.
  const auto& employed =
      std::get<std::vector<std::int64_t>>(measures.find("employed_monthly")->values);
  const auto& rate =
      std::get<std::vector<double>>(measures.find("unemployment_rate_monthly")->values);
  const auto& vacancy =
      std::get<std::vector<double>>(measures.find("vacancy_rate_monthly")->values);
  const std::size_t first_december = std::min<std::size_t>(11, employed.size() - 1);
  const std::size_t final_month = employed.size() - 1;
  auto percent = [](double share) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f %%", 100 * share);
    return std::string(buffer);
  };
  lines.push_back("employed residents " + grouped(employed[first_december]) + " -> " +
                  grouped(employed[final_month]) + ", unemployment " +
                  percent(rate[first_december]) + " -> " + percent(rate[final_month]) +
                  ", vacancy rate " + percent(vacancy[first_december]) + " -> " +
                  percent(vacancy[final_month]));

  // The competences most in shortage at the end: the gap's shortage part (positions vacant
  // labour.shortage_months or more and demand given up), not the whole gap, which also holds
  // upgrading (jobs that ask for a competence held by people with more education).
  const Measure* gap = measures.find("competence_shortage");
  const auto& competence = measures.dimensions()[measures.dimension_index("competence")];
  const auto& counts = std::get<std::vector<std::int64_t>>(gap->values);
  const std::vector<double> values(counts.begin(), counts.end());
  const std::size_t n = competence.size();
  std::vector<std::size_t> order(n);
  for (std::size_t c = 0; c < n; ++c) order[c] = c;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return values[last * n + a] > values[last * n + b];
  });
  std::string shortages = "largest shortages " + std::to_string(years.back()) +
                          " (persons: positions no qualified person takes, by competence):";
  for (std::size_t k = 0; k < std::min<std::size_t>(3, n); ++k) {
    const std::size_t c = order[k];
    if (values[last * n + c] <= 0) break;
    const std::string& label = competence.labels[c];
    shortages += (k ? "; " : " ") + label.substr(0, label.find(':')) + " " +
                 grouped(static_cast<std::int64_t>(std::llround(values[last * n + c])));
  }
  lines.push_back(shortages);
  return lines;
}

}  // namespace kfsim
