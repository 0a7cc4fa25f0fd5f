#include "models/model_data.hpp"

#include "models/demography/demography_params.hpp"
#include "models/education/education_params.hpp"
#include "models/labour/labour_params.hpp"
#include "models/scenario_keys.hpp"

namespace kfsim {

ModelData::ModelData(const scenario::Scenario& scenario)
    : demography(load_demography_data(demography_files(scenario))),
      labour(load_labour_data(labour_files(scenario), demography.municipalities)),
      education(load_education_data(scenario.file("data.programmes"), labour,
                                    demography.municipalities)) {}

namespace {

// The run starts from the population table's state: in the year of its date, never decades
// before or after as if the 2024 population were that of 1900.
void check_start_date(const scenario::Scenario& scenario, const DemographyData& demography) {
  const Month start = scenario.month("start");
  const Month date = demography.population_date;
  if (start >= date && start <= date + 11) return;
  throw error_at_origin(
      scenario.origin("start"), "start",
      "the run starts in " + start.to_string() + ", but " + demography.population_file.string() +
          " (data.population) holds the population of " + date.to_string() + "-01",
      "a start from " + date.to_string() + " to " + (date + 11).to_string() +
          ", or a population table of the start's year");
}

}  // namespace

void ModelData::check_keys(const scenario::Scenario& scenario) const {
  check_start_date(scenario, demography);
  check_programme_keys(scenario, education);
  check_labour_keys(scenario, labour);
  check_municipality_keys(scenario, demography.municipalities);
}

}  // namespace kfsim
