#include "models/labour/occupation_rows.hpp"

#include <string>

#include "models/labour/labour_data.hpp"

namespace kfsim {

OccupationRows::OccupationRows(const Categories& occupations)
    : occupations_(occupations), line_(occupations.size(), 0) {}

std::size_t OccupationRows::occupation(const data::CsvTable& table, std::size_t row) {
  const std::string& code = table.text(row, "occupation");
  const auto o = occupations_.index_of(code);
  if (o < 0) {
    table.fail(
        row, "occupation",
        "unknown occupation code '" + code + "'; expected a STYRK-08 code of the occupation table");
  }
  const auto k = static_cast<std::size_t>(o);
  if (line_[k] != 0) {
    table.fail(row, "occupation",
               "occupation " + code + " is given twice (first on line " + std::to_string(line_[k]) +
                   "); expected at most one row for each occupation");
  }
  line_[k] = table.line_of(row);
  return k;
}

}  // namespace kfsim
