#include "sim/time/month.hpp"

#include <gtest/gtest.h>

namespace kfsim {
namespace {

TEST(Month, ParsesAndPrints) {
  auto month = Month::parse("2024-01");
  ASSERT_TRUE(month.has_value());
  EXPECT_EQ(month->year(), 2024);
  EXPECT_EQ(month->month_of_year(), 1);
  EXPECT_EQ(month->to_string(), "2024-01");
  EXPECT_EQ((*month + 23).to_string(), "2025-12");
}

TEST(Month, RejectsMalformed) {
  for (const char* bad : {"2024-13", "2024-00", "24-01", "2024/01", "2024-1", "abcd-ef", ""}) {
    EXPECT_FALSE(Month::parse(bad).has_value()) << bad;
  }
}

TEST(Month, AgeInYears) {
  EXPECT_EQ(age_in_years(Month::of(2000, 5), Month::of(2024, 4)), 23);
  EXPECT_EQ(age_in_years(Month::of(2000, 5), Month::of(2024, 5)), 24);
}

}  // namespace
}  // namespace kfsim
