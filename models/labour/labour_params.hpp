#pragma once
// The scenario keys of the labour-market model and their values in a month.
#include <optional>
#include <vector>

#include "models/labour/labour_data.hpp"
#include "models/labour/labour_outside_groups.hpp"
#include "models/labour/labour_seasonality.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

struct LabourParams {
  int applications_per_searcher = 2;
  double on_the_job_search_rate = 0.01;
  double student_job_search_rate = 0.05;
  double outside_search_rate = 0.02;
  double unemployed_exit_rate = 0.02;
  double quit_to_unemployment_share = 0.5;
  double min_hiring_fit = 0.3;
  double max_commute_minutes = 100;
  double oslo_travel_time_scale = 1.0;
  double commute_decay_minutes = 30;
  double outside_attraction = 4.0;
  double demand_growth_shift = 0.0;
  double outside_jobs_growth = 0.0;
  double retirement_scale = 1.0;
  double retirement_age_shift = 0.0;
  double quit_scale = 1.0;
  double layoff_scale = 1.0;
  // Share of employed residents temporarily laid off in full (helt permittert) in the month:
  // they keep their jobs, and NAV counts them among the registered unemployed.
  double temporary_layoff_share = 0.0;
  double disability_scale = 1.0;
  double care_demand_growth = 0.0;  // extra yearly growth of health and care jobs (industry Q)
  // Yearly growth of staff per user in the care and health services of
  // data.service_demand (HELSEMOD's standard growth).
  double care_standard_growth = 0.0;
  // A position in Østfold vacant this many months is withdrawn and counted as
  // unmet demand; 0: never (vacancies stay open).
  int unfilled_withdrawal_months = 12;
  // Employers post withdrawn positions again where people are at hand.
  bool unmet_repost = true;
  int shortage_months = 3;
  double gap_rating_threshold = 0.05;
  // Mean months before a foreign post-secondary qualification is recognised;
  // 0: recognised on arrival.
  double recognition_months = 0.0;
  // Extra yearly job growth by industry (index of data.industries); empty: none.
  std::vector<double> industry_growth_shift;
  // Yearly relative trend of each occupation's share of an industry's
  // positions (index of data.occupations); empty: none.
  std::vector<double> occupation_demand_trend;
  // Multiplies data.occupation_trend; 0: the start date's staffing.
  double occupation_trend_scale = 1.0;
  // Multiplies the qualification trends of data.occupation_trend; 0: what each
  // occupation asks for stays as on the start date.
  double requirement_trend_scale = 1.0;
  // Power on data.turnover_by_occupation's quit factors; 0: every occupation
  // quits at the age-sex rates.
  double occupation_turnover_scale = 1.0;
  // Supply responses and seasons (labour_supply_keys.cpp).
  double seasonality = 4.0;  // gain of the seasonal pattern of separations; 0: none
  double in_commuting_response = 0.5;
  double participation_response = 0.5;  // elasticity of the others' activation to tightness  //
                                        // elasticity of in-commuters to tightness; 0: fixed

  bool operator==(const LabourParams&) const = default;
};

// Fixed for a run (not changed by policies).
struct LabourSetup {
  double initial_vacancy_rate = 0.03;
  // When an education model runs, it enrols and graduates people; the labour
  // market then leaves entry into and exit from education to it.
  bool external_education = false;
  // Years over which each industry's own trend fades linearly to the
  // all-industry rate; 0: the trends never fade.
  double industry_trend_fade_years = 15;
  // Jobs of the services in data.service_demand follow the residents they serve.
  bool population_driven_services = true;
  // Services staffed by their own mix (data.service_staffing) move their
  // industry's occupations as they grow.
  bool service_staffing = true;
  // Seasonal pattern the flows give the unemployment stock
  // (data.unemployment_seasonality); none: no seasons.
  std::optional<SeasonalIndex> seasonal_index;
  // NAV's disability stock by sex (data.disability_stock); none: no
  // disability group.
  std::optional<DisabilityStock> disability_stock;
  // The population holds still (demography.stationary): nobody ages, so nobody
  // retires; an exit by age would drain the ages where it fires, month after month.
  bool stationary = false;
  // Months the labour market runs its own flows before the first recorded
  // month, with the population and demand held at the start date
  // (labour_burn_in.cpp); 0: the run starts from the start placement itself.
  int burn_in_months = 0;
};

void add_labour_keys(scenario::Schema& schema);
// The keys of the supply responses and the seasons (labour_supply_keys.cpp),
// added by add_labour_keys and read by labour_params_at.
void add_labour_supply_keys(scenario::Schema& schema);
void read_labour_supply_params(const scenario::Scenario& scenario, Month month, LabourParams& p);
// The keys that hold one value each. The map-valued keys, whose entries are
// named by the codes of the labour tables, need the data: the overload below.
LabourParams labour_params_at(const scenario::Scenario& scenario, Month month);
// Every key, the maps (labour.industry_growth_shift.<industry>,
// labour.occupation_demand_trend.<occupation>) included.
LabourParams labour_params_at(const scenario::Scenario& scenario, const LabourData& data,
                              Month month);
// Throws scenario::ScenarioError, pointing at where it was set, for a map
// entry or policy naming an industry or occupation code the tables lack.
void check_labour_keys(const scenario::Scenario& scenario, const LabourData& data);
LabourSetup labour_setup(const scenario::Scenario& scenario);
LabourFiles labour_files(const scenario::Scenario& scenario);

}  // namespace kfsim
