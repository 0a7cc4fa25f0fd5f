#include "models/labour/position_book.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "models/population/persons.hpp"

namespace kfsim {

PositionBook::PositionBook(std::size_t areas, std::size_t occupations)
    : areas_(areas),
      occupations_(occupations),
      positions_in_cell_(areas * occupations, 0),
      vacant_in_cell_(areas * occupations, 0) {}

std::size_t PositionBook::cell(std::size_t position) const {
  return cell_of(static_cast<std::size_t>(area()[position]),
                 static_cast<std::size_t>(occupation()[position]));
}

std::size_t PositionBook::append_vacant(std::int32_t employer, std::int8_t industry,
                                        std::size_t area, std::size_t occupation) {
  if (area >= areas_ || occupation >= occupations_) {
    throw std::logic_error("position book: cell (" + std::to_string(area) + ", " +
                           std::to_string(occupation) + ") is off the grid");
  }
  auto& table = positions_.table;
  const std::size_t p = table.append(1);
  table.column(positions_.employer)[p] = employer;
  table.column(positions_.industry)[p] = industry;
  table.column(positions_.area)[p] = static_cast<std::int8_t>(area);
  table.column(positions_.occupation)[p] = static_cast<std::int8_t>(occupation);
  const std::size_t c = cell_of(area, occupation);
  ++positions_in_cell_[c];
  ++vacant_in_cell_[c];
  return p;
}

void PositionBook::fill(std::size_t position, std::int64_t holder) {
  auto& current = positions_.table.column(positions_.holder)[position];
  if (current != kVacant) {
    throw std::logic_error("position book: position " + std::to_string(position) +
                           " is filled again while held by " + std::to_string(current));
  }
  current = holder;
  positions_.table.column(positions_.months_vacant)[position] = 0;
  --vacant_in_cell_[cell(position)];
}

void PositionBook::vacate(std::size_t position) {
  auto& current = positions_.table.column(positions_.holder)[position];
  if (current != kVacant && !abolished()[position]) ++vacant_in_cell_[cell(position)];
  current = kVacant;
  positions_.table.column(positions_.months_vacant)[position] = 0;
}

void PositionBook::abolish(std::size_t position) {
  auto& flag = positions_.table.column(positions_.abolished)[position];
  if (flag) return;
  flag = 1;
  ++abolished_count_;
  const std::size_t c = cell(position);
  --positions_in_cell_[c];
  if (holder()[position] == kVacant) --vacant_in_cell_[c];
}

std::vector<std::int32_t> PositionBook::remove_abolished(std::span<std::int32_t> jobs) {
  const auto& gone = abolished();
  std::vector<std::int32_t> new_slot(size(), -1);
  if (abolished_count_ == 0) {
    for (std::size_t p = 0; p < size(); ++p) new_slot[p] = static_cast<std::int32_t>(p);
    return new_slot;
  }
  std::vector<std::uint8_t> keep(size(), 1);
  std::int32_t next = 0;
  std::size_t first_removed = size();
  for (std::size_t p = 0; p < size(); ++p) {
    if (gone[p]) {
      keep[p] = 0;
      first_removed = std::min(first_removed, p);
    } else {
      new_slot[p] = next++;
    }
  }
  positions_.table.retain(keep);
  abolished_count_ = 0;
  // Slots before the first removed one keep their number: only jobs at or after
  // it are rewritten (a month removes a few positions, mostly the newest).
  const auto first = static_cast<std::int32_t>(first_removed);
  for (auto& job : jobs) {
    if (job >= first) job = new_slot[static_cast<std::size_t>(job)];
  }
  return new_slot;
}

void PositionBook::age_vacancies() {
  auto& months = positions_.table.column(positions_.months_vacant);
  const auto& held = holder();
  for (std::size_t p = 0; p < size(); ++p) {
    // Saturates rather than wrapping the 16-bit column.
    if (held[p] == kVacant && months[p] < 30000) ++months[p];
  }
}

std::vector<std::vector<std::int32_t>> PositionBook::vacancies_by_cell() const {
  std::vector<std::vector<std::int32_t>> vacant(cells());
  for (std::size_t c = 0; c < cells(); ++c) {
    vacant[c].reserve(static_cast<std::size_t>(vacant_in_cell_[c]));
  }
  const auto& held = holder();
  const auto& gone = abolished();
  const auto& in_area = area();
  const auto& of_occupation = occupation();
  for (std::size_t p = 0; p < size(); ++p) {
    if (held[p] != kVacant || gone[p]) continue;
    vacant[cell_of(static_cast<std::size_t>(in_area[p]),
                   static_cast<std::size_t>(of_occupation[p]))]
        .push_back(static_cast<std::int32_t>(p));
  }
  return vacant;
}

void PositionBook::check() const {
  std::vector<std::int32_t> total(cells(), 0);
  std::vector<std::int32_t> vacant(cells(), 0);
  std::size_t abolished_seen = 0;
  const auto& held = holder();
  for (std::size_t p = 0; p < size(); ++p) {
    const auto a = static_cast<std::size_t>(area()[p]);
    const auto o = static_cast<std::size_t>(occupation()[p]);
    if (area()[p] < 0 || occupation()[p] < 0 || a >= areas_ || o >= occupations_) {
      throw std::logic_error("position " + std::to_string(p) + " lies outside the cell grid");
    }
    if (abolished()[p]) {
      ++abolished_seen;
      continue;
    }
    ++total[cell_of(a, o)];
    if (held[p] == kVacant) ++vacant[cell_of(a, o)];
  }
  if (abolished_seen != abolished_count_) {
    throw std::logic_error("the position book counts " + std::to_string(abolished_count_) +
                           " abolished positions; the table holds " +
                           std::to_string(abolished_seen));
  }
  for (std::size_t c = 0; c < cells(); ++c) {
    if (total[c] == positions_in_cell_[c] && vacant[c] == vacant_in_cell_[c]) continue;
    throw std::logic_error("cell (area " + std::to_string(c / occupations_) + ", occupation " +
                           std::to_string(c % occupations_) + ") counts " +
                           std::to_string(positions_in_cell_[c]) + " positions, " +
                           std::to_string(vacant_in_cell_[c]) + " vacant; the table holds " +
                           std::to_string(total[c]) + ", " + std::to_string(vacant[c]) + " vacant");
  }
}

}  // namespace kfsim
