#include "sim/agents/table.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace kfsim {
namespace {

TEST(Table, AppendGivesIncreasingIdsAndInitialValues) {
  Table table("t");
  auto age = table.add_column<std::int32_t>("age", "year", "age", 7);
  EXPECT_EQ(table.append(3), 0u);
  EXPECT_EQ(table.append(2), 3u);
  ASSERT_EQ(table.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(table.ids()[i], static_cast<AgentId>(i));
    EXPECT_EQ(table.column(age)[i], 7);
  }
}

TEST(Table, RetainKeepsOrderAndNeverReusesIds) {
  Table table("t");
  auto value = table.add_column<double>("value", "1", "a number");
  table.append(5);
  for (std::size_t i = 0; i < 5; ++i) table.column(value)[i] = static_cast<double>(i) * 1.5;
  const std::vector<std::uint8_t> keep = {1, 0, 1, 0, 1};
  table.retain(keep);
  ASSERT_EQ(table.size(), 3u);
  EXPECT_EQ(table.ids()[0], 0);
  EXPECT_EQ(table.ids()[1], 2);
  EXPECT_EQ(table.ids()[2], 4);
  EXPECT_DOUBLE_EQ(table.column(value)[1], 3.0);
  table.append(1);
  EXPECT_EQ(table.ids()[3], 5);
}

TEST(Table, RetainMatchesARowByRowFilterForEveryMaskOfEightRows) {
  // Every keep mask of 8 rows (none kept, all kept, runs at either end or in
  // the middle), on two columns of different types, against a plain filter.
  for (unsigned mask = 0; mask < 256; ++mask) {
    Table table("t");
    auto small = table.add_column<std::int8_t>("small", "1", "a small number");
    auto large = table.add_column<std::int64_t>("large", "1", "a large number");
    table.append(8);
    std::vector<std::uint8_t> keep(8);
    std::vector<AgentId> ids;
    std::vector<std::int64_t> values;
    for (std::size_t i = 0; i < 8; ++i) {
      table.column(small)[i] = static_cast<std::int8_t>(i);
      table.column(large)[i] = static_cast<std::int64_t>(i) * 1000;
      keep[i] = (mask >> i) & 1u;
      if (keep[i]) {
        ids.push_back(static_cast<AgentId>(i));
        values.push_back(static_cast<std::int64_t>(i) * 1000);
      }
    }
    table.retain(keep);
    ASSERT_EQ(table.size(), ids.size()) << "mask " << mask;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      EXPECT_EQ(table.ids()[k], ids[k]) << "mask " << mask;
      EXPECT_EQ(table.column(large)[k], values[k]) << "mask " << mask;
      EXPECT_EQ(table.column(small)[k], static_cast<std::int8_t>(ids[k])) << "mask " << mask;
    }
  }
}

TEST(Table, RegistryDescribesEveryColumn) {
  Table table("persons");
  table.add_column<std::int8_t>("sex", "code", "0 female, 1 male");
  table.add_column<std::int32_t>("birth_month", "month", "month of birth");
  ASSERT_EQ(table.registry().size(), 2u);
  EXPECT_EQ(table.registry()[0].name, "sex");
  EXPECT_EQ(table.registry()[0].type, ColumnType::Int8);
  EXPECT_EQ(table.registry()[1].unit, "month");
  EXPECT_THROW(table.add_column<std::int8_t>("sex", "", ""), std::logic_error);
  EXPECT_THROW(table.add_column<std::int8_t>("id", "", ""), std::logic_error);
}

TEST(Table, RetainRejectsAMaskOfTheWrongLength) {
  Table table("t");
  table.append(2);
  const std::vector<std::uint8_t> keep = {1};
  EXPECT_THROW(table.retain(keep), std::logic_error);
}

}  // namespace
}  // namespace kfsim
