// The scenario keys of the seasons and of the supply's responses to a tight or
// slack labour market. Each response is switched off by 0.
#include "models/labour/labour_params.hpp"
#include "models/scenario_keys.hpp"
#include "sim/run/parameter_at.hpp"

namespace kfsim {

void add_labour_supply_keys(scenario::Schema& schema) {
  schema.add(data_key("data.unemployment_seasonality",
                      "seasonal pattern the flows give registered unemployment, by calendar month "
                      "(CSV: month,flow_index)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(real_key(
      "labour.seasonality", 4.0, 0, 10, "1",
      "gain of the seasonal pattern of quits and lay-offs (data.unemployment_seasonality) that "
      "gives registered unemployment its seasons; 0 = no seasons",
      "Calibrated: the model's mean profile by calendar month 2025-2031 has the amplitude of "
      "NAV's Østfold profile 2011-2024 (docs/calibration.md, Seasons)"));
  schema.add(real_key(
      "labour.in_commuting_response", 0.5, 0, 5, "1",
      "elasticity of the number of in-commuters from outside Østfold to the county's labour-market "
      "tightness (LabourMarket::tightness()); when it is above 1 the extra ones take positions "
      "open "
      "at least labour.shortage_months, below 1 those who leave are not all replaced; 0 = held "
      "at the 2024 number",
      "Assumption: commuting across a county border responds less than one for one to relative "
      "demand (a 10 % tighter market draws 5 % more in-commuters); no time series of in-commuting "
      "to Østfold is in the shared data to estimate it"));
  schema.add(data_key("data.disability_stock",
                      "residents 18-66 with NAV-assessed reduced work capacity by sex (CSV: "
                      "sex,stock_2024_01,mean_2024)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(real_key(
      "labour.participation_response", 0.5, 0, 5, "1",
      "elasticity of the monthly chance that people outside the labour force (not students, not "
      "in the disability group) start seeking work to the county's labour-market tightness "
      "(LabourMarket::tightness()); 0 = labour.outside_search_rate whatever the market",
      "Assumption: participation of those on the margin of the labour force rises in a tight "
      "market (the added- and discouraged-worker effects), less than one for one; no series "
      "of Østfold's participation by month is in the shared data to estimate it"));
}

void read_labour_supply_params(const scenario::Scenario& scenario, Month month, LabourParams& p) {
  p.seasonality = real_at(scenario, "labour.seasonality", month);
  p.in_commuting_response = real_at(scenario, "labour.in_commuting_response", month);
  p.participation_response = real_at(scenario, "labour.participation_response", month);
}

}  // namespace kfsim
