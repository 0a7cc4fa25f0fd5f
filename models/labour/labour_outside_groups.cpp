#include "models/labour/labour_outside_groups.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_market.hpp"
#include "models/population/ages.hpp"

namespace kfsim {

DisabilityStock load_disability_stock(const std::filesystem::path& file) {
  const auto t = data::CsvTable::read(file, {"sex", "stock_2024_01", "mean_2024"});
  DisabilityStock stock;
  std::array<bool, kSexCount> seen{};
  for (std::size_t row = 0; row < t.rows(); ++row) {
    const auto& text = t.text(row, "sex");
    std::size_t s = kSexCount;
    for (std::size_t k = 0; k < kSexCount; ++k) {
      if (text == kSexLabels[k]) s = k;
    }
    if (s == kSexCount)
      t.fail(row, "sex", "'" + text + "' is not a sex; expected 'female' or 'male'");
    if (seen[s]) t.fail(row, "sex", "'" + text + "' is given twice");
    seen[s] = true;
    stock.start[s] = t.real(row, "stock_2024_01", 0, 1e7);
    stock.mean_2024[s] = t.real(row, "mean_2024", 0, 1e7);
  }
  for (std::size_t s = 0; s < kSexCount; ++s) {
    if (!seen[s]) {
      throw data::DataError(file, 0, "sex",
                            std::string("no row for ") + kSexLabels[s] +
                                "; expected one row for each of female and male");
    }
  }
  return stock;
}

double steady_disability_entry(double stock, double exit, double inflow_from_jobs, double others) {
  if (others <= 0) return 0.0;
  return std::max(0.0, (stock * exit - inflow_from_jobs) / others);
}

double participation_factor(double tightness, double elasticity) {
  if (elasticity == 0.0 || tightness == 1.0) return 1.0;
  return std::pow(std::max(tightness, 0.0), elasticity);
}

void LabourMarket::start_disability_group(Month start, const LabourParams& params) {
  disability_entry_.assign(kSexCount, 0.0);
  if (!setup_.disability_stock) return;
  auto& table = persons_.table;
  const auto ids = table.ids();
  const auto& birth = table.column(persons_.birth_month);
  const auto& sex = table.column(persons_.sex);
  const auto& status = table.column(persons_.labour_status);
  auto& disability = table.column(persons_.disability);

  // Who has reduced work capacity on the start date: among those outside the
  // labour force at 18-66, as many of each sex as NAV counted in January 2024.
  std::array<double, kSexCount> outside{};
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (status[i] != static_cast<std::int8_t>(LabourStatus::Outside)) continue;
    if (!disability_age(age_in_years(Month::from_index(birth[i]), start))) continue;
    outside[static_cast<std::size_t>(sex[i])] += 1;
  }
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (status[i] != static_cast<std::int8_t>(LabourStatus::Outside)) continue;
    if (!disability_age(age_in_years(Month::from_index(birth[i]), start))) continue;
    const auto s = static_cast<std::size_t>(sex[i]);
    // The third draw of the person's stream in the start month; the monthly
    // transitions take the first.
    rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), start, rng::Stream::OutsideGroup);
    draws.uniform();
    draws.uniform();
    if (draws.uniform() * outside[s] < setup_.disability_stock->start[s]) disability[i] = 1;
  }

  // The others' entry rate that holds each sex's stock steady from the start.
  std::array<double, kSexCount> stock{}, others{}, turning_67{}, from_jobs{};
  for (std::size_t i = 0; i < table.size(); ++i) {
    const int age = age_in_years(Month::from_index(birth[i]), start);
    if (!disability_age(age)) continue;
    const auto s = static_cast<std::size_t>(sex[i]);
    if (status[i] == static_cast<std::int8_t>(LabourStatus::Employed)) {
      const std::size_t cell = labour_age_group(age) * kSexCount + s;
      from_jobs[s] += data_.disability_rate[cell] * params.disability_scale;
    }
    if (status[i] != static_cast<std::int8_t>(LabourStatus::Outside)) continue;
    if (disability[i]) {
      stock[s] += 1;
      if (age == kDisabilityMaxAge) turning_67[s] += 1.0 / 12.0;
    } else {
      others[s] += 1;
    }
  }
  for (std::size_t s = 0; s < kSexCount; ++s) {
    const double exit = kDisabilityExitRate + params.outside_search_rate +
                        (stock[s] > 0 ? turning_67[s] / stock[s] : 0.0);
    disability_entry_[s] = steady_disability_entry(stock[s], exit, from_jobs[s], others[s]);
  }
}

}  // namespace kfsim
