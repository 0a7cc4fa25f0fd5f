#pragma once
// The data tables a scenario names, loaded once, and the one check of the scenario's
// keys against them that both `kfsim run` and `kfsim check` make: a map entry that names
// a programme, industry, occupation or municipality the tables lack is an error in both.
#include "models/demography/demography_data.hpp"
#include "models/education/education_data.hpp"
#include "models/labour/labour_data.hpp"
#include "sim/scenario/scenario.hpp"

namespace kfsim {

struct ModelData {
  // Reads every table the scenario names; throws data::DataError naming the file, line and
  // column of the first bad value.
  explicit ModelData(const scenario::Scenario& scenario);
  ModelData(const ModelData&) = delete;
  ModelData& operator=(const ModelData&) = delete;

  // Throws a ScenarioError naming the key and where it was set when a map entry of the
  // scenario, or of one of its policies, names a code these tables do not hold, or when the
  // scenario starts outside the year of the state the population table holds.
  void check_keys(const scenario::Scenario& scenario) const;

  DemographyData demography;
  LabourData labour;
  EducationData education;
};

}  // namespace kfsim
