#include "models/demography/demography_measures.hpp"

#include <string>

#include "models/population/ages.hpp"
#include "models/population/sex.hpp"

namespace kfsim {

void add_common_dimensions(MeasureSet& measures, const Municipalities& municipalities, Month start,
                           Month end) {
  Dimension year{"year", "1", "calendar year", {}, "", {}};
  for (int y = start.year(); y <= end.year(); ++y) year.codes.push_back(y);
  measures.add_dimension(std::move(year));

  Dimension month{"month", "1", "calendar month as YYYYMM", {}, "", {}};
  for (Month m = start; m <= end; ++m) month.codes.push_back(m.year() * 100 + m.month_of_year());
  measures.add_dimension(std::move(month));

  measures.add_dimension({"municipality", "1", "municipality number (SSB, 2024 borders)",
                          municipalities.codes, "municipality_name", municipalities.names});

  Dimension sex{"sex", "1", "sex (0 female, 1 male)", {0, 1}, "sex_name", {}};
  for (const char* label : kSexLabels) sex.labels.emplace_back(label);
  measures.add_dimension(std::move(sex));

  Dimension age{"age_group", "year",           "lower bound of the five-year age group",
                {},          "age_group_name", {}};
  for (std::size_t g = 0; g < kAgeGroupCount; ++g) {
    const int lower = static_cast<int>(g) * kAgeGroupWidth;
    age.codes.push_back(lower);
    age.labels.push_back(g + 1 == kAgeGroupCount ? std::to_string(lower) + "+"
                                                 : std::to_string(lower) + "-" +
                                                       std::to_string(lower + kAgeGroupWidth - 1));
  }
  measures.add_dimension(std::move(age));
}

DemographyMeasures declare_demography_measures(MeasureSet& measures, Month start, Month end) {
  const std::vector<std::string> by_year_place_sex_age = {"year", "municipality", "sex",
                                                          "age_group"};
  DemographyMeasures d{};
  d.first_month = start;
  d.last_month = end;
  d.population_start = measures.declare_count(
      "population_start", by_year_place_sex_age, "persons",
      "residents on 1 January (on the run's first day for the first year)", "year: point");
  d.population_end = measures.declare_count(
      "population_end", by_year_place_sex_age, "persons",
      "residents on 31 December (at the end of the run's last month for the last year)",
      "year: point");
  d.births = measures.declare_count("births", {"year", "municipality", "sex"}, "persons",
                                    "live births by the child's sex and the mother's municipality",
                                    "year: sum");
  d.deaths = measures.declare_count("deaths", by_year_place_sex_age, "persons",
                                    "deaths by age at death", "year: sum");
  d.in_migration = measures.declare_count(
      "in_migration", by_year_place_sex_age, "persons",
      "moves into the municipality (from outside Østfold and from other municipalities)",
      "year: sum");
  d.in_migration_from_outside = measures.declare_count(
      "in_migration_from_outside", by_year_place_sex_age, "persons",
      "moves into the municipality from outside Østfold (rest of Norway and abroad)", "year: sum");
  d.out_migration = measures.declare_count(
      "out_migration", by_year_place_sex_age, "persons",
      "moves out of the municipality (to outside Østfold and to other municipalities)",
      "year: sum");
  d.out_migration_to_outside = measures.declare_count(
      "out_migration_to_outside", by_year_place_sex_age, "persons",
      "moves out of Østfold (to the rest of Norway and abroad)", "year: sum");
  d.population_monthly =
      measures.declare_count("population_monthly", {"month", "municipality"}, "persons",
                             "residents at the end of the month", "month: point");
  d.immigration = measures.declare_count(
      "immigration", by_year_place_sex_age, "persons",
      "moves into the municipality from abroad (part of in_migration_from_outside)", "year: sum");
  return d;
}

}  // namespace kfsim
