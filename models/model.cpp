#include "models/model.hpp"

#include "models/demography/demography.hpp"
#include "models/demography/demography_params.hpp"
#include "models/population/persons.hpp"
#include "sim/rng/random.hpp"

namespace kfsim {

scenario::Schema model_schema() {
  scenario::Schema schema = scenario::core_schema();
  add_demography_keys(schema);
  return schema;
}

ModelRun run_model(const scenario::Scenario& scenario, std::uint32_t replicate,
                   const RunControl& control) {
  const Month start = scenario.month("start");
  const Month end = scenario.month("end");
  const DemographyData data = load_demography_data(demography_files(scenario));
  const rng::RngKey key(static_cast<std::uint64_t>(scenario.integer("seed")), replicate);

  ModelRun result;
  Persons persons;
  add_common_dimensions(result.measures, data.municipalities, start, end);
  Demography demography(data, persons, result.measures, key, start, end);

  const std::vector<Process> processes = {
      {"demography",
       [&](Month month) { demography.step(month, demography_params_at(scenario, month)); }},
  };
  run_months(start, end, processes, control, [&] { demography.populate(start); });

  result.person_months = demography.person_months();
  result.final_population = static_cast<std::int64_t>(persons.size());
  return result;
}

}  // namespace kfsim
