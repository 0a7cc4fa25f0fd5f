#pragma once
// The demographic input tables of a scenario, loaded and validated. Their
// derivation from SSB, HMD and HFD figures is documented in
// scenarios/data/SOURCES.md and reproduced by scenarios/data/derive/.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "models/geography/municipalities.hpp"
#include "models/population/ages.hpp"
#include "models/population/sex.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

// Exceptional migration episodes a scenario may switch on as dated events
// (data.migration_events; scenarios/data/SOURCES.md).
enum class MigrationEvent : std::uint8_t { Refugees2015, Ukraine2022 };
inline constexpr std::size_t kMigrationEventCount = 2;
// The names the events table uses, in the order of MigrationEvent.
inline constexpr std::array<std::string_view, kMigrationEventCount> kMigrationEventNames = {
    "refugees_2015", "ukraine_2022"};

struct DemographyFiles {
  std::filesystem::path municipalities;
  std::filesystem::path population;
  std::filesystem::path mortality;
  std::filesystem::path fertility;
  std::filesystem::path migration;
  std::filesystem::path migration_events;
};

struct DemographyData {
  Municipalities municipalities;
  // Persons on the start date by [municipality][sex][age 0..kMaxTableAge].
  std::vector<std::int64_t> population;
  // The month of that state, as the table declares it ("# kfsim-date: 2024-01-01"): a run
  // starts within its year (check_start_date), so that the 2024 population is never taken for
  // that of another year.
  Month population_date;
  std::filesystem::path population_file;
  // Annual central death rate m(x) by [sex][age 0..kMaxMortalityAge].
  std::vector<double> death_rate;
  // Annual births per woman by age of mother [0..kMaxTableAge] (zero outside 15-49).
  std::vector<double> fertility_rate;
  // Annual probability of moving out of the municipality, [municipality][sex][age].
  std::vector<double> out_rate;
  // Expected persons per year moving in from outside the county, [municipality][sex][age].
  std::vector<double> in_count;
  // Persons per year moving in from abroad in an episode's average year, by event:
  // [municipality][sex][age] each, or empty (no arrivals) where no table gave the event.
  std::array<std::vector<double>, kMigrationEventCount> event_arrivals;

  static constexpr std::size_t kAges = kMaxTableAge + 1;
  std::size_t cell(std::size_t municipality, Sex sex, int age) const {
    return (municipality * kSexCount + static_cast<std::size_t>(sex)) * kAges +
           static_cast<std::size_t>(age);
  }
  static std::size_t mortality_cell(Sex sex, int age) {
    return static_cast<std::size_t>(sex) * (kMaxMortalityAge + 1) + static_cast<std::size_t>(age);
  }
};

// Reads every table; each must cover every (municipality, sex, age) cell
// exactly once, with rates in range. Errors name the file, line and column.
DemographyData load_demography_data(const DemographyFiles& files);

}  // namespace kfsim
