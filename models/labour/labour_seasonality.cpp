#include "models/labour/labour_seasonality.hpp"

#include <algorithm>
#include <string>

#include "models/data/csv_table.hpp"

namespace kfsim {

SeasonalIndex load_seasonal_index(const std::filesystem::path& file) {
  const auto t = data::CsvTable::read(file, {"month", "flow_index"});
  SeasonalIndex index{};
  std::array<bool, 12> seen{};
  for (std::size_t row = 0; row < t.rows(); ++row) {
    const auto m = static_cast<std::size_t>(t.integer(row, "month", 1, 12)) - 1;
    if (seen[m]) t.fail(row, "month", "month " + std::to_string(m + 1) + " is given twice");
    seen[m] = true;
    index[m] = t.real(row, "flow_index", 0.5, 1.5);
  }
  for (std::size_t m = 0; m < 12; ++m) {
    if (!seen[m]) {
      throw data::DataError(file, 0, "month",
                            "no seasonal index for month " + std::to_string(m + 1) +
                                "; expected one row for each month 1..12");
    }
  }
  return index;
}

double seasonal_separation_factor(const SeasonalIndex& index, int month_of_year, double strength) {
  if (strength == 0.0) return 1.0;
  const auto m = static_cast<std::size_t>(month_of_year - 1);
  const double s = index[m];
  const double before = index[(m + 11) % 12];
  constexpr double h = kNewlyUnemployedOutflowRate;
  const double inflow = (s - (1.0 - h) * before) / h;
  return std::max(0.0, 1.0 + strength * (inflow - 1.0));
}

}  // namespace kfsim
