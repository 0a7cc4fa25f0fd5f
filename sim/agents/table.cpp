#include "sim/agents/table.hpp"

#include <stdexcept>

namespace kfsim {

std::string column_type_name(ColumnType type) {
  switch (type) {
    case ColumnType::Int8:
      return "int8";
    case ColumnType::Int16:
      return "int16";
    case ColumnType::Int32:
      return "int32";
    case ColumnType::Int64:
      return "int64";
    case ColumnType::Float64:
      return "float64";
  }
  return "unknown";
}

Table::Table(std::string name) : name_(std::move(name)) {}

void Table::check_new_name(const std::string& name) const {
  if (name.empty() || name == "id") {
    throw std::logic_error("table '" + name_ + "': invalid column name '" + name + "'");
  }
  for (const auto& info : registry_) {
    if (info.name == name) {
      throw std::logic_error("table '" + name_ + "': duplicate column '" + name + "'");
    }
  }
}

std::size_t Table::append(std::size_t count) {
  const std::size_t first = size();
  for (std::size_t i = 0; i < count; ++i) ids_.push_back(next_id_++);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    std::visit(
        [&](auto& column) {
          using T = typename std::decay_t<decltype(column)>::value_type;
          column.resize(first + count, std::get<T>(initial_[c]));
        },
        columns_[c]);
  }
  return first;
}

void Table::retain(std::span<const std::uint8_t> keep) {
  if (keep.size() != size()) {
    throw std::logic_error("table '" + name_ + "': retain mask has the wrong length");
  }
  // Rows before the first removed one stay where they are.
  std::size_t first_removed = 0;
  while (first_removed < keep.size() && keep[first_removed]) ++first_removed;
  if (first_removed == keep.size()) return;
  auto compact = [&](auto& column) {
    std::size_t out = first_removed;
    for (std::size_t slot = first_removed; slot < keep.size(); ++slot) {
      if (keep[slot]) column[out++] = column[slot];
    }
    column.resize(out);
  };
  compact(ids_);
  for (auto& column : columns_) std::visit(compact, column);
}

}  // namespace kfsim
