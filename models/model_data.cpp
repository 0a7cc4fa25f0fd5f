#include "models/model_data.hpp"

#include "models/demography/demography_params.hpp"
#include "models/education/education_params.hpp"
#include "models/labour/labour_params.hpp"

namespace kfsim {

ModelData::ModelData(const scenario::Scenario& scenario)
    : demography(load_demography_data(demography_files(scenario))),
      labour(load_labour_data(labour_files(scenario), demography.municipalities)),
      education(load_education_data(scenario.file("data.programmes"), labour,
                                    demography.municipalities)) {}

void ModelData::check_keys(const scenario::Scenario& scenario) const {
  check_programme_keys(scenario, education);
  check_labour_keys(scenario, labour);
  check_municipality_keys(scenario, demography.municipalities);
}

}  // namespace kfsim
