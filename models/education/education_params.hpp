#pragma once
// The scenario keys of the education model and their values in a month.
#include <string>
#include <vector>

#include "models/education/education_data.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

struct EducationParams {
  double higher_application_rate_general = 0.75;
  double higher_application_rate_vocational = 0.15;
  double master_application_rate = 0.3;
  double vg3_in_school_share = 0.8091;
  double adult_application_rate = 0.035;
  double adult_application_age_decline = 0.03;
  double labour_market_signal_strength = 0.0;
  double outside_applicants_per_place = 1.0;
  // Outside applicants admitted to places above the table's: the share who live in
  // Østfold, and of the rest the share who settle there after completing.
  double outside_resident_share = 0.59;
  double outside_graduate_settle_share = 0.3;
  // The population holds still (demography.stationary): nobody is admitted, drops
  // out or completes, so every student stays in the programme of the start date.
  bool stationary = false;
};

void add_education_keys(scenario::Schema& schema);
EducationParams education_params_at(const scenario::Scenario& scenario, Month month);
int education_signal_lag_months(const scenario::Scenario& scenario);

// Intake places per programme in a month's admissions: the table's places,
// times education.places_scale.<code>, plus education.extra_places.<code>;
// negative means unlimited.
std::vector<double> programme_places_at(const scenario::Scenario& scenario,
                                        const EducationData& data, Month month);

// Every programme named under education.places_scale or education.extra_places
// must exist: throws scenario::ScenarioError naming where an unknown one was set.
void check_programme_keys(const scenario::Scenario& scenario, const EducationData& data);

}  // namespace kfsim
