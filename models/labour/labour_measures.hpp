#pragma once
// What the labour-market model measures, declared with units and dimensions.
#include "models/geography/municipalities.hpp"
#include "models/labour/labour_data.hpp"
#include "sim/run/measures.hpp"

namespace kfsim {

// Code of the work area outside Østfold in the `work_area` dimension.
inline constexpr std::int32_t kOutsideAreaCode = 0;

struct LabourMeasures {
  // Stocks at the end of each year (31 December).
  MeasureId persons_by_status;       // [year, municipality, sex, age_group, labour_status]
  MeasureId employed_by_competence;  // [year, municipality, competence] residents
  MeasureId unemployed_by_competence;
  MeasureId mismatched_employed;  // [year, competence] fit below kGoodFit
  MeasureId jobs;                 // [year, work_area, occupation] positions wanted
  MeasureId jobs_vacant;          // [year, work_area, occupation]
  MeasureId jobs_non_resident;    // [year, work_area, occupation] held by in-commuters
  MeasureId out_commuters;        // [year, municipality] residents working outside Østfold
  MeasureId competence_supply;    // [year, municipality, competence] labour force by residence
  MeasureId competence_demand;    // [year, work_area, competence] positions by workplace
  MeasureId competence_gap;       // [year, competence] county demand - supply
  MeasureId competence_rating;    // [year, competence] 1 shortage, 0 balance, -1 surplus
  // The gap's parts (competence_gap.hpp), [year, competence], persons.
  MeasureId competence_shortage;
  MeasureId competence_frictional;
  MeasureId competence_surplus;
  MeasureId competence_upgrading;
  MeasureId shortage_by_occupation;      // [year, work_area, occupation] long-open + unmet
  MeasureId employed_by_industry;        // [year, work_area, industry] filled positions
  MeasureId employed_by_occupation;      // [year, municipality, occupation] employed residents
  MeasureId employed_by_occupation_age;  // [year, occupation, age_group] employed residents
  MeasureId unemployment_duration_mean;  // [year, competence] months, job seekers on 31 December
  MeasureId awaiting_recognition;  // [year, competence] foreign qualification not yet recognised
  MeasureId unmet_demand;          // [year, work_area, occupation] positions withdrawn unfilled
  MeasureId unmet_demand_by_industry;  // [year, industry]
  // Means over the months of each year.
  MeasureId vacancies_mean;             // [year, work_area, occupation]
  MeasureId unfilled_vacancies_mean;    // [year, work_area, occupation] open >= shortage_months
  MeasureId outside_labour_force_mean;  // [year, sex, outside_group]
  // Flows summed over each year.
  MeasureId hires;                      // [year, work_area, occupation]
  MeasureId separations;                // [year, separation_reason]
  MeasureId separations_by_occupation;  // [year, occupation, separation_reason]
  MeasureId openings;                   // [year, opening_kind]
  // Residents leaving a job by what the vacancy counts as (OpeningKind),
  // [year, occupation], positions in Østfold and outside alike.
  MeasureId replacement_demand;
  MeasureId occupational_mobility;
  MeasureId churn;
  MeasureId vacancy_months_at_hire;  // [year, occupation] sum of months open, for hires
  MeasureId hires_by_occupation;     // [year, occupation]
  // Monthly county series.
  MeasureId unemployment_rate_monthly;     // [month]
  MeasureId vacancy_rate_monthly;          // [month]
  MeasureId employed_monthly;              // [month]
  MeasureId unemployed_monthly;            // [month]
  MeasureId temporarily_laid_off_monthly;  // [month]
  MeasureId vacancies_monthly;             // [month]
};

// A fit at or above this is a job that suits the competence (for mismatch and
// for the competence a position asks for).
inline constexpr float kGoodFit = 0.8f;

// Adds the competence, occupation, work_area, labour_status,
// separation_reason, opening_kind and outside_group dimensions, and declares
// the measures.
LabourMeasures declare_labour_measures(MeasureSet& measures, const LabourData& data,
                                       const Municipalities& municipalities);

}  // namespace kfsim
