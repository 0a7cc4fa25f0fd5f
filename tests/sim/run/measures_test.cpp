#include "sim/run/measures.hpp"

#include <gtest/gtest.h>

namespace kfsim {
namespace {

MeasureSet small_set() {
  MeasureSet set;
  set.add_dimension({"year", "1", "calendar year", {2024, 2025}, "", {}});
  set.add_dimension({"sex", "1", "sex", {0, 1}, "sex_name", {"female", "male"}});
  return set;
}

TEST(MeasureSet, CountsAreRowMajor) {
  auto set = small_set();
  auto id = set.declare_count("births", {"year", "sex"}, "persons", "live births", "year: sum");
  set.count(id, {1, 0}) = 5;
  set.count(id, {0, 1}) = 3;
  const auto values = set.counts(id);
  ASSERT_EQ(values.size(), 4u);
  EXPECT_EQ(values[1], 3);
  EXPECT_EQ(values[2], 5);
  EXPECT_EQ(set.shape(set.measure(id)), (std::vector<std::size_t>{2, 2}));
}

TEST(MeasureSet, RejectsMistakes) {
  auto set = small_set();
  auto id = set.declare_count("births", {"year", "sex"}, "persons", "live births", "");
  EXPECT_THROW(set.count(id, {2, 0}), std::out_of_range);
  EXPECT_THROW(set.count(id, {0}), std::logic_error);
  EXPECT_THROW(set.declare_count("births", {"year"}, "", "", ""), std::logic_error);
  EXPECT_THROW(set.declare_count("x", {"nope"}, "", "", ""), std::logic_error);
  EXPECT_THROW(set.add_dimension({"sex", "", "", {0}, "", {}}), std::logic_error);
  EXPECT_THROW(set.add_dimension({"bad", "", "", {0, 1}, "bad_name", {"a"}}), std::logic_error);
}

TEST(MeasureSet, RealMeasures) {
  auto set = small_set();
  auto id = set.declare_real("rate", {"year"}, "1", "a rate", "year: mean");
  set.real(id, {1}) = 0.25;
  EXPECT_DOUBLE_EQ(set.reals(id)[1], 0.25);
  EXPECT_EQ(set.find("rate"), &set.measure(id));
  EXPECT_EQ(set.find("none"), nullptr);
}

}  // namespace
}  // namespace kfsim
