#pragma once
// Which of the model's parts a run builds: every one (demography, education and the labour
// market), or the demography alone, a population projection in its own right.
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"

namespace kfsim {

enum class SubModels { All, Demography };

// Adds the top-level key `models` ("all" or "demography").
void add_submodels_key(scenario::Schema& schema);

SubModels submodels_of(const scenario::Scenario& scenario);

}  // namespace kfsim
