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

TEST(Month, AgeInYearsCountsTheBirthMonthAsHalfGone) {
  // Born in May 2000: still 23 on 1 May 2024 (the birthday falls within May).
  EXPECT_EQ(age_in_years(Month::of(2000, 5), Month::of(2024, 5)), 23);
  EXPECT_EQ(age_in_years(Month::of(2000, 5), Month::of(2024, 6)), 24);
  // Born during 2023: aged 0 on 1 January 2024, as SSB counts age on 1 January.
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(age_in_years(Month::of(2023, m), Month::of(2024, 1)), 0) << m;
  }
  EXPECT_EQ(age_in_years(Month::of(2024, 3), Month::of(2024, 3)), 0);
}

TEST(Month, EarliestBirthMonthMatchesAgeInYears) {
  const Month now = Month::of(2024, 1);
  for (int age : {0, 1, 30, 105}) {
    const Month earliest = earliest_birth_month(age, now);
    EXPECT_EQ(age_in_years(earliest, now), age);
    EXPECT_EQ(age_in_years(earliest + 11, now), age);
    EXPECT_EQ(age_in_years(earliest - 1, now), age + 1);
  }
}

}  // namespace
}  // namespace kfsim
