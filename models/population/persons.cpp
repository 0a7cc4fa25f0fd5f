#include "models/population/persons.hpp"

namespace kfsim {

Persons::Persons()
    : table("persons"),
      birth_month(table.add_column<std::int32_t>("birth_month", "months since January of year 0",
                                                 "calendar month of birth")),
      sex(table.add_column<std::int8_t>("sex", "code", "0 female, 1 male")),
      municipality(table.add_column<std::int8_t>(
          "municipality", "index", "home municipality, index into the municipality table")) {}

}  // namespace kfsim
