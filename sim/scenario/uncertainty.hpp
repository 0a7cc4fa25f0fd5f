#pragma once
// Parameter uncertainty: an [uncertainty] table in a scenario gives, for numeric keys, a
// distribution from which each replicate draws its own value, so that the spread of an
// ensemble holds what is not known about the parameters as well as random variation.
//
//   [uncertainty]
//   "migration.in_scale" = { distribution = "triangular", min = 0.85, mode = 1.0, max = 1.15,
//                            reason = "SSB's low and high migration alternatives" }
//   labour.retirement_scale = { distribution = "normal", mean = 1.0, sd = 0.05, min = 0.9,
//                               max = 1.1, reason = "..." }
#include <cstddef>
#include <string>
#include <vector>

namespace kfsim::scenario {

enum class Distribution { Uniform, Normal, Triangular };

struct UncertainParameter {
  std::string key;  // a Real or Integer schema key, or an entry of such a map, in full
  Distribution distribution = Distribution::Uniform;
  double min = 0;  // every distribution is bounded: a normal one is truncated to [min, max]
  double max = 0;
  double mode = 0;       // triangular
  double mean = 0;       // normal
  double sd = 0;         // normal
  bool integer = false;  // an Integer key: the drawn value is rounded to the nearest integer
  std::string reason;    // what the range rests on
  std::string origin;    // "file:line"
  std::string file;      // where it was written, for messages
  int line = 0;
};

struct Uncertainty {
  std::vector<UncertainParameter> parameters;  // in the order the files write them

  bool empty() const { return parameters.empty(); }
  const UncertainParameter* find(const std::string& key) const;
};

// The value at cumulative probability u in [0, 1) (the inverse of the distribution function);
// for an Integer key, rounded. Always within [min, max].
double quantile(const UncertainParameter& parameter, double u);

// "triangular(min 0.85, mode 1, max 1.15)"
std::string describe(const UncertainParameter& parameter);

}  // namespace kfsim::scenario
