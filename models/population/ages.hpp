#pragma once
// Age bounds shared by the data tables and the measures.
#include <algorithm>
#include <cstddef>

namespace kfsim {

// Oldest single-year age in the population and migration tables (SSB table
// 07459 as packaged gives ages 0-105); older persons use this age's rates.
inline constexpr int kMaxTableAge = 105;
// Oldest age in the HMD life table (110+ is an open interval there).
inline constexpr int kMaxMortalityAge = 110;

// Five-year age groups 0-4 ... 85-89 and 90+, as SSB publishes them.
inline constexpr int kAgeGroupWidth = 5;
inline constexpr std::size_t kAgeGroupCount = 19;

constexpr std::size_t age_group_of(int age) {
  return std::min<std::size_t>(static_cast<std::size_t>(age / kAgeGroupWidth), kAgeGroupCount - 1);
}

}  // namespace kfsim
