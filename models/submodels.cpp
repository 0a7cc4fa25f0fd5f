#include "models/submodels.hpp"

namespace kfsim {

void add_submodels_key(scenario::Schema& schema) {
  // No "demography+education": education reads what the labour market gives every resident
  // (competence, labour status, the competence a student studies for) and follows graduates
  // into jobs, so it has nothing to run on without the labour market.
  schema.add({.key = "models",
              .type = scenario::Type::String,
              .default_value = std::string("all"),
              .choices = {"all", "demography"},
              .meaning = "Which parts of the model run: \"all\" (demography, education and the "
                         "labour market) or \"demography\" alone (births, deaths and moves; "
                         "migration does not respond to the labour market, as at a tightness of "
                         "1, and no graduates settle from elsewhere; the result file holds the "
                         "demography's measures only).",
              .source = "Assumption: the whole model unless a population projection alone is "
                        "wanted.",
              .policy_settable = false});
}

SubModels submodels_of(const scenario::Scenario& scenario) {
  return scenario.string("models") == "demography" ? SubModels::Demography : SubModels::All;
}

}  // namespace kfsim
