#pragma once
// Invariants checked every month when a run asks for them (--check, and always in builds with
// KFSIM_RUNTIME_CHECKS): beyond each model's own accounting, the probabilities the month uses
// are probabilities and no measure holds a NaN or an infinity. Each throws std::logic_error
// naming the first violation and the month.
#include "models/labour/labour_data.hpp"
#include "models/labour/labour_params.hpp"
#include "sim/run/measures.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

// Monthly separation probabilities after the scenario's scales, and the monthly rates of
// search, exit and activation, all in [0, 1].
void check_labour_rates(const LabourData& data, const LabourParams& params, Month month);

// Every real-valued measure finite.
void check_finite(const MeasureSet& measures, Month month);

}  // namespace kfsim
