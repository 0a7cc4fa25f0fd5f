#pragma once
// Agents stored as columns (structure of arrays). A Table owns one contiguous
// vector per attribute plus a registry naming each column's type, unit and
// meaning; the writer and the tests iterate over that registry. Stable ids are
// kept apart from storage slots: slots change when rows are removed, ids never.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace kfsim {

enum class ColumnType { Int8, Int16, Int32, Int64, Float64 };

std::string column_type_name(ColumnType type);

struct ColumnInfo {
  std::string name;
  ColumnType type;
  std::string unit;
  std::string meaning;
};

template <class T>
struct ColumnRef {
  std::size_t index = 0;
};

using AgentId = std::int64_t;

class Table {
 public:
  explicit Table(std::string name);

  // Adds a column (all rows get `initial`). Names are unique within a table.
  template <class T>
  ColumnRef<T> add_column(std::string name, std::string unit, std::string meaning, T initial = T{});

  std::size_t size() const { return ids_.size(); }
  const std::string& name() const { return name_; }
  const std::vector<ColumnInfo>& registry() const { return registry_; }

  std::span<const AgentId> ids() const { return ids_; }
  template <class T>
  std::vector<T>& column(ColumnRef<T> ref) {
    return std::get<std::vector<T>>(columns_[ref.index]);
  }
  template <class T>
  const std::vector<T>& column(ColumnRef<T> ref) const {
    return std::get<std::vector<T>>(columns_[ref.index]);
  }

  // Appends `count` rows with fresh ids (in increasing order) and each column's
  // initial value; returns the slot of the first new row.
  std::size_t append(std::size_t count);
  // Keeps the rows whose keep[slot] is non-zero, in their current order, so a
  // removal never reorders the survivors (and never depends on thread timing).
  void retain(std::span<const std::uint8_t> keep);
  AgentId next_id() const { return next_id_; }

 private:
  using Storage =
      std::variant<std::vector<std::int8_t>, std::vector<std::int16_t>, std::vector<std::int32_t>,
                   std::vector<std::int64_t>, std::vector<double>>;
  using Initial = std::variant<std::int8_t, std::int16_t, std::int32_t, std::int64_t, double>;
  template <class T>
  static constexpr ColumnType type_of();
  void check_new_name(const std::string& name) const;

  std::string name_;
  std::vector<AgentId> ids_;
  std::vector<Storage> columns_;
  std::vector<Initial> initial_;
  std::vector<ColumnInfo> registry_;
  AgentId next_id_ = 0;
};

template <class T>
constexpr ColumnType Table::type_of() {
  if constexpr (std::is_same_v<T, std::int8_t>)
    return ColumnType::Int8;
  else if constexpr (std::is_same_v<T, std::int16_t>)
    return ColumnType::Int16;
  else if constexpr (std::is_same_v<T, std::int32_t>)
    return ColumnType::Int32;
  else if constexpr (std::is_same_v<T, std::int64_t>)
    return ColumnType::Int64;
  else {
    static_assert(std::is_same_v<T, double>, "unsupported column type");
    return ColumnType::Float64;
  }
}

template <class T>
ColumnRef<T> Table::add_column(std::string name, std::string unit, std::string meaning, T initial) {
  check_new_name(name);
  registry_.push_back({std::move(name), type_of<T>(), std::move(unit), std::move(meaning)});
  columns_.emplace_back(std::vector<T>(size(), initial));
  initial_.emplace_back(initial);
  return ColumnRef<T>{columns_.size() - 1};
}

}  // namespace kfsim
