#include "sim/run/parameter_draws.hpp"

#include <cmath>
#include <numeric>

#include "sim/rng/random.hpp"

namespace kfsim {

namespace {

// FNV-1a: a key's draws follow its name, so adding or reordering other keys leaves them as
// they were.
std::uint64_t name_hash(const std::string& name) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : name) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

}  // namespace

ParameterDraws draw_parameters(const scenario::Uncertainty& uncertainty, std::uint64_t seed,
                               std::uint32_t replicates) {
  ParameterDraws draws;
  draws.replicates = replicates;
  const std::size_t n = uncertainty.parameters.size();
  draws.values.assign(static_cast<std::size_t>(replicates) * n, 0.0);
  // One key for the whole ensemble: replicate number 0 names no replicate here, the stream does.
  const rng::RngKey key(seed, 0);
  const Month origin = Month::from_index(0);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& parameter = uncertainty.parameters[k];
    draws.keys.push_back(parameter.key);
    rng::Draws stream(key, name_hash(parameter.key), origin, rng::Stream::ParameterUncertainty);
    // The strata in a random order (Fisher-Yates), then a point within each.
    std::vector<std::uint32_t> stratum(replicates);
    std::iota(stratum.begin(), stratum.end(), 0U);
    for (std::uint32_t i = replicates; i > 1; --i) {
      std::swap(stratum[i - 1], stratum[stream.below(i)]);
    }
    for (std::uint32_t r = 0; r < replicates; ++r) {
      const double u = (stratum[r] + stream.uniform()) / static_cast<double>(replicates);
      draws.values[r * n + k] = scenario::quantile(parameter, u);
    }
  }
  return draws;
}

scenario::Scenario scenario_for_replicate(const scenario::Scenario& scenario,
                                          const scenario::Uncertainty& uncertainty,
                                          const ParameterDraws& draws, std::uint32_t replicate) {
  scenario::Scenario drawn = scenario;
  // Each drawn value's origin names the [uncertainty] entry it comes from, so that an error
  // about it (a map entry naming a code the data lack) points at that line.
  const std::string draw = " ([uncertainty] draw, replicate " + std::to_string(replicate) + ")";
  for (std::size_t k = 0; k < draws.keys.size(); ++k) {
    const double value = draws.value(replicate, k);
    const std::string label = uncertainty.parameters[k].origin + draw;
    if (uncertainty.parameters[k].integer) {
      drawn.set(draws.keys[k], scenario::Value{static_cast<std::int64_t>(std::llround(value))},
                label);
    } else {
      drawn.set(draws.keys[k], scenario::Value{value}, label);
    }
  }
  return drawn;
}

}  // namespace kfsim
