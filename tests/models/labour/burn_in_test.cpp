// The burn-in before the start (labour_burn_in.cpp) on the Østfold baseline:
// it moves people between jobs and nothing else (everyone's age, home,
// competence, education and labour status stay as the start date gives them),
// records nothing, and gives the same start state for any thread count.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "models/demography/demography.hpp"
#include "models/demography/demography_params.hpp"
#include "models/labour/labour_market.hpp"
#include "models/labour/labour_params.hpp"
#include "models/population/persons.hpp"
#include "sim/rng/random.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

// Every person's columns on the start date, after the start state is built.
struct StartState {
  std::vector<std::int32_t> birth, education_end, job;
  std::vector<std::int8_t> home, competence, target, status, pending, disability;
  std::vector<std::int32_t> job_occupation;  // -1 without a job
  MeasureSet measures;
};

StartState start_state(int burn_in_months, int threads) {
  const auto scenario = labour_test::baseline(
      {"end=\"2024-01\"", "labour.burn_in_months=" + std::to_string(burn_in_months)});
  const DemographyData data = load_demography_data(demography_files(scenario));
  const LabourData labour_data = load_labour_data(labour_files(scenario), data.municipalities);
  const Month start = scenario.month("start");
  const rng::RngKey key(static_cast<std::uint64_t>(scenario.integer("seed")), 0);
  Persons persons;
  StartState state;
  add_common_dimensions(state.measures, data.municipalities, start, start);
  Demography demography(data, persons, state.measures, key, start, start);
  LabourMarket labour(labour_data, data.municipalities, persons, state.measures, key, start, start,
                      labour_setup(scenario));
  RunControl control;
  control.threads = threads;
  run_months(start, start, {}, control, [&] {
    demography.populate(start);
    labour.initialize(start, labour_params_at(scenario, labour_data, start));
    labour.check_invariants(start);
  });
  const auto& t = persons.table;
  const auto copy = [](const auto& column) { return std::vector(column.begin(), column.end()); };
  state.birth = copy(t.column(persons.birth_month));
  state.education_end = copy(t.column(persons.education_end));
  state.job = copy(t.column(persons.job));
  state.home = copy(t.column(persons.municipality));
  state.competence = copy(t.column(persons.competence));
  state.target = copy(t.column(persons.education_target));
  state.status = copy(t.column(persons.labour_status));
  state.pending = copy(t.column(persons.qualification_pending));
  state.disability = copy(t.column(persons.disability));
  for (const auto j : state.job) {
    state.job_occupation.push_back(
        j == kNoJob ? -1 : labour.position_book().occupation()[static_cast<std::size_t>(j)]);
  }
  return state;
}

TEST(BurnIn, MovesPeopleBetweenJobsAndNothingElse) {
  const StartState placed = start_state(0, 2);
  const StartState burnt = start_state(24, 2);
  EXPECT_EQ(placed.birth, burnt.birth);
  EXPECT_EQ(placed.education_end, burnt.education_end);
  EXPECT_EQ(placed.home, burnt.home);
  EXPECT_EQ(placed.competence, burnt.competence);
  EXPECT_EQ(placed.target, burnt.target);
  EXPECT_EQ(placed.pending, burnt.pending);
  EXPECT_EQ(placed.disability, burnt.disability);
  // Employed, unemployed and outside the labour force: as the start date's
  // data give them, person by person.
  EXPECT_EQ(placed.status, burnt.status);
  // In two years a good share of the employed have changed occupation.
  std::size_t employed = 0;
  std::size_t moved = 0;
  for (std::size_t i = 0; i < placed.status.size(); ++i) {
    if (placed.job_occupation[i] < 0) continue;
    ++employed;
    moved += placed.job_occupation[i] != burnt.job_occupation[i];
  }
  ASSERT_GT(employed, 100000u);
  EXPECT_GT(moved, employed / 50) << moved << " of " << employed;
}

TEST(BurnIn, RecordsNothing) {
  const StartState placed = start_state(0, 2);
  const StartState burnt = start_state(24, 2);
  ASSERT_EQ(placed.measures.measures().size(), burnt.measures.measures().size());
  for (std::size_t i = 0; i < placed.measures.measures().size(); ++i) {
    EXPECT_TRUE(bit_identical(placed.measures.measures()[i], burnt.measures.measures()[i]))
        << placed.measures.measures()[i].name;
  }
}

TEST(BurnIn, IdenticalForOneAndFourThreads) {
  // oneTBB caps its workers at the core count unless told otherwise.
  const ThreadLimit allow(4);
  const StartState one = start_state(24, 1);
  const StartState four = start_state(24, 4);
  EXPECT_EQ(one.job, four.job);
  EXPECT_EQ(one.status, four.status);
}

}  // namespace
}  // namespace kfsim
