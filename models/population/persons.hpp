#pragma once
// The person table: one row per resident of Østfold, stored as columns.
#include <cstdint>

#include "sim/agents/table.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

struct Persons {
  Persons();

  Table table;
  ColumnRef<std::int32_t> birth_month;  // Month::index() of the month of birth
  ColumnRef<std::int8_t> sex;           // Sex
  ColumnRef<std::int8_t> municipality;  // index into Municipalities (home)

  std::size_t size() const { return table.size(); }
};

}  // namespace kfsim
