#pragma once
// The positions of the labour market with their vacancy bookkeeping. The book
// owns the position table and keeps the number of positions and of vacant
// positions in each (work area, occupation) cell in step with it, so that no
// process has to recount them and none can let them drift apart.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/labour/positions.hpp"

namespace kfsim {

class PositionBook {
 public:
  PositionBook(std::size_t areas, std::size_t occupations);

  std::size_t size() const { return positions_.size(); }
  std::size_t areas() const { return areas_; }
  std::size_t occupations() const { return occupations_; }
  std::size_t cells() const { return areas_ * occupations_; }
  // The (area, occupation) cell: area * occupations + occupation.
  std::size_t cell_of(std::size_t area, std::size_t occupation) const {
    return area * occupations_ + occupation;
  }
  std::size_t cell(std::size_t position) const;

  // Read-only access; every change goes through the operations below.
  const Positions& positions() const { return positions_; }
  std::span<const AgentId> ids() const { return positions_.table.ids(); }
  const std::vector<std::int32_t>& employer() const {
    return positions_.table.column(positions_.employer);
  }
  const std::vector<std::int8_t>& occupation() const {
    return positions_.table.column(positions_.occupation);
  }
  const std::vector<std::int8_t>& area() const { return positions_.table.column(positions_.area); }
  const std::vector<std::int8_t>& industry() const {
    return positions_.table.column(positions_.industry);
  }
  const std::vector<std::int64_t>& holder() const {
    return positions_.table.column(positions_.holder);
  }
  const std::vector<std::int16_t>& months_vacant() const {
    return positions_.table.column(positions_.months_vacant);
  }
  const std::vector<std::int8_t>& abolished() const {
    return positions_.table.column(positions_.abolished);
  }

  // Positions and vacant positions in a cell; an abolished position leaves
  // both counts at once, before it is removed.
  std::int32_t positions_in(std::size_t area, std::size_t occupation) const {
    return positions_in_cell_[cell_of(area, occupation)];
  }
  std::int32_t vacant_in(std::size_t area, std::size_t occupation) const {
    return vacant_in_cell_[cell_of(area, occupation)];
  }

  // Appends one vacant position with a fresh id at `employer`, whose industry
  // is `industry` (-1 outside Østfold); returns its slot.
  std::size_t append_vacant(std::int32_t employer, std::int8_t industry, std::size_t area,
                            std::size_t occupation);
  // Gives a vacant position to `holder` (a person id or kNonResident); throws
  // std::logic_error when it is not vacant.
  void fill(std::size_t position, std::int64_t holder);
  // Leaves the position vacant from now on, whoever held it.
  void vacate(std::size_t position);
  // Marks the position to go at the next remove_abolished(). Until then it
  // keeps its slot (so other slots keep theirs) but is no longer counted,
  // listed as a vacancy, or vacant again when vacate() is called on it.
  void abolish(std::size_t position);
  // Abolished positions not yet removed.
  std::size_t abolished_count() const { return abolished_count_; }
  // Removes the abolished positions, keeping the others in order, and moves
  // each job in `jobs` (a position slot or kNoJob) to its position's new slot.
  // Returns the new slot of each old slot, -1 for those removed.
  std::vector<std::int32_t> remove_abolished(std::span<std::int32_t> jobs);
  // One more month vacant for every vacant position.
  void age_vacancies();

  // Vacant position slots by cell, in slot order (abolished ones left out).
  std::vector<std::vector<std::int32_t>> vacancies_by_cell() const;

  // Throws std::logic_error naming the first cell whose counts disagree with
  // the table, or the first position whose area or occupation is off the grid.
  void check() const;

 private:
  // Lets a test corrupt a count to see check() catch it.
  friend struct PositionBookTestAccess;

  Positions positions_;
  std::size_t areas_;
  std::size_t occupations_;
  std::vector<std::int32_t> positions_in_cell_;
  std::vector<std::int32_t> vacant_in_cell_;
  std::size_t abolished_count_ = 0;
};

}  // namespace kfsim
