#pragma once
// The labour-market input tables of a scenario (scenarios/data/labour/),
// loaded and validated. Their sources and assumptions are documented in
// scenarios/data/labour/SOURCES.md and in each file's header.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "models/geography/municipalities.hpp"
#include "models/labour/occupation_trend.hpp"
#include "models/labour/service_demand.hpp"
#include "models/population/sex.hpp"

namespace kfsim {

// A coded category read from a table (competence groups, occupations, industries).
struct Categories {
  std::vector<std::string> codes;
  std::vector<std::string> names;
  std::size_t size() const { return codes.size(); }
  std::ptrdiff_t index_of(const std::string& code) const;
};

// Education levels of the competence groups, lowest first.
enum class EducationLevel : std::int8_t {
  Primary,
  UpperSecondaryGeneral,
  UpperSecondaryVocational,
  Fagskole,
  Bachelor,
  Master
};
inline constexpr std::size_t kEducationLevelCount = 6;

// Labour-market age groups of the tables: 15-19, ..., 70-74 and 75+.
inline constexpr int kLabourMinAge = 15;
inline constexpr std::size_t kLabourAgeGroups = 13;
constexpr std::size_t labour_age_group(int age) {
  const int group = (age - kLabourMinAge) / 5;
  return group < 0 ? 0 : (group >= 12 ? 12 : static_cast<std::size_t>(group));
}

struct SizeClass {
  int min_size = 1;
  int max_size = 1;
  double share_of_jobs = 0;
};

struct LabourFiles {
  std::filesystem::path competences, occupations, industries, jobs_by_industry, staffing,
      establishment_sizes, fit, competence_by_age_sex, competence_municipality_factor,
      status_targets, separation_rates, retirement_rates, commuting, commuting_reach,
      industry_growth, occupation_requirements;
  // Optional: empty, no population-driven services.
  std::filesystem::path service_demand;
  // Optional: empty, every service has its industry's mix.
  std::filesystem::path service_staffing;
  // Optional: empty, each industry keeps its start date's staffing.
  std::filesystem::path occupation_trend;
  // Optional: empty, every occupation quits at the age-sex rates.
  std::filesystem::path turnover_by_occupation;
};

struct LabourData {
  Categories competences;
  std::vector<EducationLevel> competence_level;  // [competence]
  Categories occupations;
  std::vector<int> occupation_major_group;  // [occupation]
  Categories industries;

  // Jobs by workplace on the start date, [industry][municipality].
  std::vector<double> jobs;
  // Staffing shares, [industry][occupation], each industry summing to 1.
  std::vector<double> staffing;
  // Establishment size classes per industry, shares of jobs summing to 1.
  std::vector<std::vector<SizeClass>> size_classes;
  // Fit of a competence for an occupation in [0, 1], 0 when it does not qualify;
  // [occupation][competence].
  std::vector<float> fit;
  // Lowest fit an employer may accept by occupation, where the law requires
  // qualifications (0 elsewhere); [occupation].
  std::vector<double> occupation_min_fit;
  // Highest competence shares, [labour age group][sex][competence].
  std::vector<double> competence_shares;
  // Relative odds of each education level by municipality, [municipality][level].
  std::vector<double> level_factor;
  // Employment and registered-unemployment rates (share of population), [group][sex].
  std::vector<double> employment_rate, unemployment_rate;
  // Monthly separation probabilities, [group][sex].
  std::vector<double> quit_rate, layoff_rate, disability_rate;
  // Annual retirement probability by single age 55-75, [age - 55][sex].
  std::vector<double> retirement_rate;
  static constexpr int kRetirementMinAge = 55;
  static constexpr int kRetirementMaxAge = 75;
  // Commuting: share of employed residents working outside Østfold, and
  // non-residents working in each municipality, [municipality].
  std::vector<double> out_of_county_share, in_commuters;
  // Travel minutes from home municipality to work area (the municipalities,
  // then Oslo/Akershus), negative when not reachable; [home][area].
  std::vector<double> travel_minutes;
  // Baseline annual growth of jobs by industry (fraction per year).
  std::vector<double> industry_growth;
  // Services whose jobs follow the residents they serve (may be empty).
  ServiceDemand services;
  // Trends of each occupation's share within industries and of its
  // qualification requirement (data.occupation_trend); empty: none.
  OccupationTrends occupation_trend;
  // Quit rate relative to the whole economy's, [occupation]
  // (data.turnover_by_occupation); empty: the same for every occupation.
  std::vector<double> occupation_quit_factor;

  std::size_t work_areas(const Municipalities& m) const { return m.size() + 1; }
  std::size_t fit_index(std::size_t occupation, std::size_t competence) const {
    return occupation * competences.size() + competence;
  }
};

LabourData load_labour_data(const LabourFiles& files, const Municipalities& municipalities);

}  // namespace kfsim
