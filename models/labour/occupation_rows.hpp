#pragma once
// Tables keyed by occupation (data.occupation_trend, data.turnover_by_occupation):
// each row names one occupation of the occupation table, at most once.
#include <cstddef>
#include <vector>

#include "models/data/csv_table.hpp"

namespace kfsim {

struct Categories;  // labour_data.hpp

// Tracks the rows of a table keyed by occupation code (column "occupation").
class OccupationRows {
 public:
  explicit OccupationRows(const Categories& occupations);
  // The occupation index of `row`. An unknown code, or one given on an earlier
  // row, is an error naming the file, line and column.
  std::size_t occupation(const data::CsvTable& table, std::size_t row);
  // Whether some row named occupation `o`.
  bool listed(std::size_t o) const { return line_[o] != 0; }

 private:
  const Categories& occupations_;
  std::vector<int> line_;  // the line that named each occupation, 0: none
};

}  // namespace kfsim
