#pragma once
#include <array>
#include <cstdint>
#include <string>

namespace kfsim {

// Stored as int8 in the person table; the order is the order of the `sex`
// dimension in result files.
enum class Sex : std::int8_t { Female = 0, Male = 1 };
inline constexpr std::size_t kSexCount = 2;
inline constexpr std::array<const char*, kSexCount> kSexLabels = {"female", "male"};

}  // namespace kfsim
