#pragma once
// Comparing two runs' measures to the last bit, for the determinism tests.
#include <cstring>
#include <type_traits>
#include <variant>

#include "sim/run/measures.hpp"

namespace kfsim {

// Equal to the last bit: doubles are compared by their bytes, so that a different rounding
// (say, from adding partial sums in another order) shows, a NaN equals itself and 0.0 differs
// from -0.0.
inline bool bit_identical(const Measure& a, const Measure& b) {
  if (a.values.index() != b.values.index()) return false;
  return std::visit(
      [&](const auto& left) {
        const auto& right = std::get<std::decay_t<decltype(left)>>(b.values);
        return left.size() == right.size() &&
               (left.empty() ||
                std::memcmp(left.data(), right.data(), left.size() * sizeof(left[0])) == 0);
      },
      a.values);
}

}  // namespace kfsim
