#pragma once
// A calendar month. Time in kfsim is always a Month, never a bare int: the
// type keeps "month 7" from being mixed up with "July" or "the 7th year".
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kfsim {

class Month {
 public:
  constexpr Month() = default;
  // year is the calendar year, month_of_year 1..12.
  static constexpr Month of(int year, int month_of_year) {
    return Month(year * 12 + (month_of_year - 1));
  }
  // Parses "YYYY-MM" (e.g. "2024-01"); nullopt when malformed or out of range.
  static std::optional<Month> parse(std::string_view text);

  constexpr int year() const { return index_ / 12; }
  constexpr int month_of_year() const { return index_ % 12 + 1; }
  // Months since January of year 0: a dense index for counters and arrays.
  constexpr std::int32_t index() const { return index_; }
  static constexpr Month from_index(std::int32_t index) { return Month(index); }

  std::string to_string() const;  // "YYYY-MM"

  constexpr Month operator+(int months) const { return Month(index_ + months); }
  constexpr Month operator-(int months) const { return Month(index_ - months); }
  constexpr int operator-(Month other) const { return index_ - other.index_; }
  constexpr Month& operator++() {
    ++index_;
    return *this;
  }
  constexpr auto operator<=>(const Month&) const = default;

 private:
  constexpr explicit Month(std::int32_t index) : index_(index) {}
  std::int32_t index_ = 0;
};

// Completed years at the start of month `now` of someone born during month
// `birth` (counted as born mid-month): born in January 2023, one is 0 on
// 1 January 2024 and 1 on 1 February 2024. Zero before and in the birth month.
constexpr int age_in_years(Month birth, Month now) {
  const int months = now - birth - 1;
  return months > 0 ? months / 12 : 0;
}

// The earliest birth month of someone aged `age` at the start of month `now`;
// the latest is 11 months later.
constexpr Month earliest_birth_month(int age, Month now) { return now - 12 * age - 12; }

}  // namespace kfsim
