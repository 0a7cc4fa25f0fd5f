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

// Whole years between a birth month and a later month (age at that month).
constexpr int age_in_years(Month birth, Month now) {
  return (now - birth) / 12;
}

}  // namespace kfsim
