#include "models/labour/positions.hpp"

namespace kfsim {

Employers::Employers()
    : table("employers"),
      industry(table.add_column<std::int8_t>("industry", "index",
                                             "SN2007 industry group; -1 outside Østfold")),
      area(table.add_column<std::int8_t>(
          "area", "index",
          "work area: municipality index, or the index after the last for Oslo/Akershus")),
      initial_size(table.add_column<std::int32_t>("initial_size", "positions",
                                                  "positions on the start date")) {}

Positions::Positions()
    : table("positions"),
      employer(table.add_column<std::int32_t>("employer", "index", "slot in the employer table")),
      industry(table.add_column<std::int8_t>("industry", "index",
                                             "the employer's SN2007 industry group; -1 outside "
                                             "Østfold")),
      occupation(
          table.add_column<std::int8_t>("occupation", "index", "STYRK-08 2-digit occupation")),
      area(table.add_column<std::int8_t>("area", "index", "work area of the employer")),
      holder(table.add_column<std::int64_t>(
          "holder", "person id", "resident holding the job; -1 vacant, -2 non-resident", kVacant)),
      months_vacant(table.add_column<std::int16_t>("months_vacant", "month",
                                                   "months the position has been vacant")),
      abolished(table.add_column<std::int8_t>(
          "abolished", "flag", "1 when demand fell and the position will be removed")) {}

}  // namespace kfsim
