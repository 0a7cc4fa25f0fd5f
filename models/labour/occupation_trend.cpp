#include "models/labour/occupation_trend.hpp"

#include <string>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/occupation_rows.hpp"

namespace kfsim {

namespace {
// A share trend of 10 % a year halves an occupation's share in seven years: far
// beyond any trend in SSB's 2015-2020 register (the largest is 3 % a year).
constexpr double kMaxTrend = 0.1;
// Log-odds moving 0.5 a year take a share from 10 % to 90 % in nine years; the
// register's largest move is about 0.07.
constexpr double kMaxLogitTrend = 0.5;
}  // namespace

OccupationTrends load_occupation_trend(const std::filesystem::path& file,
                                       const Categories& occupations) {
  const auto t =
      data::CsvTable::read(file, {"occupation", "within_industry", "higher_education_logit_trend"});
  OccupationTrends trends;
  auto& trend = trends.within_industry;
  trend.assign(occupations.size(), 0.0);
  trends.higher_education_logit.assign(occupations.size(), 0.0);
  OccupationRows rows(occupations);
  for (std::size_t row = 0; row < t.rows(); ++row) {
    const std::size_t k = rows.occupation(t, row);
    trend[k] = t.real(row, "within_industry", -kMaxTrend, kMaxTrend);
    trends.higher_education_logit[k] =
        t.real(row, "higher_education_logit_trend", -kMaxLogitTrend, kMaxLogitTrend);
  }
  for (std::size_t o = 0; o < occupations.size(); ++o) {
    if (!rows.listed(o)) {
      throw data::DataError(file, 0, "occupation",
                            "no trend for occupation " + occupations.codes[o] +
                                "; expected one row for each occupation of the occupation table");
    }
  }
  return trends;
}

double occupation_share_trend(const std::vector<double>& data_trend, double scale,
                              const std::vector<double>& scenario_trend, std::size_t o) {
  const double own = o < data_trend.size() && scale != 0.0 ? scale * data_trend[o] : 0.0;
  const double set = o < scenario_trend.size() ? scenario_trend[o] : 0.0;
  return own + set;
}

}  // namespace kfsim
