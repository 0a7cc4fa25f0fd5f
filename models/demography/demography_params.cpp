#include "models/demography/demography_params.hpp"

#include "models/scenario_keys.hpp"
#include "sim/run/parameter_at.hpp"

namespace kfsim {

using scenario::KeySpec;
using scenario::Type;

void add_demography_keys(scenario::Schema& schema) {
  schema.add(data_key("data.municipalities", "municipality codes and names (CSV: code,name)",
                      "scenarios/data/SOURCES.md"));
  schema.add(data_key("data.population",
                      "residents on the start date (CSV: municipality,sex,age,persons)",
                      "scenarios/data/SOURCES.md"));
  schema.add(data_key("data.mortality", "annual central death rates (CSV: sex,age,death_rate)",
                      "scenarios/data/SOURCES.md"));
  schema.add(data_key("data.fertility", "annual fertility rates (CSV: age,fertility_rate)",
                      "scenarios/data/SOURCES.md"));
  schema.add(data_key("data.migration",
                      "out-migration rates and in-migrant counts (CSV: "
                      "municipality,sex,age,out_rate,in_count)",
                      "scenarios/data/SOURCES.md"));

  schema.add(real_key("demography.mortality_scale", 1.04, 0.1, 5.0, "1",
                      "multiplies every death rate in data.mortality (Norway's) for Østfold",
                      "Østfold 80+ cohort decline 2019-2024 against Norway's rates; SSB death "
                      "counts 2005-2007 give 1.065 (scenarios/data/demography_parameters.csv)"));
  schema.add(real_key("demography.mortality_improvement", 0.0186, 0.0, 0.1, "per year",
                      "yearly relative decline of every death rate after the reference year",
                      "HMD Norway 2000-2019 trend of the age-standardised death rate "
                      "(scenarios/data/demography_parameters.csv)"));
  {
    KeySpec spec;
    spec.key = "demography.mortality_reference_year";
    spec.type = Type::Integer;
    spec.default_value = std::int64_t{2021};
    spec.min = 1990;
    spec.max = 2100;
    spec.unit = "year";
    spec.meaning = "calendar year whose mortality data.mortality describes";
    spec.source = "centre of the HMD years 2019-2023 pooled in scenarios/data/mortality.csv";
    spec.policy_settable = false;
    schema.add(spec);
  }
  schema.add(real_key("demography.fertility_scale", 1.0, 0.0, 3.0, "1",
                      "multiplies every fertility rate in data.fertility",
                      "1 = Østfold's level of births 2021-2023 (scenarios/data/fertility.csv)"));
  schema.add(real_key("demography.in_migration_scale", 1.0, 0.0, 10.0, "1",
                      "multiplies the number moving into Østfold from outside",
                      "1 = the 2019-2023 average (scenarios/data/migration.csv)"));
  schema.add(real_key(
      "demography.abroad_share_of_in_migrants", 0.263, 0.0, 1.0, "1",
      "share of those moving into Østfold from outside the county who come from abroad "
      "(the same at every age)",
      "SSB: immigration / in-migration from outside the county, Østfold 2007, 2008 and 2017 "
      "pooled: (2588 + 2774 + 2075) / (8977 + 8743 + 10508) = 0.263 (shared "
      "demography_migration_municipal_2007.csv, migration_municipal_2008_2015.csv, "
      "migration_county_totals_2017_and_regions_2007.csv; 2015 is left out because its county "
      "figures include moves within the county). Assumption: the share does not vary with age "
      "(the shared tables have no age split)"));
  schema.add(real_key("demography.labour_immigration_scale", 1.0, 0.0, 10.0, "1",
                      "multiplies the number moving into Østfold from abroad at ages 20-59 "
                      "(labour immigration); arrivals from the rest of Norway and at other ages "
                      "are unchanged",
                      "1 = the 2019-2023 average of scenarios/data/migration.csv with "
                      "demography.abroad_share_of_in_migrants from abroad"));
  schema.add(real_key("demography.out_migration_scale", 1.0, 0.0, 10.0, "1",
                      "multiplies every out-migration rate",
                      "1 = the rates in scenarios/data/migration.csv"));
  schema.add(
      real_key("demography.internal_move_share", 0.4997, 0.0, 1.0, "1",
               "share of those moving out of a municipality who move to another "
               "municipality in Østfold",
               "SSB 2008 migration by municipality (scenarios/data/demography_parameters.csv)"));
  schema.add(real_key(
      "demography.male_share_at_birth", 0.5131, 0.4, 0.6, "1", "share of births that are boys",
      "HMD Norway exposure at age 0, 2019-2023 (scenarios/data/demography_parameters.csv)"));
}

DemographyParams demography_params_at(const scenario::Scenario& scenario, Month month) {
  DemographyParams p;
  p.mortality_scale = real_at(scenario, "demography.mortality_scale", month);
  p.mortality_improvement = real_at(scenario, "demography.mortality_improvement", month);
  p.mortality_reference_year =
      static_cast<int>(scenario.integer("demography.mortality_reference_year"));
  p.fertility_scale = real_at(scenario, "demography.fertility_scale", month);
  p.in_migration_scale = real_at(scenario, "demography.in_migration_scale", month);
  p.out_migration_scale = real_at(scenario, "demography.out_migration_scale", month);
  p.internal_move_share = real_at(scenario, "demography.internal_move_share", month);
  p.male_share_at_birth = real_at(scenario, "demography.male_share_at_birth", month);
  p.abroad_share_of_in_migrants =
      real_at(scenario, "demography.abroad_share_of_in_migrants", month);
  p.labour_immigration_scale = real_at(scenario, "demography.labour_immigration_scale", month);
  return p;
}

DemographyFiles demography_files(const scenario::Scenario& scenario) {
  return {scenario.file("data.municipalities"), scenario.file("data.population"),
          scenario.file("data.mortality"), scenario.file("data.fertility"),
          scenario.file("data.migration")};
}

}  // namespace kfsim
