#pragma once
// Those outside the labour force, in three groups, each with its own entry:
// students (the InEducation status, entered through education), disability
// (NAV-assessed reduced work capacity, nedsatt arbeidsevne: entered from a job
// or from the others) and the others, whose starting to seek work responds to
// the county's tightness (labour.participation_response).
#include <array>
#include <cstdint>
#include <filesystem>

#include "models/population/sex.hpp"

namespace kfsim {

// The groups of the `outside_group` dimension.
enum class OutsideGroup : std::uint8_t { Student, Disability, Other };
inline constexpr std::size_t kOutsideGroupCount = 3;

// Ages at which NAV counts nedsatt arbeidsevne (18-66; at 67 disability
// benefits turn into old-age pension).
inline constexpr int kDisabilityMinAge = 18;
inline constexpr int kDisabilityMaxAge = 66;
constexpr bool disability_age(int age) {
  return age >= kDisabilityMinAge && age <= kDisabilityMaxAge;
}

// NAV's disability stock of Østfold by sex (data.disability_stock).
struct DisabilityStock {
  std::array<double, kSexCount> start{};      // January 2024
  std::array<double, kSexCount> mean_2024{};  // the 2024 mean, the calibration target
};

// Reads data.disability_stock (CSV: sex,stock_2024_01,mean_2024); a missing or
// repeated sex or a negative stock is a DataError naming file, line and column.
DisabilityStock load_disability_stock(const std::filesystem::path& file);

// Assumption: the monthly chance that someone with reduced work capacity
// leaves the group other than by seeking work, 1/36: arbeidsavklaringspenger
// are granted for at most three years (folketrygdloven § 11-12), after which
// most move to uføretrygd (outside the group; NAV's series excludes it).
inline constexpr double kDisabilityExitRate = 1.0 / 36.0;

// The monthly entry rate of the others into disability that holds the stock
// steady: (stock x monthly exit - monthly inflow from jobs) / others, where
// `exit` sums every way out (kDisabilityExitRate, starting to seek work, and
// turning 67); never below 0, 0 without others.
double steady_disability_entry(double stock, double exit, double inflow_from_jobs, double others);

// Factor on the others' monthly chance of starting to seek work:
// tightness^elasticity, exactly 1 when the elasticity is 0 or the market as
// tight as at the start.
double participation_factor(double tightness, double elasticity);

}  // namespace kfsim
