#include "models/geography/municipalities.hpp"

#include "models/data/csv_table.hpp"

namespace kfsim {

std::optional<std::size_t> Municipalities::index_of(std::int32_t code) const {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return i;
  }
  return std::nullopt;
}

Municipalities load_municipalities(const std::filesystem::path& file) {
  const auto table = data::CsvTable::read(file, {"code", "name"});
  Municipalities result;
  // Municipality indices are stored as int8 in the person table.
  if (table.rows() > 100)
    table.fail(100, "code", "more than 100 municipalities; expected a county");
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const auto code = static_cast<std::int32_t>(table.integer(row, "code", 1, 9999));
    if (result.index_of(code)) table.fail(row, "code", "municipality code listed twice");
    const auto& name = table.text(row, "name");
    if (name.empty()) table.fail(row, "name", "empty municipality name");
    result.codes.push_back(code);
    result.names.push_back(name);
  }
  return result;
}

}  // namespace kfsim
