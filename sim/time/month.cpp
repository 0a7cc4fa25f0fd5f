#include "sim/time/month.hpp"

#include <charconv>
#include <cstdio>

namespace kfsim {

std::optional<Month> Month::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0;
  int month = 0;
  auto y = std::from_chars(text.data(), text.data() + 4, year);
  auto m = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (y.ec != std::errc{} || y.ptr != text.data() + 4) return std::nullopt;
  if (m.ec != std::errc{} || m.ptr != text.data() + 7) return std::nullopt;
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return std::nullopt;
  return Month::of(year, month);
}

std::string Month::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year(), month_of_year());
  return buffer;
}

}  // namespace kfsim
