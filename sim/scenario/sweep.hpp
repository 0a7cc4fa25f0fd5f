#pragma once
// A parameter sweep: a [sweep] table in the scenario file that is run lists values for one or
// more keys, and the scenario is run at every combination of them ("grid", the default) or at
// the listed positions taken together ("list": the first value of every key, then the second,
// ...). Each combination is a sweep point: the scenario with those keys set.
//
//   [sweep]
//   mode = "grid"
//   labour.outside_search_rate = [0.02, 0.03, 0.04]
//   education.extra_places.HIO_NURS = [0, 40]
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/value.hpp"

namespace kfsim::scenario {

// The most points one sweep may have: more is almost surely a mistake, and each point is a file.
inline constexpr std::size_t kMaxSweepPoints = 10000;

struct SweepAxis {
  std::string key;            // a schema key or map entry, in full
  std::vector<Value> values;  // each checked like a file value of the key
  std::string origin;         // "file:line"
};

struct Sweep {
  enum class Mode { Grid, List };
  Mode mode = Mode::Grid;
  std::vector<SweepAxis> axes;  // in the order written

  bool empty() const { return axes.empty(); }
  // 1 without a sweep: the scenario itself is the only point.
  std::size_t points() const;
  // The (key, value) pairs of point i: in grid mode the last axis varies fastest.
  std::vector<std::pair<std::string, Value>> point(std::size_t i) const;
  // "labour.outside_search_rate = 0.03, education.extra_places.HIO_NURS = 40"
  std::string describe_point(std::size_t i) const;
};

}  // namespace kfsim::scenario
