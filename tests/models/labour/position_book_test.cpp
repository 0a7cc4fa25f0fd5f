// The position book keeps its per-cell counts of positions and vacancies in
// step with the table through every change, lists vacancies in slot order,
// renumbers the persons' jobs when abolished positions go, and check() names
// a cell whose counts have drifted.
#include "models/labour/position_book.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/population/persons.hpp"

namespace kfsim {

struct PositionBookTestAccess {
  static void miscount_vacancies(PositionBook& book, std::size_t cell) {
    ++book.vacant_in_cell_[cell];
  }
};

namespace {

using Slots = std::vector<std::int32_t>;

// Two areas x three occupations.
PositionBook make_book() {
  PositionBook book(2, 3);
  book.append_vacant(0, 0, 0, 1);  // slot 0
  book.append_vacant(0, 0, 1, 2);  // slot 1
  book.append_vacant(1, 0, 0, 1);  // slot 2
  book.append_vacant(1, 0, 0, 0);  // slot 3
  book.append_vacant(2, 0, 0, 1);  // slot 4
  return book;
}

TEST(PositionBook, AppendedPositionsAreVacantAndCountedInTheirCell) {
  const auto book = make_book();
  ASSERT_EQ(book.size(), 5u);
  EXPECT_EQ(book.positions_in(0, 1), 3);
  EXPECT_EQ(book.vacant_in(0, 1), 3);
  EXPECT_EQ(book.positions_in(1, 2), 1);
  EXPECT_EQ(book.positions_in(1, 0), 0);
  EXPECT_EQ(book.employer()[4], 2);
  EXPECT_EQ(book.holder()[4], kVacant);
  const auto vacant = book.vacancies_by_cell();
  ASSERT_EQ(vacant.size(), 6u);
  EXPECT_EQ(vacant[book.cell_of(0, 1)], (Slots{0, 2, 4}));
  EXPECT_EQ(vacant[book.cell_of(0, 0)], (Slots{3}));
  EXPECT_EQ(vacant[book.cell_of(1, 2)], (Slots{1}));
  EXPECT_TRUE(vacant[book.cell_of(1, 0)].empty());
  EXPECT_NO_THROW(book.check());
}

TEST(PositionBook, FillingAndVacatingMoveTheVacancyCount) {
  auto book = make_book();
  book.age_vacancies();
  book.fill(2, 17);
  book.fill(4, kNonResident);
  EXPECT_EQ(book.holder()[2], 17);
  EXPECT_EQ(book.months_vacant()[2], 0);
  EXPECT_EQ(book.months_vacant()[0], 1);
  EXPECT_EQ(book.positions_in(0, 1), 3);
  EXPECT_EQ(book.vacant_in(0, 1), 1);
  EXPECT_EQ(book.vacancies_by_cell()[book.cell_of(0, 1)], (Slots{0}));
  EXPECT_NO_THROW(book.check());
  // A position already held cannot be filled again.
  EXPECT_THROW(book.fill(2, 18), std::logic_error);

  book.age_vacancies();
  EXPECT_EQ(book.months_vacant()[0], 2);
  EXPECT_EQ(book.months_vacant()[2], 0);  // held: does not age
  book.vacate(4);
  book.vacate(4);  // vacating a vacant position changes nothing
  book.vacate(0);
  EXPECT_EQ(book.months_vacant()[0], 0);
  EXPECT_EQ(book.vacant_in(0, 1), 2);
  EXPECT_EQ(book.vacancies_by_cell()[book.cell_of(0, 1)], (Slots{0, 4}));
  EXPECT_NO_THROW(book.check());
}

TEST(PositionBook, RemovingAbolishedPositionsRenumbersJobsAndCounts) {
  auto book = make_book();
  book.fill(2, 17);
  book.fill(4, 18);
  book.fill(1, 19);
  book.abolish(0);  // vacant
  book.abolish(1);  // held: its holder lost the job first
  book.vacate(1);
  // Abolished positions leave the counts and the vacancy lists at once, and
  // keep their slots until they are removed.
  EXPECT_EQ(book.abolished_count(), 2u);
  EXPECT_EQ(book.size(), 5u);
  EXPECT_EQ(book.positions_in(0, 1), 2);
  EXPECT_EQ(book.vacant_in(0, 1), 0);
  EXPECT_EQ(book.positions_in(1, 2), 0);
  EXPECT_EQ(book.vacancies_by_cell()[book.cell_of(0, 1)], Slots{});
  EXPECT_NO_THROW(book.check());
  book.abolish(1);  // a second time changes nothing
  EXPECT_EQ(book.abolished_count(), 2u);
  EXPECT_NO_THROW(book.check());

  // Persons' jobs: slots 2 and 4, and one without a job.
  std::vector<std::int32_t> jobs = {4, kNoJob, 2};
  const auto new_slot = book.remove_abolished(jobs);
  EXPECT_EQ(new_slot, (Slots{-1, -1, 0, 1, 2}));
  EXPECT_EQ(jobs, (std::vector<std::int32_t>{2, kNoJob, 0}));
  ASSERT_EQ(book.size(), 3u);
  EXPECT_EQ(book.abolished_count(), 0u);
  EXPECT_EQ(book.holder()[0], 17);
  EXPECT_EQ(book.holder()[2], 18);
  EXPECT_EQ(book.ids()[0], 2);  // ids survive, slots do not
  EXPECT_EQ(book.positions_in(0, 1), 2);
  EXPECT_EQ(book.vacant_in(0, 1), 0);
  EXPECT_EQ(book.positions_in(1, 2), 0);
  EXPECT_EQ(book.vacant_in(1, 2), 0);
  EXPECT_EQ(book.vacancies_by_cell()[book.cell_of(0, 0)], (Slots{1}));
  EXPECT_NO_THROW(book.check());

  // New positions take fresh ids after the survivors.
  EXPECT_EQ(book.append_vacant(3, 0, 1, 2), 3u);
  EXPECT_EQ(book.ids()[3], 5);
  EXPECT_EQ(book.vacant_in(1, 2), 1);
  EXPECT_NO_THROW(book.check());
}

TEST(PositionBook, CheckNamesTheCellWhoseCountDrifted) {
  auto book = make_book();
  PositionBookTestAccess::miscount_vacancies(book, book.cell_of(1, 2));
  try {
    book.check();
    FAIL() << "a miscounted cell passed the check";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("area 1, occupation 2"), std::string::npos) << e.what();
  }
}

TEST(PositionBook, PositionsOffTheGridAreRefused) {
  PositionBook book(2, 3);
  EXPECT_THROW(book.append_vacant(0, 0, 2, 0), std::logic_error);
  EXPECT_THROW(book.append_vacant(0, 0, 0, 3), std::logic_error);
  EXPECT_EQ(book.size(), 0u);
}

}  // namespace
}  // namespace kfsim
