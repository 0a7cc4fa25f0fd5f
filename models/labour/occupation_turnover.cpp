#include "models/labour/occupation_turnover.hpp"

#include <cmath>
#include <string>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/occupation_rows.hpp"

namespace kfsim {

namespace {
// KS's position codes range from 0.5 (adjunkt med tilleggsutdanning) to 2.0
// (assistent) times the sector's turnover; a factor beyond ten times either
// way is a typing error, not a labour market.
constexpr double kMinFactor = 0.1;
constexpr double kMaxFactor = 10.0;
}  // namespace

std::vector<double> load_turnover_by_occupation(const std::filesystem::path& file,
                                                const Categories& occupations) {
  const auto t = data::CsvTable::read(file, {"occupation", "quit_factor"});
  std::vector<double> factor(occupations.size(), 1.0);
  OccupationRows rows(occupations);
  for (std::size_t row = 0; row < t.rows(); ++row) {
    const std::size_t k = rows.occupation(t, row);
    factor[k] = t.real(row, "quit_factor", kMinFactor, kMaxFactor);
  }
  return factor;
}

std::vector<double> occupation_quit_factors(std::span<const double> relative, double scale,
                                            std::span<const double> start_quits) {
  if (relative.empty() || scale == 0.0) return {};
  std::vector<double> factor(relative.size());
  double quits = 0.0;
  double scaled_quits = 0.0;
  for (std::size_t o = 0; o < relative.size(); ++o) {
    factor[o] = std::pow(relative[o], scale);
    const double weight = o < start_quits.size() ? start_quits[o] : 0.0;
    quits += weight;
    scaled_quits += weight * factor[o];
  }
  // The age-sex quit rates are calibrated to the whole economy: the factors
  // move quits between occupations, not in or out of the county's total.
  if (quits > 0.0 && scaled_quits > 0.0) {
    const double rescale = quits / scaled_quits;
    for (auto& f : factor) f *= rescale;
  }
  return factor;
}

}  // namespace kfsim
