#pragma once
// Employers (establishments) and their positions. A position is one job an
// employer wants filled: held by a resident, by a non-resident commuter, or
// vacant. Positions outside Østfold (Oslo and Akershus) belong to one
// pseudo-employer and are open to residents who can commute there.
#include <cstdint>

#include "sim/agents/table.hpp"

namespace kfsim {

inline constexpr std::int64_t kVacant = -1;
inline constexpr std::int64_t kNonResident = -2;

// Whether a vacant position has been open `min_months` or more by this month:
// its months_vacant counts the whole months before this one.
inline bool open_at_least(std::int16_t months_vacant, int min_months) {
  return months_vacant + 1 >= min_months;
}

struct Employers {
  Employers();
  Table table;
  ColumnRef<std::int8_t> industry;       // index into the industry table; -1 outside Østfold
  ColumnRef<std::int8_t> area;           // work area: municipality index, or the outside area
  ColumnRef<std::int32_t> initial_size;  // positions on the start date
  std::size_t size() const { return table.size(); }
};

struct Positions {
  Positions();
  Table table;
  ColumnRef<std::int32_t> employer;  // slot in the employer table
  // The employer's industry, kept beside the position so that the monthly
  // passes over all positions read it in order, not through the employer table.
  ColumnRef<std::int8_t> industry;
  ColumnRef<std::int8_t> occupation;      // index into the occupation table
  ColumnRef<std::int8_t> area;            // the employer's work area
  ColumnRef<std::int64_t> holder;         // person id, kVacant or kNonResident
  ColumnRef<std::int16_t> months_vacant;  // months since the position was last filled
  ColumnRef<std::int8_t> abolished;       // 1 when demand fell and the position is to go
  std::size_t size() const { return table.size(); }
};

}  // namespace kfsim
