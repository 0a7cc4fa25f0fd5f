#pragma once
// What the demography model measures: population by year, municipality, sex and
// five-year age group, and the flows that change it. Declared with units here;
// written to files elsewhere.
#include "models/geography/municipalities.hpp"
#include "sim/run/measures.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

struct DemographyMeasures {
  MeasureId population_start;  // 1 January
  MeasureId population_end;    // 31 December
  MeasureId births;
  MeasureId deaths;
  MeasureId in_migration;               // all moves in, including from other municipalities
  MeasureId in_migration_from_outside;  // from the rest of Norway and abroad
  MeasureId immigration;                // the part of in_migration_from_outside from abroad
  MeasureId out_migration;              // all moves out, including to other municipalities
  MeasureId out_migration_to_outside;
  MeasureId population_monthly;  // county total at the end of each month
  Month first_month;
  Month last_month;
};

// Adds the dimensions year, month, municipality, sex and age_group (once) and
// declares the demography measures.
void add_common_dimensions(MeasureSet& measures, const Municipalities& municipalities, Month start,
                           Month end);
DemographyMeasures declare_demography_measures(MeasureSet& measures, Month start, Month end);

}  // namespace kfsim
