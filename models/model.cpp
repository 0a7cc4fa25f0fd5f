#include "models/model.hpp"

#include "models/demography/demography.hpp"
#include "models/demography/demography_params.hpp"
#include "models/education/education.hpp"
#include "models/education/education_params.hpp"
#include "models/invariants.hpp"
#include "models/labour/labour_market.hpp"
#include "models/labour/labour_params.hpp"
#include "models/model_data.hpp"
#include "models/model_data_cache.hpp"
#include "models/population/persons.hpp"
#include "models/submodels.hpp"
#include "sim/rng/random.hpp"

namespace kfsim {

scenario::Schema model_schema() {
  scenario::Schema schema = scenario::core_schema();
  add_submodels_key(schema);
  add_demography_keys(schema);
  add_labour_keys(schema);
  add_education_keys(schema);
  return schema;
}

namespace {

// The demography without the labour market and education: migration sees the neutral
// tightness, at which its response is exactly nothing (tightness^elasticity = 1 for any
// elasticity), and no graduates settle from elsewhere (only education's added places bring
// them). The tables are still read and the keys checked, so that a scenario is valid or not
// whichever parts of the model run.
void run_demography_alone(const scenario::Scenario& scenario, const DemographyData& data,
                          Demography& demography, const MeasureSet& measures,
                          const RunControl& control) {
  const Month start = scenario.month("start");
  std::vector<Process> processes = {
      {"demography", [&](Month month) {
         demography.step(month, demography_params_at(scenario, month, data.municipalities),
                         kNeutralTightness);
       }}};
  if (control.check_invariants) {
    processes.push_back({"invariants", [&](Month month) {
                           demography.check_invariants(month);
                           check_finite(measures, month);
                         }});
  }
  run_months(start, scenario.month("end"), processes, control, [&] { demography.populate(start); });
}

}  // namespace

ModelRun run_model(const scenario::Scenario& scenario, std::uint32_t replicate,
                   const RunControl& control, ModelDataCache* tables) {
  const Month start = scenario.month("start");
  const Month end = scenario.month("end");
  // A run of an ensemble stopped before it began reads no tables and builds no world.
  stop_if_requested(control, start);
  const std::shared_ptr<const ModelData> loaded =
      tables != nullptr ? tables->get(scenario) : std::make_shared<const ModelData>(scenario);
  const ModelData& model_data = *loaded;
  model_data.check_keys(scenario);
  const DemographyData& data = model_data.demography;
  const LabourData& labour_data = model_data.labour;
  const EducationData& education_data = model_data.education;
  const rng::RngKey key(static_cast<std::uint64_t>(scenario.integer("seed")), replicate);

  ModelRun result;
  Persons persons;
  add_common_dimensions(result.measures, data.municipalities, start, end);
  Demography demography(data, persons, result.measures, key, start, end);
  if (submodels_of(scenario) == SubModels::Demography) {
    run_demography_alone(scenario, data, demography, result.measures, control);
    result.person_months = demography.person_months();
    result.final_population = static_cast<std::int64_t>(persons.size());
    return result;
  }
  LabourSetup setup = labour_setup(scenario);
  setup.external_education = true;
  LabourMarket labour(labour_data, data.municipalities, persons, result.measures, key, start, end,
                      setup);
  Education education(education_data, labour_data, data.municipalities, persons, labour,
                      result.measures, key, start, end, education_signal_lag_months(scenario));

  // Processes in the order the architecture fixes: demography, education, then
  // the labour market (separations, demand, search and matching).
  std::vector<Process> processes = {
      {"demography",
       // Demography runs before the labour market, so it reads the tightness the labour
       // market measured last month: the response comes with a month's lag on top of
       // the 12-month mean (on average about six months old).
       [&](Month month) {
         demography.step(month, demography_params_at(scenario, month, data.municipalities),
                         labour.tightness(), education.take_settlers());
       }},
      {"education",
       [&](Month month) {
         education.step(month, education_params_at(scenario, month),
                        programme_places_at(scenario, education_data, month));
       }},
      {"labour_market",
       [&](Month month) { labour.step(month, labour_params_at(scenario, labour_data, month)); }},
  };
  if (control.check_invariants) {
    processes.push_back({"invariants", [&](Month month) {
                           demography.check_invariants(month);
                           labour.check_invariants(month);
                           check_labour_rates(
                               labour_data, labour_params_at(scenario, labour_data, month), month);
                           education.check_invariants(month);
                           check_finite(result.measures, month);
                         }});
  }
  run_months(start, end, processes, control, [&] {
    demography.populate(start);
    stop_if_requested(control, start);
    labour.initialize(start, labour_params_at(scenario, labour_data, start));
    education.initialize(start);
  });

  result.person_months = demography.person_months();
  result.final_population = static_cast<std::int64_t>(persons.size());
  return result;
}

}  // namespace kfsim
