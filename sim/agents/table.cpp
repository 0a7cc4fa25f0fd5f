#include "sim/agents/table.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "sim/parallel/parallel.hpp"

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
  // The kept rows as runs of consecutive slots, found once: a month removes few
  // rows (deaths, moves), so each column moves a few long blocks instead of
  // testing every row.
  struct Run {
    std::size_t from, length;
  };
  std::vector<Run> runs;
  std::size_t slot = 0;
  while (slot < keep.size()) {
    while (slot < keep.size() && !keep[slot]) ++slot;
    const std::size_t from = slot;
    while (slot < keep.size() && keep[slot]) ++slot;
    if (slot > from) runs.push_back({from, slot - from});
  }
  if (runs.size() == 1 && runs.front().from == 0 && runs.front().length == keep.size()) return;
  auto compact = [&](auto& column) {
    std::size_t out = 0;
    for (const Run& run : runs) {
      // Rows move only towards the front, so a forward copy is safe.
      if (out != run.from) {
        std::copy(column.begin() + static_cast<std::ptrdiff_t>(run.from),
                  column.begin() + static_cast<std::ptrdiff_t>(run.from + run.length),
                  column.begin() + static_cast<std::ptrdiff_t>(out));
      }
      out += run.length;
    }
    column.resize(out);
  };
  // Each column moves on its own: they share nothing, and which thread moves
  // which column changes no byte.
  parallel_for_each_index(
      columns_.size() + 1,
      [&](std::size_t c) {
        if (c == 0) {
          compact(ids_);
        } else {
          std::visit(compact, columns_[c - 1]);
        }
      },
      1);
}

}  // namespace kfsim
