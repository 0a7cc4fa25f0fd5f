#include "models/demography/demography_params.hpp"

#include "models/scenario_keys.hpp"
#include "sim/run/parameter_at.hpp"

namespace kfsim {

using scenario::KeySpec;
using scenario::Type;

namespace {
constexpr const char* kNetMigrationOffset = "demography.net_migration_offset";
}  // namespace

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
  schema.add(data_key("data.migration_events",
                      "arrivals from abroad in the average year of each exceptional episode, "
                      "switched on by demography.refugee_arrivals_* (CSV: "
                      "event,municipality,sex,age,arrivals)",
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
                      "1 = the 2017-2021 average (scenarios/data/migration.csv), the latest five "
                      "years without a refugee episode"));
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
                      "1 = the 2017-2021 average of scenarios/data/migration.csv with "
                      "demography.abroad_share_of_in_migrants from abroad"));
  schema.add(real_key(
      "demography.refugee_arrivals_2015_16", 0.0, 0.0, 10.0, "1",
      "multiplies the arrivals of the average year of the 2015-2016 refugee episode "
      "(data.migration_events, event refugees_2015: about 410 persons a year, mostly boys and "
      "young men) while in force; 0 = no such episode. Set it with a dated policy",
      "Østfold's net migration by age in 2015-2016 less its 2017-2021 mean (SSB 07459 "
      "residuals, scenarios/data/migration_events.csv)"));
  schema.add(real_key(
      "demography.refugee_arrivals_2022_23", 0.0, 0.0, 10.0, "1",
      "multiplies the arrivals of the average year of the 2022-2023 refugee episode "
      "(data.migration_events, event ukraine_2022: about 1450 persons a year, women, children "
      "and men of all working ages) while in force; 0 = no such episode. Set it with a dated "
      "policy",
      "Østfold's net migration by age in 2022-2023 less its 2017-2021 mean (SSB 07459 "
      "residuals, scenarios/data/migration_events.csv)"));
  schema.add(real_key(
      "demography.in_migration_tightness_elasticity", 0.1, 0.0, 2.0, "1",
      "elasticity of the number moving into Østfold at ages 20-59 to the labour market's "
      "tightness (12-month mean of vacancies / registered unemployed relative to the run's "
      "first year, read with a month's lag); 0 = no response",
      "Assumption: a weak response, as SSB's panel of 89 Norwegian economic regions 2001-2014 "
      "finds (Kornstad, Skjerpen and Stambøl, SSB Discussion Papers 966, 2021: responses to "
      "incentive variables are generally weak; for the low educated, the most responsive group, "
      "a higher relative unemployment rate lowers in-migration); 0.1 means a doubling of the "
      "vacancy-unemployment ratio draws 7 % more in-movers of working age. The paper measures "
      "relative unemployment, not tightness, so the value is not estimated"));
  schema.add(real_key(
      "demography.out_migration_tightness_elasticity", 0.0, 0.0, 2.0, "1",
      "elasticity with which out-migration at ages 20-59 falls as the labour market tightens "
      "(rates x tightness^-elasticity); 0 = no response",
      "SSB Discussion Papers 966 (Kornstad, Skjerpen and Stambøl, 2021): out-migration of the "
      "most responsive group (the low educated) is left unaffected by a region's relative "
      "unemployment rate"));
  {
    KeySpec spec = integer_key(
        "demography.stationary", 0, 0, 1, "1",
        "1: the population holds still, to test that a measure has no drift of its own: nobody "
        "ages (each resident keeps the age of the start date), is born, dies or moves into, out "
        "of or within Østfold; as nobody ages, nobody retires or reaches a pension age, and "
        "education holds still too (no admissions, drop-outs or completions: every student stays "
        "in the programme of the start date); the labour force's other flows (job search, hires, "
        "quits, lay-offs, disability and its recovery) go on. 0: the population of the data",
        "Assumption: a test setting, not a projection; retirement is off because with ages "
        "frozen an exit by age would drain the ages where it fires, month after month");
    spec.policy_settable = false;
    schema.add(spec);
  }
  schema.add(real_key("demography.out_migration_scale", 1.0, 0.0, 10.0, "1",
                      "multiplies every out-migration rate",
                      "1 = the rates in scenarios/data/migration.csv"));
  {
    KeySpec spec = real_key(
        kNetMigrationOffset, 0.0, -50.0, 50.0, "per 1000 residents a year",
        "added to a municipality's net migration from outside Østfold; one entry per "
        "municipality code, e.g. net_migration_offset.3101 = -2. It scales the municipality's "
        "in-movers from outside the county (their ages and sexes as before, never below none): "
        "a housing programme, a closure, or in an [uncertainty] table how far a municipality's "
        "migration may stray from its window",
        "0 = the migration of data.migration");
    spec.is_map = true;
    schema.add(spec);
  }
  schema.add(
      real_key("demography.internal_move_share", 0.4997, 0.0, 1.0, "1",
               "share of those moving out of a municipality who move to another "
               "municipality in Østfold",
               "SSB 2008 migration by municipality (scenarios/data/demography_parameters.csv)"));
  schema.add(real_key(
      "demography.male_share_at_birth", 0.5131, 0.4, 0.6, "1", "share of births that are boys",
      "HMD Norway exposure at age 0, 2019-2023 (scenarios/data/demography_parameters.csv)"));
}

DemographyParams demography_params_at(const scenario::Scenario& scenario, Month month,
                                      const Municipalities& municipalities) {
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
  p.event_scale[static_cast<std::size_t>(MigrationEvent::Refugees2015)] =
      real_at(scenario, "demography.refugee_arrivals_2015_16", month);
  p.event_scale[static_cast<std::size_t>(MigrationEvent::Ukraine2022)] =
      real_at(scenario, "demography.refugee_arrivals_2022_23", month);
  p.in_migration_tightness_elasticity =
      real_at(scenario, "demography.in_migration_tightness_elasticity", month);
  p.out_migration_tightness_elasticity =
      real_at(scenario, "demography.out_migration_tightness_elasticity", month);
  p.stationary = scenario.integer("demography.stationary") != 0;
  std::vector<double> offset(municipalities.size(), 0.0);
  bool any = false;
  for (std::size_t m = 0; m < municipalities.size(); ++m) {
    offset[m] = real_at(
        scenario, std::string(kNetMigrationOffset) + "." + std::to_string(municipalities.codes[m]),
        month);
    any = any || offset[m] != 0.0;
  }
  if (any) p.net_migration_offset = std::move(offset);
  return p;
}

void check_municipality_keys(const scenario::Scenario& scenario,
                             const Municipalities& municipalities) {
  check_map_codes(scenario, {{kNetMigrationOffset,
                              [&](const std::string& code) {
                                for (const auto c : municipalities.codes) {
                                  if (std::to_string(c) == code) return true;
                                }
                                return false;
                              },
                              [](const std::string& code) {
                                return "no municipality '" + code + "' in data.municipalities";
                              },
                              "a municipality code from that table"}});
}

DemographyFiles demography_files(const scenario::Scenario& scenario) {
  return {scenario.file("data.municipalities"), scenario.file("data.population"),
          scenario.file("data.mortality"),      scenario.file("data.fertility"),
          scenario.file("data.migration"),      scenario.file("data.migration_events")};
}

}  // namespace kfsim
