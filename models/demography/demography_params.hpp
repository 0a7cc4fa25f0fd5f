#pragma once
// The scenario keys of the demography model and their values in a month.
#include <array>
#include <vector>

#include "models/demography/demography_data.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

struct DemographyParams {
  double mortality_scale = 1.0;
  double mortality_improvement = 0.0;   // per year, relative decline of every m(x)
  int mortality_reference_year = 2021;  // the year the death-rate table describes
  double fertility_scale = 1.0;
  double in_migration_scale = 1.0;
  double out_migration_scale = 1.0;
  double internal_move_share = 0.0;
  double male_share_at_birth = 0.5;
  double abroad_share_of_in_migrants = 0.0;  // of those moving in from outside Østfold
  double labour_immigration_scale = 1.0;     // multiplies arrivals from abroad at working ages
  // Multiplies each exceptional episode's yearly arrivals (DemographyData::event_arrivals);
  // 0 = the episode does not happen.
  std::array<double, kMigrationEventCount> event_scale{};
  // Elasticities of in- and out-migration at ages kMigrationResponseMinAge..MaxAge to the
  // labour market's tightness (LabourMarket::tightness); 0 = no response.
  double in_migration_tightness_elasticity = 0.0;
  double out_migration_tightness_elasticity = 0.0;
  // Added to each municipality's net migration, per 1000 residents a year, by
  // [municipality] (demography.net_migration_offset); empty when every entry is 0.
  std::vector<double> net_migration_offset;
  // A population held still (demography.stationary): nobody ages, is born, dies or moves.
  bool stationary = false;

  bool operator==(const DemographyParams&) const = default;
};

// Ages at which demography.labour_immigration_scale applies: the working ages
// at which most labour immigrants arrive.
inline constexpr int kLabourImmigrationMinAge = 20;
inline constexpr int kLabourImmigrationMaxAge = 59;

// Ages whose migration responds to the labour market's tightness: the working
// ages at which moves for work are most frequent.
inline constexpr int kMigrationResponseMinAge = 20;
inline constexpr int kMigrationResponseMaxAge = 59;

void add_demography_keys(scenario::Schema& schema);
// The municipalities give the entries of the map demography.net_migration_offset.
DemographyParams demography_params_at(const scenario::Scenario& scenario, Month month,
                                      const Municipalities& municipalities);
// Throws a ScenarioError naming the origin when an entry of demography.net_migration_offset,
// set in the scenario or by a policy, names no municipality of data.municipalities.
void check_municipality_keys(const scenario::Scenario& scenario,
                             const Municipalities& municipalities);
DemographyFiles demography_files(const scenario::Scenario& scenario);

}  // namespace kfsim
