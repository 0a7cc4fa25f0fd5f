#pragma once
// How people and employers weigh their options: small pure functions shared by
// the initial placement and the monthly search.
#include <cmath>
#include <cstddef>
#include <span>

#include "models/labour/labour_params.hpp"

namespace kfsim {

// Index i with probability weights[i] / sum, for u in [0, 1); the last index
// with a positive weight when rounding leaves u beyond the sum. Weights must not
// all be zero.
inline std::size_t pick_weighted(std::span<const double> weights, double u) {
  double total = 0;
  for (double w : weights) total += w;
  double target = u * total;
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    last_positive = i;
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  return last_positive;
}

// Assumption: people look mostly for jobs that suit their competence; a job
// with half the fit is 1/16 as attractive. Calibrated so that about one in five
// of the employed hold a job their competence fits poorly (fit below 0.8).
// A job the fit table does not list (fit 0) still weighs a little, for the
// last pass of the initial placement.
inline double fit_weight(double fit) { return fit > 0 ? fit * fit * fit * fit : 1e-6; }

// Interest in a place of work falls exponentially with the travel time.
inline double commute_weight(double minutes, const LabourParams& params) {
  return std::exp(-minutes / params.commute_decay_minutes);
}

}  // namespace kfsim
